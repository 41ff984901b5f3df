import ArgumentParser
import Logging
import WindMakerRPC
import WindMakerServiceSupport
import WindMakerTLS
import WindMakerTransport

/// Where to connect and as whom: flags, or the matching `WM_*` environment variables.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("server"), help: "host:port of the server (env WM_SERVER; default 127.0.0.1:7401).")
    var server: String?

    @Option(name: .customLong("server-name"), help: "Name the server's certificate must carry (default: the host).")
    var serverName: String?

    @Option(name: .customLong("timeout"), help: "Seconds to wait for an answer.")
    var timeoutSeconds: Double = 10

    @Flag(name: .customLong("json"), help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var tls: TLSFileOptions

    /// A client for the server, and the connection to close when done.
    func connect() throws -> (client: RPCClient, connection: RPCConnection) {
        let text = self.server ?? Environment.value("WM_SERVER") ?? "127.0.0.1:7401"
        guard let address = ListenAddress(parsing: text) else {
            throw ValidationError("--server must be host:port, got \"\(text)\"")
        }
        let serverName = self.serverName ?? address.host
        var logger = Logger(label: "wmctl")
        logger.logLevel = .error
        let security = try TLSChannelSecurity(
            configuration: try self.tls.clientConfiguration(serverName: serverName),
            logger: logger
        )
        let connection = RPCConnection(
            host: address.host,
            port: address.port,
            serverName: serverName,
            security: security,
            logger: logger
        )
        return (RPCClient(transport: connection), connection)
    }

    var callOptions: CallOptions {
        CallOptions(timeout: .milliseconds(Int64(self.timeoutSeconds * 1000)), isIdempotent: true)
    }
}
