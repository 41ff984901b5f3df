public import Logging
public import WindMakerRPC
import WindMakerTLS
public import WindMakerTransport

/// A client connected to a test server over mutual TLS, as one of the development identities.
public struct TestClient: Sendable {
    /// Typed calls go through this.
    public let client: RPCClient
    /// The connection under it, to close at the end of a test.
    public let connection: RPCConnection

    /// Connects to `127.0.0.1:port` presenting `identity`'s certificate (e.g. `operator-alice`).
    public init(
        port: Int,
        identity: String,
        configuration: ClientConfiguration = ClientConfiguration(),
        retryPolicy: RetryPolicy = RetryPolicy(),
        logger: Logger = Logger(label: "test-client")
    ) throws {
        let security = try TLSChannelSecurity(
            configuration: DevCertificates.shared.clientConfiguration(for: identity, serverName: "127.0.0.1"),
            logger: logger
        )
        self.connection = RPCConnection(
            host: "127.0.0.1",
            port: port,
            serverName: "127.0.0.1",
            security: security,
            configuration: configuration,
            logger: logger
        )
        self.client = RPCClient(transport: self.connection, retryPolicy: retryPolicy)
    }
}
