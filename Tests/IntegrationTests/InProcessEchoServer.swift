import Logging
import WindMakerEcho
import WindMakerServiceSupport
import WindMakerTestSupport
import WindMakerTransport

/// The echo service served in the test process (stop it with `server.shutDownGracefully()`), for connection policies that need settings the executable does
/// not expose (short timers, a small concurrency cap). Real TLS, real sockets, loopback only.
struct InProcessEchoServer {
    let server: WindMakerServer
    let port: Int
    let log: RecordingLogHandler.Store

    static func start(_ configuration: ServerConfiguration) async throws -> InProcessEchoServer {
        let log = RecordingLogHandler.Store()
        let server = try WindMakerServer(
            name: "echo",
            services: [EchoService()],
            policy: EchoAccess.policy,
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            tls: DevCertificates.shared.serverConfiguration(for: "echo"),
            configuration: configuration,
            logger: RecordingLogHandler.logger(label: "in-process-echo", store: log)
        )
        // Bound is serving: connections are accepted from here on; `run` would only wait for shutdown.
        let address = try await server.bind()
        return InProcessEchoServer(server: server, port: address.port!, log: log)
    }

    /// Whether any line at or above `level` contains `text`.
    func logged(_ text: String, atLeast level: Logger.Level = .trace) -> Bool {
        self.log.messages(atLeast: level).contains { $0.contains(text) }
    }

    /// Polls until `condition` holds; throws after `timeout`.
    func waitUntil(timeout: Duration = .seconds(10), _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while !condition() {
            guard ContinuousClock.now < deadline else { throw ServerProcessError(message: "condition not met in time") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
