import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

private let periodFlags = FlagNames(["period": "<period>"])

/// `wmctl assessment compute 2021-09`: scores the period, with a progress bar of providers scored.
struct AssessmentComputeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Score every ACTIVE provider for a period (allowed until it is published)."
    )

    @Argument(help: "The period, YYYY-MM.") var period: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let progress = ProgressLine("providers scored")
        let period = try await AssessmentCall.run(self.connection, flags: periodFlags) { assessment in
            try await assessment.compute(
                AssessmentV1.PeriodRequest(period: self.period),
                options: self.connection.streamingOptions
            ) { stream in
                var last: AssessmentV1.Period?
                for try await message in stream {
                    progress.update(message.providersScored, of: message.providersTotal)
                    if let period = message.period { last = period }
                }
                return last ?? AssessmentV1.Period()
            }
        }
        progress.finish()
        AssessmentOutput.period(period, self.connection)
    }
}

/// `wmctl assessment publish 2021-09`: publishes the scorecards and opens the appeal window.
struct AssessmentPublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "publish", abstract: "Publish a COMPUTED period.")

    @Argument(help: "The period, YYYY-MM.") var period: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var idempotency: IdempotencyOptions

    func run() async throws {
        let options = IdempotencyOptions.callOptions(self.connection, key: self.idempotency.resolvedKey())
        let flags = periodFlags.merging(IdempotencyOptions.flags)
        let response = try await AssessmentCall.run(self.connection, flags: flags) { assessment in
            try await assessment.publish(
                AssessmentV1.PeriodRequest(period: self.period),
                options: options
            )
        }
        AssessmentOutput.period(response.period ?? AssessmentV1.Period(), self.connection)
    }
}

/// `wmctl assessment finalize 2021-09`: makes a published period FINAL once its appeals are done.
struct AssessmentFinalizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finalize",
        abstract: "Make a PUBLISHED period FINAL (after its appeal window, with no appeal pending)."
    )

    @Argument(help: "The period, YYYY-MM.") var period: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var idempotency: IdempotencyOptions

    func run() async throws {
        let options = IdempotencyOptions.callOptions(self.connection, key: self.idempotency.resolvedKey())
        let flags = periodFlags.merging(IdempotencyOptions.flags)
        let response = try await AssessmentCall.run(self.connection, flags: flags) { assessment in
            try await assessment.finalize(
                AssessmentV1.PeriodRequest(period: self.period),
                options: options
            )
        }
        AssessmentOutput.period(response.period ?? AssessmentV1.Period(), self.connection)
    }
}

/// `wmctl assessment period 2021-09`: a period's state and summary.
struct AssessmentPeriodCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "period", abstract: "Show a period.")

    @Argument(help: "The period, YYYY-MM.") var period: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let response = try await AssessmentCall.run(self.connection, flags: periodFlags) { assessment in
            try await assessment.getPeriod(
                AssessmentV1.PeriodRequest(period: self.period),
                options: self.connection.callOptions
            )
        }
        AssessmentOutput.period(response.period ?? AssessmentV1.Period(), self.connection)
    }
}

/// Prints one result as a table, or as JSON with `--json`.
enum AssessmentOutput {
    static func period(_ period: AssessmentV1.Period, _ connection: ConnectionOptions) {
        if connection.json {
            JSONOutput.print(["period": AssessmentJSON.period(period)])
        } else {
            print(AssessmentTables.period(period))
        }
    }
}
