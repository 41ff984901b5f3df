public import ArgumentParser
import Foundation

/// The driver options every benchmark shares: how long each case runs, which cases, and the client's threads.
public struct DriverOptions: ParsableArguments, Sendable {
    /// Measured seconds per case (after the warm-up).
    @Option(help: "Measured seconds per case (after the warm-up).")
    public var seconds: Double = 5

    /// Warm-up seconds per case.
    @Option(help: "Warm-up seconds per case.")
    public var warmUp: Double = 1

    /// Calls in flight, comma-separated.
    @Option(help: "Calls in flight, comma-separated.")
    public var concurrency: String = "1,16,64"

    /// Request payload sizes in bytes, comma-separated.
    @Option(help: "Request payload sizes in bytes, comma-separated.")
    public var payloads: String = "64,4096"

    /// Event loop threads in the client process.
    @Option(help: "Event loop threads in the client process.")
    public var clientThreads: Int = 1

    /// The defaults; ArgumentParser fills in what was given.
    public init() {}

    /// Every (concurrency, payload) case in run order: each concurrency with every payload size.
    /// - Throws: `ValidationError` for an item of `--concurrency` or `--payloads` that is not an integer.
    public func cases() throws -> [(concurrency: Int, payloadBytes: Int)] {
        let concurrencies = try Self.list(self.concurrency, "concurrency") { Int($0) }
        let payloads = try Self.list(self.payloads, "payloads") { Int($0) }
        return concurrencies.flatMap { concurrency in payloads.map { (concurrency, $0) } }
    }

    /// A window for the next case, opening after the warm-up from now.
    public func window() -> MeasurementWindow {
        MeasurementWindow(warmUp: .milliseconds(Int64(self.warmUp * 1000)), seconds: self.seconds)
    }

    /// Splits a comma-separated option value and parses each item (trimmed of spaces).
    /// - Throws: `ValidationError` naming `--name` for the first item `parse` rejects.
    public static func list<T>(_ text: String, _ name: String, _ parse: (String) -> T?) throws -> [T] {
        try text.split(separator: ",").map { item in
            guard let value = parse(item.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--\(name): cannot use \"\(item)\"")
            }
            return value
        }
    }
}
