import Foundation
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

extension EndToEndTests {
    /// A paid period on SQLite, the services stopped, each store moved with `wmctl admin migrate-store`, and the
    /// services started on PostgreSQL: the same providers, scorecards, batch, budget and a reconciling ledger.
    @Test func storesMovedToPostgreSQLServeTheSameProgram() async throws {
        let stack = try await IncentiveTestStack.start()
        defer { stack.stop() }
        let period = try await Self.finalPeriod(stack)
        let operators = try stack.client("operator-alice")
        var batch: IncentiveV1.Batch?
        try await operators.incentive.compute(IncentiveV1.PeriodRequest(programId: Self.program, period: "2021-09")) {
            for try await step in $0 where step.batch != nil { batch = step.batch }
        }
        await operators.test.connection.close()
        let proposed = try #require(batch)
        #expect(try await Self.wmctl(stack, "finance-bob", ["incentive", "approve", proposed.id]).status == 0)
        #expect(try await Self.wmctl(stack, "finance-carol", ["incentive", "post", proposed.id]).status == 0)

        let servers = [
            ("registry", stack.assessmentStack.registry.service), ("assessment", stack.assessmentStack.assessment),
            ("incentive", stack.incentive),
        ]
        let url = try PostgresTestCluster.freshDatabase()
        for (service, server) in servers {
            server.server.terminate()
            _ = try await server.server.waitForExit()
            let path = server.dataDirectory.appendingPathComponent("\(service).sqlite").path
            let run = try await CommandRun.run(
                "wmctl",
                ["admin", "migrate-store", "--service", service, "--from", "sqlite:\(path)", "--to", url],
                environment: [:],
                timeout: .seconds(120)
            )
            #expect(run.status == 0, "\(run.output)")
            #expect(run.output.contains("moved the \(service) store") && run.output.contains("row count matches"))
            if service == "incentive" { #expect(run.output.contains("the copied ledger reconciles")) }
            // A second move into the same schema is refused: it is no longer empty.
            let again = try await CommandRun.run(
                "wmctl",
                ["admin", "migrate-store", "--service", service, "--from", "sqlite:\(path)", "--to", url],
                environment: [:]
            )
            #expect(again.status != 0 && again.output.contains("already has tables"), "\(again.output)")
        }

        // A file that is not a store (empty here, as a mistyped path may be) is not "moved" as nothing.
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID()).sqlite").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let notAStore = try await CommandRun.run(
            "wmctl",
            ["admin", "migrate-store", "--service", "registry", "--from", "sqlite:\(empty)", "--to", url],
            environment: [:]
        )
        #expect(notAStore.status != 0 && notAStore.output.contains("is not a service's store"), "\(notAStore.output)")

        let moved = try await IncentiveTestStack.scaled(store: url)
        defer { moved.stop() }
        let client = try moved.client("operator-alice")
        defer { Task { await client.test.connection.close() } }
        let lines = try await client.incentive.getBatch(IncentiveV1.GetBatchRequest(batchId: proposed.id)).lines
        #expect(lines.count == 3 && lines.allSatisfy { $0.status == "PAID" })
        let cash = zip(period.scorecards, Self.gmv).reduce(Int64(0)) { $0 + Self.expected($1.0, gmv: $1.1.fen).cash }
        let budget = try await client.incentive.getBudget(IncentiveV1.ProgramRequest(programId: Self.program))
        #expect(budget.budget?.cash?.posted == cash && budget.budget?.cash?.funded == Self.fundedCash)
        #expect(try await client.incentive.reconcile(IncentiveV1.ReconcileRequest()).violations.isEmpty)
        let assessment = try moved.assessmentStack.client("operator-alice")
        defer { Task { await assessment.test.connection.close() } }
        for (provider, card) in zip(period.providers, period.scorecards) {
            let scorecard = try await assessment.assessment.getScorecard(
                AssessmentV1.GetScorecardRequest(period: "2021-09", providerId: provider)
            ).scorecard
            #expect(scorecard?.composite == card.composite)
        }
    }
}
