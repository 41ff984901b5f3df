import ArgumentParser
import BenchmarkSupport
import GRPCCore
import GRPCNIOTransportHTTP2

/// `grpc-bench serve`: the child process the driver starts. Binds 127.0.0.1 on a free port, prints the port on
/// stdout, and serves until its standard input closes (the driver ended) or it is terminated.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the raw-bytes echo over grpc-swift-2 (started by the driver)."
    )

    @Option(help: "Directory of development certificates.")
    var certs: String

    func run() async throws {
        let certificates = CertificateDirectory(path: self.certs)
        let transport = HTTP2ServerTransport.Posix(
            address: .ipv4(host: "127.0.0.1", port: 0),
            transportSecurity: certificates.server
        )
        let server = GRPCServer(transport: transport, services: [RawEchoService()])
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.serve() }
            guard let port = try await transport.listeningAddress.ipv4?.port else {
                throw BenchError("the gRPC server has no IPv4 port")
            }
            StandardOutput.writeLine("\(port)")
            StandardInput.exitProcessWhenClosed()
            try await group.next()
        }
    }
}
