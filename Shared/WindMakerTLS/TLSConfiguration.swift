/// Everything needed to build a ``TLSContext``: our certificate and key, the CA we trust, and the rules.
///
/// Wind Maker speaks TLS 1.3 only, with mutual authentication: a server always demands a client certificate
/// signed by `trustRootsPath`, and a client checks the server's certificate against the same roots and, when
/// `serverName` is set, against that name (a DNS name or an IP literal such as `127.0.0.1`).
///
/// ```swift
/// let server = TLSConfiguration.server(
///     certificateChainPath: "certs/registry.pem",
///     privateKeyPath: "certs/registry.key",
///     trustRootsPath: "certs/ca.pem"
/// )
/// let context = try TLSContext(configuration: server)
/// ```
public struct TLSConfiguration: Sendable, Hashable {
    /// Which side of the handshake this configuration is for.
    public enum Role: Sendable, Hashable {
        /// Accepts connections and requires a client certificate.
        case server
        /// Opens connections and verifies the server.
        case client
    }

    /// The ALPN protocol of Wind Maker RPC.
    public static let rpcApplicationProtocol = "wm-rpc/1"

    /// Which side of the handshake this configuration is for.
    public var role: Role
    /// PEM file with our certificate first, then any intermediates. Required for servers; a client without one
    /// is refused by every Wind Maker server (useful only in tests).
    public var certificateChainPath: String?
    /// PEM file with the private key matching `certificateChainPath`.
    public var privateKeyPath: String?
    /// PEM file with the CA certificates that peers' certificates must chain to.
    public var trustRootsPath: String
    /// For clients, the name the server's certificate must carry (DNS SAN, or IP SAN for an IP literal). `nil`
    /// verifies the chain only. Ignored by servers.
    public var serverName: String?
    /// ALPN protocols we offer (client) or accept (server), most preferred first. The handshake fails unless the
    /// peers agree on one of them.
    public var applicationProtocols: [String]
    /// How long a handshake may take before the connection is closed.
    public var handshakeTimeout: Duration
    /// How long to wait for the peer's close_notify after sending ours before closing anyway.
    public var shutdownTimeout: Duration

    /// Creates a configuration; prefer ``server(certificateChainPath:privateKeyPath:trustRootsPath:)`` and
    /// ``client(certificateChainPath:privateKeyPath:trustRootsPath:serverName:)``.
    public init(
        role: Role,
        certificateChainPath: String?,
        privateKeyPath: String?,
        trustRootsPath: String,
        serverName: String? = nil,
        applicationProtocols: [String] = [Self.rpcApplicationProtocol],
        handshakeTimeout: Duration = .seconds(10),
        shutdownTimeout: Duration = .seconds(2)
    ) {
        self.role = role
        self.certificateChainPath = certificateChainPath
        self.privateKeyPath = privateKeyPath
        self.trustRootsPath = trustRootsPath
        self.serverName = serverName
        self.applicationProtocols = applicationProtocols
        self.handshakeTimeout = handshakeTimeout
        self.shutdownTimeout = shutdownTimeout
    }

    /// A server configuration with the default ALPN protocol and timeouts.
    public static func server(
        certificateChainPath: String,
        privateKeyPath: String,
        trustRootsPath: String
    ) -> Self {
        Self(
            role: .server,
            certificateChainPath: certificateChainPath,
            privateKeyPath: privateKeyPath,
            trustRootsPath: trustRootsPath
        )
    }

    /// A client configuration with the default ALPN protocol and timeouts.
    ///
    /// - Parameter serverName: the DNS name or IP literal the server's certificate must carry.
    public static func client(
        certificateChainPath: String?,
        privateKeyPath: String?,
        trustRootsPath: String,
        serverName: String?
    ) -> Self {
        Self(
            role: .client,
            certificateChainPath: certificateChainPath,
            privateKeyPath: privateKeyPath,
            trustRootsPath: trustRootsPath,
            serverName: serverName
        )
    }
}
