import ArgumentParser
import Logging
import WindMakerEcho
import WindMakerServiceSupport

/// Serves `windmaker.echo.v1.Echo` (with health and method listing) over mutual TLS until SIGTERM or SIGINT.
@main
struct EchoServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wm-echo",
        abstract: "Serve the echo service over mutual TLS (default 127.0.0.1:7409)."
    )

    @OptionGroup var options: ServerOptions

    func run() async throws {
        let logger = LoggingSetup.bootstrap(
            label: "wm-echo",
            level: try self.options.resolvedLogLevel(),
            format: try self.options.resolvedLogFormat()
        )
        let server = try WindMakerServer(
            name: "echo",
            services: [EchoService()],
            policy: EchoAccess.policy,
            listen: try self.options.listenAddress(default: ListenAddress(host: "127.0.0.1", port: 7409)),
            tls: try self.options.tls.serverConfiguration(),
            identity: "spiffe://windmaker/service/echo",
            metrics: try self.options.metricsAddress(default: ListenAddress(host: "127.0.0.1", port: 9409)).map {
                MetricsEndpoint(address: $0, logger: logger)
            },
            configuration: try self.options.limits.applied(),
            logger: logger
        )
        try await server.runUntilSignalled()
    }
}
