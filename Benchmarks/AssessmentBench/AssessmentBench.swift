import ArgumentParser
import BenchmarkSupport
import Foundation

/// `assessment-bench`: prints one JSON line per case. `ingest`: facts per second streamed from this process to an
/// assessment server in a child process over mutual TLS, each message acknowledged durable. `compute`: one period
/// for `--providers` providers with `--facts` facts in its window, bindings snapshot included, with the seconds and
/// the peak resident memory. `dry_run`: the same period under a draft rulebook.
@main
struct AssessmentBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment-bench",
        abstract: "Measure assessment ingest (facts/s) and period computation (seconds, peak RSS).",
        subcommands: [Driver.self, Serve.self],
        defaultSubcommand: Driver.self
    )

    struct Driver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the cases (the default).")

        @Option(help: "Providers in the compute and dry_run cases.") var providers = 10_000
        @Option(help: "Facts in the compute and dry_run cases.") var facts = 10_000_000
        @Option(name: .customLong("ingest-facts"), help: "Facts streamed in the ingest case.") var ingestFacts =
            1_000_000
        @Option(help: "Facts per ingest message (at most 10000).") var batch = 10_000
        @Option(help: "Cases, comma-separated: ingest,compute,dry_run.") var cases = "ingest,compute,dry_run"
        @Option(help: "Run the cases on this PostgreSQL database (postgres://USER@HOST:PORT/DB) instead of SQLite.")
        var store: String?
        @Option(help: "Assessment servers in the ingest case, on --store (1 on SQLite).") var instances = 1
        @Option(help: "Directory of development certificates; created with scripts/dev-certs if missing.")
        var certs = ".dev/certs"

        func run() async throws {
            let cases = Set(self.cases.split(separator: ",").map(String.init))
            let unknown = cases.subtracting(["ingest", "compute", "dry_run"])
            guard unknown.isEmpty else {
                throw ValidationError("unknown cases: \(unknown.sorted().joined(separator: ", "))")
            }
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("assessment-bench-\(ProcessInfo.processInfo.processIdentifier)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let data = BenchData(providers: self.providers, facts: self.facts)
            if cases.contains("ingest") {
                let certificates = CertificateDirectory(path: self.certs)
                try certificates.ensureExists()
                let line = try await IngestCase(
                    data: BenchData(providers: self.providers, facts: self.ingestFacts),
                    count: self.ingestFacts,
                    batch: self.batch,
                    certificates: certificates,
                    directory: directory,
                    store: self.store,
                    instances: self.store == nil ? 1 : max(1, self.instances)
                ).run()
                StandardOutput.writeLine(line)
            }
            if cases.contains("compute") || cases.contains("dry_run") {
                for line in try await ComputeCase(data: data, directory: directory, store: self.store).run(
                    dryRun: cases.contains("dry_run")
                ) {
                    StandardOutput.writeLine(line)
                }
            }
        }
    }

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "serve", abstract: "The ingest case's server.")

        @Option var certs: String
        @Option var data: String
        @Option var store: String?

        func run() async throws {
            try await BenchServer(
                certificates: CertificateDirectory(path: self.certs),
                directory: self.data,
                store: self.store
            ).run()
        }
    }
}
