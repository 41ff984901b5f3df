/// Limits and timers of a client's connection.
public struct ClientConfiguration: Sendable {
    /// The largest frame payload accepted from the server.
    public var maximumPayloadSize: Int
    /// Pings the server to detect dead connections.
    public var keepalive: KeepalivePolicy
    /// How long one connection attempt (TCP and TLS handshake) may take.
    public var connectTimeout: Duration
    /// The wait before reconnecting after a failed attempt; doubles each time up to `maximumReconnectBackoff`.
    public var initialReconnectBackoff: Duration
    /// The longest wait between reconnection attempts.
    public var maximumReconnectBackoff: Duration

    public init(
        maximumPayloadSize: Int = Frame.defaultMaximumPayloadSize,
        keepalive: KeepalivePolicy = KeepalivePolicy(),
        connectTimeout: Duration = .seconds(10),
        initialReconnectBackoff: Duration = .milliseconds(100),
        maximumReconnectBackoff: Duration = .seconds(5)
    ) {
        self.maximumPayloadSize = maximumPayloadSize
        self.keepalive = keepalive
        self.connectTimeout = connectTimeout
        self.initialReconnectBackoff = initialReconnectBackoff
        self.maximumReconnectBackoff = maximumReconnectBackoff
    }
}
