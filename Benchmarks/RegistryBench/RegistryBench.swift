import ArgumentParser
import BenchmarkSupport
import Foundation
import WindMakerRegistry
import WindMakerStorage

/// `registry-bench`: the registry's domain API on a temp-file SQLite database (WAL, synchronous=FULL) holding
/// `--providers` ACTIVE providers and `--bindings` confirmed bindings. Prints one JSON line per case:
/// `apply-approve` (providers applied and approved per second, each pair two durable transactions),
/// `attribution` (attribution queries resolved per second, in batches of `--batch`) and `rpc-apply-approve` (the
/// same pairs through the `registry` RPC server over mutual TLS on loopback, from `--rpc-concurrency` tasks, whose
/// writes the database group-commits; the line also counts writes and commits). `--in-memory` runs the same on a
/// database without a disk, to separate what the disk costs from what the code costs.
@main
struct RegistryBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry-bench",
        abstract: "Measure registry applications+approvals/s (domain API and RPC) and attribution lookups/s."
    )

    @Option(help: "ACTIVE providers created before measuring.")
    var providers = 10_000

    @Option(help: "Confirmed bindings created before measuring.")
    var bindings = 500_000

    @Option(name: .customLong("apply-count"), help: "Providers applied and approved in the apply-approve case.")
    var applyCount = 2_000

    @Option(help: "Attribution queries per resolveAttribution call.")
    var batch = 1_000

    @Option(help: "Seconds to run the attribution case.")
    var seconds = 5.0

    @Option(help: "Cases, comma-separated: apply-approve,attribution,rpc-apply-approve.")
    var cases = Case.allCases.map(\.rawValue).joined(separator: ",")

    @Option(name: .customLong("rpc-concurrency"), help: "Tasks each applying and approving in rpc-apply-approve.")
    var rpcConcurrency = 16

    @Option(name: .customLong("rpc-seconds"), help: "Seconds measured in rpc-apply-approve, after a 1 s warm-up.")
    var rpcSeconds = 5.0

    @Flag(
        name: .customLong("in-memory"),
        help: "Use an in-memory database (no disk, no fsync): the ceiling the RPC and domain code set by themselves."
    )
    var inMemory = false

    @Option(help: "Directory of development certificates; created with scripts/dev-certs if missing.")
    var certs: String = ".dev/certs"

    enum Case: String, CaseIterable {
        case applyApprove = "apply-approve"
        case attribution
        case rpcApplyApprove = "rpc-apply-approve"
    }

    func run() async throws {
        let cases = try DriverOptions.list(self.cases, "cases") { Case(rawValue: $0) }
        let certificates = CertificateDirectory(path: self.certs)
        if cases.contains(.rpcApplyApprove) { try certificates.ensureExists() }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("registry-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = self.inMemory ? ":memory:" : directory.appendingPathComponent("registry.sqlite").path
        let registry = try Registry(database: SQLiteDatabase(path: path))
        let setupStart = ContinuousClock.now
        let population = try BulkSetup(providers: self.providers, bindings: self.bindings).populate(registry)
        let setup = ContinuousClock.now - setupStart
        FileHandle.standardError.write(
            Data("setup: \(self.providers) providers, \(self.bindings) bindings in \(setup)\n".utf8)
        )
        if cases.contains(.applyApprove) {
            StandardOutput.writeLine(
                try ApplyApproveCase(count: self.applyCount, firstNumber: self.providers).run(registry).jsonLine
            )
        }
        if cases.contains(.attribution) {
            StandardOutput.writeLine(
                try AttributionCase(population: population, batch: self.batch, seconds: self.seconds).run(registry)
                    .jsonLine
            )
        }
        if cases.contains(.rpcApplyApprove) {
            let result = try await RPCApplyApproveCase(
                certificates: certificates,
                concurrency: self.rpcConcurrency,
                seconds: self.rpcSeconds,
                firstNumber: self.providers + self.applyCount
            ).run(registry)
            StandardOutput.writeLine(result.jsonLine)
        }
    }
}
