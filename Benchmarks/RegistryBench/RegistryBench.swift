import ArgumentParser
import BenchmarkSupport
import Foundation
import WindMakerRegistry
import WindMakerStorage

/// `registry-bench`: the registry's domain API on a temp-file SQLite database (WAL, synchronous=FULL) holding
/// `--providers` ACTIVE providers and `--bindings` confirmed bindings. Prints one JSON line per case:
/// `apply-approve` (providers applied and approved per second, each pair two durable transactions) and
/// `attribution` (attribution queries resolved per second, in batches of `--batch`).
@main
struct RegistryBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry-bench",
        abstract: "Measure registry applications+approvals/s and attribution lookups/s."
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

    func run() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("registry-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try Registry(database: Database(path: directory.appendingPathComponent("registry.sqlite").path))
        let setupStart = ContinuousClock.now
        let population = try BulkSetup(providers: self.providers, bindings: self.bindings).populate(registry)
        let setup = ContinuousClock.now - setupStart
        FileHandle.standardError.write(
            Data("setup: \(self.providers) providers, \(self.bindings) bindings in \(setup)\n".utf8)
        )
        StandardOutput.writeLine(
            try ApplyApproveCase(count: self.applyCount, firstNumber: self.providers).run(registry).jsonLine
        )
        StandardOutput.writeLine(
            try AttributionCase(population: population, batch: self.batch, seconds: self.seconds).run(registry).jsonLine
        )
    }
}
