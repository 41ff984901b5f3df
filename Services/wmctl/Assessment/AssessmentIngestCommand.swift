import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl assessment ingest FILE`: sends a file of facts in one client-streaming call, with a counter of facts sent,
/// and prints the counts and the first problems.
struct AssessmentIngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Send facts from a CSV or JSON-lines file.",
        discussion: """
            CSV with the header id,subject_kind,subject_id,date,metric,kind,value (dates YYYY-MM-DD, kind only for \
            VIOLATIONS), or .jsonl/.ndjson objects with the same keys. Exits 0 when every fact was stored or already \
            there, 3 when some were rejected or conflicted (the others are stored), 2 when the call was refused.
            """
    )

    @Argument(help: "CSV (header id,subject_kind,subject_id,date,metric,kind,value) or .jsonl file.")
    var file: String

    @Option(name: .customLong("batch"), help: "Facts per message, 1 to 10000 (default 5000).")
    var batch = 5_000

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard (1 ... 10_000).contains(self.batch) else { throw ValidationError("--batch must be 1 to 10000") }
    }

    func run() async throws {
        let facts = try FactFile.read(self.file)
        let progress = ProgressLine("facts sent")
        let response = try await AssessmentCall.run(self.connection) { assessment in
            try await assessment.ingest(options: self.connection.streamingOptions) { writer in
                var sent = 0
                while sent < facts.count {
                    let end = min(sent + self.batch, facts.count)
                    try await writer.write(AssessmentV1.IngestRequest(facts: Array(facts[sent ..< end])))
                    sent = end
                    progress.update(Int64(sent), of: Int64(facts.count))
                }
            }
        }
        progress.finish()
        if self.connection.json {
            JSONOutput.print(AssessmentJSON.ingest(response))
        } else {
            print(AssessmentTables.ingest(response))
        }
        if response.rejected > 0 || response.conflict > 0 { throw ExitCode(3) }
    }
}
