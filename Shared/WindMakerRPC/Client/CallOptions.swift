/// Per-call settings a client chooses.
public struct CallOptions: Sendable {
    /// How long the caller waits; also sent to the server, which cancels the handler when it passes.
    /// When the call is made from inside a handler, the handler's remaining deadline caps it.
    public var timeout: Duration?
    /// Metadata sent with the request.
    public var metadata: Metadata
    /// Whether the call may run twice without harm, which lets the client retry it after a lost connection.
    public var isIdempotent: Bool

    public init(timeout: Duration? = nil, metadata: Metadata = [:], isIdempotent: Bool = false) {
        self.timeout = timeout
        self.metadata = metadata
        self.isIdempotent = isIdempotent
    }
}
