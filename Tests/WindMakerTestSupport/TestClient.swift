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
        self.connection = try BalancedConnection(
            addresses: ports.map { ListenAddress(host: "127.0.0.1", port: $0) },
            serverName: \.host,
            security: { name in
                try TLSChannelSecurity(
                    configuration: DevCertificates.shared.clientConfiguration(for: identity, serverName: name),
                    logger: logger
                )
            },
            configuration: configuration,
            logger: logger
        )
        self.client = RPCClient(transport: self.connection, retryPolicy: retryPolicy)
    }
}
