import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl assessment dry-run --rulebook FILE --period 2021-09`: how a draft would change a period's results.
struct AssessmentDryRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dry-run",
        abstract: "Score a draft rulebook against a computed period without publishing it."
    )

    @Option(name: .customLong("rulebook"), help: "The draft rulebook JSON file.") var rulebook: String
    @Option(name: .customLong("period"), help: "The period, YYYY-MM.") var period: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let document = try DocumentFile.read(self.rulebook)
        let flags = FlagNames(["period": "--period", "document": "--rulebook"])
        let report = try await AssessmentCall.run(self.connection, flags: flags) { assessment in
            try await assessment.dryRun(
                AssessmentV1.DryRunRequest(period: self.period, document: document),
                options: self.connection.streamingOptions
            )
        }
        if self.connection.json {
            JSONOutput.print(AssessmentJSON.dryRun(report))
        } else {
            print(AssessmentTables.dryRun(report))
        }
    }
}

/// `wmctl assessment progress`: providers in the ¥1B and ¥100M clubs against the program's targets, per period.
struct AssessmentProgressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Club counts against the program's targets, per computed period."
    )

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let report = try await AssessmentCall.run(self.connection) { assessment in
            try await assessment.progress(AssessmentV1.ProgressRequest(), options: self.connection.callOptions)
        }
        if self.connection.json {
            JSONOutput.print(AssessmentJSON.progress(report))
        } else {
            print(AssessmentTables.progress(report))
        }
    }
}
