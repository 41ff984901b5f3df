/// What one connection's frame decoder holds: bytes received that are not yet part of a whole frame, charged
/// against the server's ``InboundBudget``. Used only on the connection's event loop.
final class InboundAccount {
    let budget: InboundBudget
    /// Bytes received and not yet handed on as whole frames.
    private(set) var held = 0
    /// Frames completed since the last look, so the frame timer restarts for each new frame.
    private(set) var framesCompleted = 0

    init(budget: InboundBudget) {
        self.budget = budget
    }

    /// Charges bytes just received; false (and nothing charged) when they would pass the server's budget.
    func received(_ bytes: Int) -> Bool {
        guard self.budget.take(bytes) else { return false }
        self.held += bytes
        return true
    }

    /// Credits a frame the decoder produced: its header and payload.
    func decoded(_ bytes: Int) {
        let credited = min(bytes, self.held)
        self.held -= credited
        self.budget.give(credited)
        self.framesCompleted += 1
    }

    /// Whether a frame completed since the last call.
    func takeCompletedFrames() -> Bool {
        defer { self.framesCompleted = 0 }
        return self.framesCompleted > 0
    }

    /// Gives everything back: the connection is gone, and its buffers with it.
    func releaseAll() {
        self.budget.give(self.held)
        self.held = 0
    }
}
