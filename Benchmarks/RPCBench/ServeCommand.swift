import ArgumentParser
import BenchmarkSupport
import Logging
import NIOCore
import WindMakerEcho
import WindMakerServiceSupport
import WindMakerTLS

/// `rpc-bench serve`: the child process the driver starts. Binds 127.0.0.1 on a free port, prints the port on
/// stdout, and serves until its standard input closes (the driver ended) or it is terminated.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve one benchmark server kind (started by the driver)."
    )

    @Option(help: "rpc or bare.")
    var kind: ServerKind

    @Option(help: "Directory of development certificates (scripts/dev-certs).")
    var certs: String

    func run() async throws {
        // The same logging as wm-echo, so per-call logger costs match a real server.
        let logger = LoggingSetup.bootstrap(label: "rpc-bench.serve", level: .warning)
        let certificates = CertificateDirectory(path: self.certs)
        let port: Int
        var server: WindMakerServer?
        switch self.kind {
        case .rpc, .rpcMetrics:
            // Creating the endpoint bootstraps swift-metrics with Prometheus; the bench never scrapes it.
            let metrics =
                self.kind == .rpcMetrics
                ? MetricsEndpoint(address: ListenAddress(host: "127.0.0.1", port: 0), logger: logger) : nil
            let rpcServer = try WindMakerServer(
                name: "echo",
                services: [EchoService()],
                policy: EchoAccess.policy,
                listen: ListenAddress(host: "127.0.0.1", port: 0),
                tls: certificates.server,
                metrics: metrics,
                logger: logger
            )
            guard let bound = try await rpcServer.bind().port else { throw BenchError("the RPC server has no port") }
            port = bound
            server = rpcServer
        case .bare:
            port = try await BareEchoServer(tls: try TLSContext(configuration: certificates.server), logger: logger)
                .bind()
        }
        StandardOutput.writeLine("\(port)")
        StandardInput.exitProcessWhenClosed()
        try await server?.run()
        try await Task.sleep(for: .seconds(86_400 * 365))
    }
}
