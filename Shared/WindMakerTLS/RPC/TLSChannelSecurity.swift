public import Logging
public import NIOCore
public import WindMakerTransport

/// Secures RPC connections with TLS 1.3 and mutual authentication: the transport's ``ChannelSecurity`` over
/// ``OpenSSLHandler``.
///
/// ```swift
/// let security = try TLSChannelSecurity(configuration: .server(certificateChainPath: …, privateKeyPath: …,
///                                                              trustRootsPath: …), logger: logger)
/// let server = RPCServer(router: router, security: security, logger: logger)
/// ```
public struct TLSChannelSecurity: ChannelSecurity {
    private let context: TLSContext
    private let logger: Logger

    /// Loads the certificate, key and trusted CA once; every connection shares them.
    /// - Throws: `TLSError` naming the file that could not be used.
    public init(configuration: TLSConfiguration, logger: Logger) throws(TLSError) {
        self.context = try TLSContext(configuration: configuration)
        self.logger = logger
    }

    /// The names in our own certificate (`nil` for a client without one).
    public var localIdentity: TLSPeerIdentity? { self.context.ownIdentity }

    public func configureServerPipeline(_ channel: any Channel) throws {
        try channel.pipeline.syncOperations.addHandler(OpenSSLHandler(context: self.context, logger: self.logger))
        try channel.pipeline.syncOperations.addHandler(PeerIdentityHandler())
    }

    public func configureClientPipeline(_ channel: any Channel, serverName: String) throws {
        try channel.pipeline.syncOperations.addHandler(
            OpenSSLHandler(context: self.context, serverName: serverName, logger: self.logger)
        )
        try channel.pipeline.syncOperations.addHandler(PeerIdentityHandler())
    }
}
