import ArgumentParser
import BenchmarkSupport
import GRPCCore
import GRPCNIOTransportHTTP2
import NIOCore
import NIOPosix

/// `grpc-bench` (the default): starts the gRPC server in a child process and runs every case against it.
struct DriverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the benchmark cases and print one JSON line per case."
    )

    @OptionGroup var options: DriverOptions

    @Option(help: "Wind Maker development certificates (the main repository's .dev/certs).")
    var certs: String = "../../.dev/certs"

    @Flag(inversion: .prefixedNo, help: "Run the calling tasks on the client's event loop.")
    var executorPreference = false

    func run() async throws {
        let cases = try self.options.cases()
        let certificates = CertificateDirectory(path: self.certs)
        try certificates.check()
        let child = try ChildServer.start(
            arguments: ["serve", "--certs", certificates.path],
            description: "grpc-bench serve"
        )
        defer { child.stop() }

        let group = MultiThreadedEventLoopGroup(numberOfThreads: self.options.clientThreads)
        let eventLoop = group.next()
        let transport = try HTTP2ClientTransport.Posix(
            target: .ipv4(address: "127.0.0.1", port: child.port),
            transportSecurity: certificates.client,
            eventLoopGroup: eventLoop
        )
        let executor = self.executorPreference ? EventLoopTaskExecutor(eventLoop: eventLoop) : nil
        try await withGRPCClient(transport: transport) { client in
            let load = GRPCLoad(client: client, executor: executor)
            for (concurrency, payload) in cases {
                let result = await load.run(
                    concurrency: concurrency,
                    payloadBytes: payload,
                    window: self.options.window()
                )
                StandardOutput.writeLine(result.jsonLine)
            }
        }
        try await group.shutdownGracefully()
    }
}
