import ArgumentParser
import BenchmarkSupport
import Foundation

/// `incentive-bench`: prints one JSON line per case. `post`: transfers posted durably per second, in groups of
/// `--group`, through an incentive server in a child process over mutual TLS, `--concurrency` requests in flight.
/// `reconcile`: reconciliation over `--reconcile-transfers` stored transfers. `period`: computing, approving and
/// posting one period for `--providers` providers, with the registry and the assessment running as servers too.
@main
struct IncentiveBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incentive-bench",
        abstract: "Measure ledger posting (transfers/s), reconciliation and one period's disbursement.",
        subcommands: [Driver.self, ServeCommand.self],
        defaultSubcommand: Driver.self
    )

    struct Driver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the cases (the default).")

        @Option(help: "Transfers posted in the post case.") var transfers = 1_000_000
        @Option(help: "Transfers per request in the post case (at most 10000).") var group = 5_000
        @Option(help: "Requests in flight in the post case.") var concurrency = 4
        @Option(help: "The post case on this PostgreSQL database (postgres://USER@HOST:PORT/DB; schema incentive).")
        var store: String?
        @Option(help: "Incentive servers in the post case, on --store (1 on SQLite).") var instances = 1
        @Option(name: .customLong("reconcile-transfers"), help: "Transfers stored for the reconcile case.")
        var reconcileTransfers = 1_000_000
        @Option(help: "Providers in the period case.") var providers = 10_000
        @Option(help: "Cases, comma-separated: post,reconcile,period.") var cases = "post,reconcile,period"
        @Option(help: "Directory of development certificates; created with scripts/dev-certs if missing.")
        var certs = ".dev/certs"

        func run() async throws {
            let cases = Set(self.cases.split(separator: ",").map(String.init))
            let unknown = cases.subtracting(["post", "reconcile", "period"])
            guard unknown.isEmpty else {
                throw ValidationError("unknown cases: \(unknown.sorted().joined(separator: ", "))")
            }
            guard (1 ... 10_000).contains(self.group) else { throw ValidationError("--group must be 1 to 10000") }
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("incentive-bench-\(ProcessInfo.processInfo.processIdentifier)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let certificates = CertificateDirectory(path: self.certs)
            if cases.contains("post") || cases.contains("period") { try certificates.ensureExists() }
            if cases.contains("post") {
                StandardOutput.writeLine(
                    try await PostCase(
                        count: self.transfers,
                        group: self.group,
                        concurrency: self.concurrency,
                        certificates: certificates,
                        directory: directory.appendingPathComponent("post"),
                        store: self.store,
                        instances: self.store == nil ? 1 : max(1, self.instances)
                    ).run()
                )
            }
            if cases.contains("reconcile") {
                StandardOutput.writeLine(
                    try await ReconcileCase(
                        count: self.reconcileTransfers,
                        directory: directory.appendingPathComponent("reconcile")
                    ).run()
                )
            }
            if cases.contains("period") {
                StandardOutput.writeLine(
                    try await PeriodCase(
                        providers: self.providers,
                        certificates: certificates,
                        directory: directory.appendingPathComponent("period")
                    ).run()
                )
            }
        }
    }
}

extension Duration {
    /// The duration in seconds, for the JSON lines.
    var seconds: Double { Double(self.components.seconds) + Double(self.components.attoseconds) / 1e18 }
}
