/// How a side of a connection checks that its peer is still there.
public struct KeepalivePolicy: Sendable, Hashable {
    /// Time between pings; nil disables keepalive.
    public var interval: Duration?
    /// How long to wait for a ping's answer before the connection is considered dead and closed.
    public var timeout: Duration

    public init(interval: Duration? = .seconds(30), timeout: Duration = .seconds(10)) {
        self.interval = interval
        self.timeout = timeout
    }
}
