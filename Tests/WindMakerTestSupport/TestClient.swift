public import Logging
public import WindMakerRPC
public import WindMakerServiceSupport
import WindMakerTLS
public import WindMakerTransport

/// A client connected to a test server (or to several instances of one) over mutual TLS, as one of the development
/// identities.
public struct TestClient: Sendable {
    /// Typed calls go through this.
    public let client: RPCClient
    /// The connection under it, to close at the end of a test: one endpoint, or one per instance.
    public let connection: BalancedConnection

    /// Connects to `127.0.0.1:port` presenting `identity`'s certificate (e.g. `operator-alice`).
    public init(
        port: Int,
        identity: String,
        configuration: ClientConfiguration = ClientConfiguration(),
        retryPolicy: RetryPolicy = RetryPolicy(),
        logger: Logger = Logger(label: "test-client")
    ) throws {
        try self.init(
            ports: [port],
            identity: identity,
            configuration: configuration,
            retryPolicy: retryPolicy,
            logger: logger
        )
    }

    /// Connects to the instances at `127.0.0.1:ports` (calls balanced and failed over, their health watched when
    /// there are several) presenting `identity`'s certificate.
    public init(
        ports: [Int],
        identity: String,
        configuration: ClientConfiguration = ClientConfiguration(),
        retryPolicy: RetryPolicy = RetryPolicy(),
        logger: Logger = Logger(label: "test-client")
    ) throws {
        let security = try TLSChannelSecurity(
            configuration: DevCertificates.shared.clientConfiguration(for: identity, serverName: "127.0.0.1"),
            logger: logger
        )
        let endpoints = ports.map { port in
            BalancedConnection.Endpoint(
                address: "127.0.0.1:\(port)",
                connection: RPCConnection(
                    host: "127.0.0.1",
                    port: port,
                    serverName: "127.0.0.1",
                    security: security,
                    configuration: configuration,
                    logger: logger
                )
            )
        }
        self.connection = BalancedConnection(endpoints, logger: logger)
        self.client = RPCClient(transport: self.connection, retryPolicy: retryPolicy)
    }
}
