/// Limits and timers of a server's connections.
public struct ServerConfiguration: Sendable {
    /// The largest frame payload accepted; a larger announced length ends the connection with `RESOURCE_EXHAUSTED`.
    public var maximumPayloadSize: Int
    /// Calls one connection may have running at once; more are refused with `RESOURCE_EXHAUSTED`.
    public var maximumConcurrentCallsPerConnection: Int
    /// Request bytes buffered for handlers on one connection before the server stops reading from it.
    public var maximumBufferedInboundBytes: Int
    /// Pings the client to detect dead connections.
    public var keepalive: KeepalivePolicy
    /// A connection with no call for this long is closed (with `goAway`); nil keeps idle connections open.
    public var idleTimeout: Duration?
    /// How long graceful shutdown waits for in-flight calls before cancelling them.
    public var shutdownGracePeriod: Duration

    public init(
        maximumPayloadSize: Int = Frame.defaultMaximumPayloadSize,
        maximumConcurrentCallsPerConnection: Int = 256,
        maximumBufferedInboundBytes: Int = 8 * 1024 * 1024,
        keepalive: KeepalivePolicy = KeepalivePolicy(),
        idleTimeout: Duration? = .seconds(300),
        shutdownGracePeriod: Duration = .seconds(30)
    ) {
        self.maximumPayloadSize = maximumPayloadSize
        self.maximumConcurrentCallsPerConnection = maximumConcurrentCallsPerConnection
        self.maximumBufferedInboundBytes = maximumBufferedInboundBytes
        self.keepalive = keepalive
        self.idleTimeout = idleTimeout
        self.shutdownGracePeriod = shutdownGracePeriod
    }
}
