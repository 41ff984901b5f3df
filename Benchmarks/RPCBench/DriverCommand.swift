import ArgumentParser
import Foundation
import Logging
import NIOCore
import NIOPosix
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTLS
import WindMakerTransport

/// `rpc-bench` (the default): starts each server kind in a child process and runs every case against it.
struct DriverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the benchmark cases and print one JSON line per case."
    )

    @Option(help: "Measured seconds per case (after the warm-up).")
    var seconds: Double = 5

    @Option(help: "Warm-up seconds per case.")
    var warmUp: Double = 1

    @Option(help: "Server kinds, comma-separated: rpc,bare.")
    var kinds: String = "rpc,bare"

    @Option(help: "Calls in flight, comma-separated.")
    var concurrency: String = "1,16,64"

    @Option(help: "Request payload sizes in bytes, comma-separated.")
    var payloads: String = "64,4096"

    @Option(help: "Directory of development certificates; created with scripts/dev-certs if missing.")
    var certs: String = ".dev/certs"

    @Option(help: "Event loop threads in the client process.")
    var clientThreads: Int = 1

    @Flag(inversion: .prefixedNo, help: "Run the RPC calling tasks on the connection's event loop.")
    var executorPreference = true

    func run() async throws {
        let kinds = try Self.list(self.kinds, "kinds") { ServerKind(rawValue: $0) }
        let concurrencies = try Self.list(self.concurrency, "concurrency") { Int($0) }
        let payloads = try Self.list(self.payloads, "payloads") { Int($0) }
        let certificates = CertificateDirectory(path: self.certs)
        try certificates.ensureExists()
        var logger = Logger(label: "rpc-bench")
        logger.logLevel = .warning

        let group = MultiThreadedEventLoopGroup(numberOfThreads: self.clientThreads)
        // An event loop is a group of one: the RPC connection and the calling tasks share this thread.
        let eventLoop = group.next()
        for kind in kinds {
            let child = try ChildServer.start(kind: kind, certificates: certificates)
            defer { child.stop() }
            let cases = concurrencies.flatMap { concurrency in payloads.map { (concurrency, $0) } }
            switch kind {
            case .rpc:
                let connection = RPCConnection(
                    host: "127.0.0.1",
                    port: child.port,
                    serverName: "echo",
                    security: try TLSChannelSecurity(configuration: certificates.client, logger: logger),
                    group: eventLoop,
                    logger: logger
                )
                let load = RPCLoad(
                    client: EchoV1.Echo.Client(RPCClient(transport: connection)),
                    executor: self.executorPreference ? EventLoopTaskExecutor(eventLoop: eventLoop) : nil
                )
                for (concurrency, payload) in cases {
                    Self.emit(await load.run(concurrency: concurrency, payloadBytes: payload, window: self.window()))
                }
                await connection.close()
            case .bare:
                let client = BareEchoClient(
                    port: child.port,
                    tls: try TLSContext(configuration: certificates.client),
                    group: eventLoop,
                    logger: logger
                )
                for (concurrency, payload) in cases {
                    Self.emit(
                        try await client.run(concurrency: concurrency, payloadBytes: payload, window: self.window())
                    )
                }
            }
        }
        try await group.shutdownGracefully()
    }

    private func window() -> MeasurementWindow {
        MeasurementWindow(warmUp: .milliseconds(Int64(self.warmUp * 1000)), seconds: self.seconds)
    }

    private static func emit(_ result: CaseResult) {
        StandardOutput.writeLine(result.jsonLine)
    }

    private static func list<T>(_ text: String, _ name: String, _ parse: (String) -> T?) throws -> [T] {
        try text.split(separator: ",").map { item in
            guard let value = parse(item.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--\(name): cannot use \"\(item)\"")
            }
            return value
        }
    }
}
