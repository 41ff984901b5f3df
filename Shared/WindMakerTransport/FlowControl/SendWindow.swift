/// The bytes this side may still send on one call before its peer grants more. Used on the connection's event loop.
struct SendWindow {
    /// May go below 0 by one message: a message is sent whenever the window is above 0.
    private(set) var bytes: Int

    init(bytes: Int) {
        self.bytes = min(bytes, FlowControl.maximumWindow)
    }

    /// Whether a MESSAGE may go out now.
    var isOpen: Bool { self.bytes > 0 }

    /// Takes a MESSAGE with a payload of `payloadBytes` out of the window.
    mutating func spend(payloadBytes: Int) {
        self.bytes -= FlowControl.cost(ofPayload: payloadBytes)
    }

    /// Adds a `windowUpdate`'s increment; a window never grows past ``FlowControl/maximumWindow``.
    mutating func grant(_ increment: UInt32) {
        self.bytes = min(self.bytes + Int(increment), FlowControl.maximumWindow)
    }
}
