/// The receiving side of one call's flow control: what the peer may still send, and what the application has taken
/// but not yet granted back. Used on the connection's event loop.
///
/// The receiver grants in batches: once the bytes taken since the last grant reach half the window, one
/// `windowUpdate` gives them all back, so a steady stream costs one small frame per half window.
struct ReceiveWindow {
    /// What the receiver holds at most for the call, beyond one message.
    let size: Int
    /// The peer's send window as this side sees it: granted, minus what has arrived.
    private(set) var peerCredit: Int
    private var takenSinceGrant = 0

    /// - Parameters:
    ///   - size: the window the receiver keeps granting up to.
    ///   - peerCredit: what the peer may send before any grant (the window it starts with).
    init(size: Int, peerCredit: Int) {
        self.size = min(size, FlowControl.maximumWindow)
        self.peerCredit = min(peerCredit, FlowControl.maximumWindow)
    }

    /// Charges a MESSAGE that arrived; false, and nothing charged, when the peer had no window left to send it.
    mutating func received(payloadBytes: Int) -> Bool {
        guard self.peerCredit > 0 else { return false }
        self.peerCredit -= FlowControl.cost(ofPayload: payloadBytes)
        return true
    }

    /// Records a MESSAGE the application took; returns the increment to grant when one is due.
    mutating func taken(payloadBytes: Int) -> UInt32? {
        self.takenSinceGrant += FlowControl.cost(ofPayload: payloadBytes)
        guard self.takenSinceGrant >= max(1, self.size / 2) else { return nil }
        return self.grant(self.takenSinceGrant)
    }

    /// Raises the peer's window to the full size at once (a server opening a client-streaming call whose client
    /// started with ``FlowControl/initialClientSendWindow``); the increment, or nil when there is nothing to add.
    mutating func openToSize() -> UInt32? {
        self.grant(self.size - self.peerCredit)
    }

    private mutating func grant(_ bytes: Int) -> UInt32? {
        let increment = min(bytes, FlowControl.maximumWindow - max(self.peerCredit, 0))
        guard increment > 0 else { return nil }
        self.takenSinceGrant = max(0, self.takenSinceGrant - increment)
        self.peerCredit += increment
        return UInt32(increment)
    }
}
