/// Where one TLS connection is in its life. Transitions are the only way to change it.
///
/// ```
/// idle ──start──▶ handshaking ──complete──▶ active ──close──▶ closing ──▶ closed
///   └──────────────────┴── close / failure / channel inactive ───────────▶ closed
/// ```
enum TLSConnectionState: Hashable {
    /// Created, channel not yet active.
    case idle
    /// ClientHello sent or awaited; application writes are buffered.
    case handshaking
    /// Handshake verified; application data flows.
    case active
    /// Our close_notify is sent; waiting for the peer's (or the shutdown timeout).
    case closing
    /// Nothing more will be read or written.
    case closed

    /// What `close` must do from the current state.
    enum CloseAction: Hashable {
        /// Send close_notify and wait for the peer's.
        case sendCloseNotify
        /// No TLS session to end politely: close the transport now.
        case closeTransport
        /// A close is already under way; join it.
        case joinPendingClose
        /// Already closed; forward so the caller's promise learns that.
        case forward
    }

    /// Moves `idle` to `handshaking`; returns whether the handshake should start now.
    mutating func startHandshake() -> Bool {
        guard case .idle = self else { return false }
        self = .handshaking
        return true
    }

    /// Moves `handshaking` to `active`; returns false (and changes nothing) from any other state.
    mutating func completeHandshake() -> Bool {
        guard case .handshaking = self else { return false }
        self = .active
        return true
    }

    /// Applies a close request.
    mutating func close() -> CloseAction {
        switch self {
        case .idle, .handshaking:
            self = .closed
            return .closeTransport
        case .active:
            self = .closing
            return .sendCloseNotify
        case .closing:
            return .joinPendingClose
        case .closed:
            return .forward
        }
    }

    /// Ends the connection (failure, timeout, peer gone); returns the state it was in.
    mutating func markClosed() -> Self {
        let previous = self
        self = .closed
        return previous
    }

    /// Whether application writes are accepted (buffered or sent).
    var acceptsWrites: Bool {
        switch self {
        case .idle, .handshaking, .active: true
        case .closing, .closed: false
        }
    }
}
