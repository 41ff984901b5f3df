import ArgumentParser
import BenchmarkSupport
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

    @OptionGroup var options: DriverOptions

    @Option(help: "Server kinds, comma-separated: rpc,rpc-metrics,bare.")
    var kinds: String = "rpc,bare"

    @Option(help: "Directory of development certificates; created with scripts/dev-certs if missing.")
    var certs: String = ".dev/certs"

    @Flag(inversion: .prefixedNo, help: "Run the RPC calling tasks on the connection's event loop.")
    var executorPreference = true

    func run() async throws {
        let kinds = try DriverOptions.list(self.kinds, "kinds") { ServerKind(rawValue: $0) }
        let cases = try self.options.cases()
        let certificates = CertificateDirectory(path: self.certs)
        try certificates.ensureExists()
        var logger = Logger(label: "rpc-bench")
        logger.logLevel = .warning

        let group = MultiThreadedEventLoopGroup(numberOfThreads: self.options.clientThreads)
        // An event loop is a group of one: the RPC connection and the calling tasks share this thread.
        let eventLoop = group.next()
        for kind in kinds {
            let child = try ChildServer.start(
                arguments: ["serve", "--kind", kind.rawValue, "--certs", certificates.path],
                description: "rpc-bench serve --kind \(kind.rawValue)"
            )
            defer { child.stop() }
            switch kind {
            case .rpc, .rpcMetrics:
                let connection = RPCConnection(
                    host: "127.0.0.1",
                    port: child.port,
                    serverName: "echo",
                    security: try TLSChannelSecurity(configuration: certificates.client, logger: logger),
                    group: eventLoop,
                    logger: logger
                )
                let load = RPCLoad(
                    kind: kind,
                    client: EchoV1.Echo.Client(RPCClient(transport: connection)),
                    executor: self.executorPreference ? EventLoopTaskExecutor(eventLoop: eventLoop) : nil
                )
                for (concurrency, payload) in cases {
                    Self.emit(
                        await load.run(concurrency: concurrency, payloadBytes: payload, window: self.options.window())
                    )
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
                        try await client.run(
                            concurrency: concurrency,
                            payloadBytes: payload,
                            window: self.options.window()
                        )
                    )
                }
            }
        }
        try await group.shutdownGracefully()
    }

    private static func emit(_ result: CaseResult) {
        StandardOutput.writeLine(result.jsonLine)
    }
}
