import ArgumentParser
import Foundation
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

    @Option(help: "Measured seconds per case (after the warm-up).")
    var seconds: Double = 5

    @Option(help: "Warm-up seconds per case.")
    var warmUp: Double = 1

    @Option(help: "Calls in flight, comma-separated.")
    var concurrency: String = "1,16,64"

    @Option(help: "Request payload sizes in bytes, comma-separated.")
    var payloads: String = "64,4096"

    @Option(help: "Wind Maker development certificates (the main repository's .dev/certs).")
    var certs: String = "../../.dev/certs"

    @Option(help: "Event loop threads in the client process.")
    var clientThreads: Int = 1

    @Flag(inversion: .prefixedNo, help: "Run the calling tasks on the client's event loop.")
    var executorPreference = false

    func run() async throws {
        let concurrencies = try Self.list(self.concurrency, "concurrency")
        let payloads = try Self.list(self.payloads, "payloads")
        let certificates = CertificateDirectory(path: self.certs)
        try certificates.check()
        let child = try ChildServer.start(certificates: certificates)
        defer { child.stop() }

        let group = MultiThreadedEventLoopGroup(numberOfThreads: self.clientThreads)
        let eventLoop = group.next()
        let transport = try HTTP2ClientTransport.Posix(
            target: .ipv4(address: "127.0.0.1", port: child.port),
            transportSecurity: certificates.client,
            eventLoopGroup: eventLoop
        )
        let executor = self.executorPreference ? EventLoopTaskExecutor(eventLoop: eventLoop) : nil
        try await withGRPCClient(transport: transport) { client in
            let load = GRPCLoad(client: client, executor: executor)
            for concurrency in concurrencies {
                for payload in payloads {
                    let window = MeasurementWindow(
                        warmUp: .milliseconds(Int64(self.warmUp * 1000)),
                        seconds: self.seconds
                    )
                    let result = await load.run(concurrency: concurrency, payloadBytes: payload, window: window)
                    StandardOutput.writeLine(result.jsonLine)
                }
            }
        }
        try await group.shutdownGracefully()
    }

    private static func list(_ text: String, _ name: String) throws -> [Int] {
        try text.split(separator: ",").map { item in
            guard let value = Int(item.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--\(name): cannot use \"\(item)\"")
            }
            return value
        }
    }
}
