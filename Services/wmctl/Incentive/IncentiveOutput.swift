import WindMakerMessages

/// Prints one incentive result as a table, or as JSON with `--json`.
enum IncentiveOutput {
    static func program(_ program: IncentiveV1.Program, _ connection: ConnectionOptions, key: String? = nil) {
        if connection.json {
            JSONOutput.print(["program": IncentiveJSON.program(program)], idempotencyKey: key)
        } else {
            print(IncentiveTables.program(program))
        }
    }

    static func budget(_ budget: IncentiveV1.Budget, _ connection: ConnectionOptions, key: String? = nil) {
        if connection.json {
            JSONOutput.print(["budget": IncentiveJSON.budget(budget)], idempotencyKey: key)
        } else {
            print(IncentiveTables.budget(budget))
        }
    }

    static func rules(_ versions: [IncentiveV1.RulesVersion], _ connection: ConnectionOptions, key: String? = nil) {
        if connection.json {
            JSONOutput.print(["versions": .array(versions.map(IncentiveJSON.rules))], idempotencyKey: key)
        } else {
            print(IncentiveTables.rules(versions))
        }
    }

    static func batch(_ batch: IncentiveV1.Batch, _ connection: ConnectionOptions, key: String? = nil) {
        if connection.json {
            JSONOutput.print(["batch": IncentiveJSON.batch(batch)], idempotencyKey: key)
        } else {
            print(IncentiveTables.batch(batch))
        }
    }
}
