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
    /// The window the client grants each call for its responses (`RequestHeaders.receive_window`): bytes of
    /// response frames the server may send beyond what the caller has read, so a caller that stops reading a
    /// stream holds at most this much (and one message) of it (docs/PROTOCOL.md §12.4). Up to
    /// ``FlowControl/maximumWindow``; 0 turns flow control off for this client's calls, for servers older than
    /// flow control, which treat a `windowUpdate` frame as fatal. `RPCConnection` refuses other values.
    public var callReceiveWindow: Int

    public init(
        maximumPayloadSize: Int = Frame.defaultMaximumPayloadSize,
        keepalive: KeepalivePolicy = KeepalivePolicy(),
        connectTimeout: Duration = .seconds(10),
        initialReconnectBackoff: Duration = .milliseconds(100),
        maximumReconnectBackoff: Duration = .seconds(5),
        callReceiveWindow: Int = FlowControl.defaultCallReceiveWindow
    ) {
        self.maximumPayloadSize = maximumPayloadSize
        self.keepalive = keepalive
        self.connectTimeout = connectTimeout
        self.initialReconnectBackoff = initialReconnectBackoff
        self.maximumReconnectBackoff = maximumReconnectBackoff
        self.callReceiveWindow = callReceiveWindow
    }
}
