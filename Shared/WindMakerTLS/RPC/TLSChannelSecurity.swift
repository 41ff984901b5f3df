public import Logging
public import NIOCore
import Synchronization
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
    private let current: CurrentContext
    private let logger: Logger

    /// Loads the certificate, key and trusted CA once; every connection shares them until ``reload(_:)``.
    /// - Throws: `TLSError` naming the file that could not be used.
    public init(configuration: TLSConfiguration, logger: Logger) throws(TLSError) {
        self.current = CurrentContext(try TLSContext(configuration: configuration))
        self.logger = logger
    }

    /// The names in our own certificate (`nil` for a client without one).
    public var localIdentity: TLSPeerIdentity? { self.current.context.ownIdentity }

    /// The context new connections use.
    public var context: TLSContext { self.current.context }

    /// Loads the files of `configuration` again (rotated certificates) and uses them for every new connection;
    /// established connections keep the context they were set up with. When the files cannot be used, nothing
    /// changes.
    /// - Throws: `TLSError` naming the file that could not be used.
    @discardableResult
    public func reload(_ configuration: TLSConfiguration) throws(TLSError) -> TLSContext {
        let context = try TLSContext(configuration: configuration)
        self.current.context = context
        return context
    }

    /// Uses `context` for every new connection (one built and checked by the caller).
    public func use(_ context: TLSContext) {
        self.current.context = context
    }

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

/// The context new connections take, replaced whole when certificates are reloaded.
private final class CurrentContext: Sendable {
    private let value: Mutex<TLSContext>

    init(_ context: TLSContext) {
        self.value = Mutex(context)
    }

    var context: TLSContext {
        get { self.value.withLock { $0 } }
        set { self.value.withLock { $0 = newValue } }
    }
}
