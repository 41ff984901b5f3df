/// Limits and timers of a server's connections.
///
/// Everything a peer can make the server hold is bounded here: connections, handshakes in progress, bytes of
/// unfinished frames (server-wide), request bytes waiting for handlers (per connection and per call), calls per
/// connection, how long a call may run, and how large a request may be before its work leaves the event loops.
public struct ServerConfiguration: Sendable {
    /// The largest frame payload accepted; a larger announced length ends the connection with `RESOURCE_EXHAUSTED`.
    public var maximumPayloadSize: Int
    /// Calls one connection may have running at once; more are refused with `RESOURCE_EXHAUSTED`.
    public var maximumConcurrentCallsPerConnection: Int
    /// Request bytes buffered for handlers on one connection before the server stops reading from it. The outer
    /// bound, over every call of the connection and also for clients that do no flow control.
    public var maximumBufferedInboundBytes: Int
    /// The window the server grants each client-streaming call whose client does flow control: bytes of request
    /// frames the client may send beyond what the handler has taken (docs/PROTOCOL.md §12.4). At least
    /// ``FlowControl/initialClientSendWindow`` (64 KiB) and at most ``FlowControl/maximumWindow``; `RPCServer`
    /// refuses other values.
    public var callReceiveWindow: Int
    /// A request message larger than this is decoded away from the event loops, and the handler of a unary or
    /// server-streaming call with such a request runs there too, so that the CPU one large request costs (decoding,
    /// validation) cannot hold up the other connections on its loop. Smaller requests stay on the loop, which saves
    /// two thread hops per call. 0 moves every non-empty request; `Int.max` none. `RPCServer` refuses a negative
    /// value.
    public var offLoopRequestBytes: Int
    /// How many requests larger than `offLoopRequestBytes` may decode at once over every connection; the others
    /// wait. A request decodes to many times its wire size, so this bounds what a crowd of large requests costs.
    /// `RPCServer` refuses less than 1.
    public var concurrentLargeDecodes: Int
    /// The largest HEADERS payload (method name, deadline and metadata) the server decodes; a call whose headers
    /// are larger is refused with `RESOURCE_EXHAUSTED` before decoding, since headers are decoded on the event loop.
    public var maximumRequestHeadersSize: Int
    /// Bytes of frames not yet received whole, summed over every connection; a connection whose bytes would take
    /// the sum past it is closed with GOAWAY `RESOURCE_EXHAUSTED`.
    public var inboundBufferBudget: Int
    /// How long a frame may take to arrive once its first byte has: a peer that stops half-way through a frame is
    /// closed with GOAWAY instead of holding its buffer.
    public var frameReadTimeout: Duration
    /// Connections open at once; later ones are closed as they are accepted.
    public var maximumConnections: Int
    /// Connections whose peer has started the TLS handshake and not yet finished it; later ones are closed as soon
    /// as they start theirs.
    public var maximumHandshakes: Int
    /// How long calls that carry no deadline may run.
    public var callTimeouts: CallTimeouts
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
        callReceiveWindow: Int = FlowControl.defaultCallReceiveWindow,
        offLoopRequestBytes: Int = 64 * 1024,
        maximumRequestHeadersSize: Int = 64 * 1024,
        concurrentLargeDecodes: Int = 2,
        inboundBufferBudget: Int = 64 * 1024 * 1024,
        frameReadTimeout: Duration = .seconds(10),
        maximumConnections: Int = 4096,
        maximumHandshakes: Int = 256,
        callTimeouts: CallTimeouts = CallTimeouts(),
        keepalive: KeepalivePolicy = KeepalivePolicy(),
        idleTimeout: Duration? = .seconds(300),
        shutdownGracePeriod: Duration = .seconds(30)
    ) {
        self.maximumPayloadSize = maximumPayloadSize
        self.maximumConcurrentCallsPerConnection = maximumConcurrentCallsPerConnection
        self.maximumBufferedInboundBytes = maximumBufferedInboundBytes
        self.callReceiveWindow = callReceiveWindow
        self.offLoopRequestBytes = offLoopRequestBytes
        self.maximumRequestHeadersSize = maximumRequestHeadersSize
        self.concurrentLargeDecodes = concurrentLargeDecodes
        self.inboundBufferBudget = inboundBufferBudget
        self.frameReadTimeout = frameReadTimeout
        self.maximumConnections = maximumConnections
        self.maximumHandshakes = maximumHandshakes
        self.callTimeouts = callTimeouts
        self.keepalive = keepalive
        self.idleTimeout = idleTimeout
        self.shutdownGracePeriod = shutdownGracePeriod
    }
}
