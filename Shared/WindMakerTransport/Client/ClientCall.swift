import NIOCore
import WindMakerRPC

/// One call's state on the client, touched only on its connection's event loop.
final class ClientCall {
    /// What `receive` finds when it looks.
    enum Poll {
        case message(ByteBuffer)
        case end(RPCError?, Metadata)
        case pending
    }

    let info: ClientCallInfo
    /// Shared with the caller's handle.
    let outcomeForCaller = CallOutcome()
    /// Assigned when the request headers are written; 0 until then.
    var id: UInt32 = 0
    var deadlineTimer: Scheduled<Void>?
    private var inbound = CircularBuffer<ByteBuffer>(initialCapacity: 1)
    private var outcome: (error: RPCError?, metadata: Metadata)?
    private var waiter: CheckedContinuation<Poll, Never>?

    init(info: ClientCallInfo) {
        self.info = info
    }

    var isStarted: Bool { self.id != 0 }
    var isFinished: Bool { self.outcome != nil }

    func deliver(_ message: ByteBuffer) {
        guard self.outcome == nil else { return }
        if let waiter = self.waiter {
            self.waiter = nil
            waiter.resume(returning: .message(message))
        } else {
            self.inbound.append(message)
        }
    }

    /// Ends the call with the server's status or a local failure; messages already received stay readable.
    func finish(_ error: RPCError?, metadata: Metadata) {
        guard self.outcome == nil else { return }
        self.outcome = (error, metadata)
        self.outcomeForCaller.end(with: error)
        self.deadlineTimer?.cancel()
        self.deadlineTimer = nil
        if let waiter = self.waiter {
            self.waiter = nil
            waiter.resume(returning: self.poll())
        }
    }

    func poll() -> Poll {
        if let message = self.inbound.popFirst() { return .message(message) }
        if let outcome = self.outcome { return .end(outcome.error, outcome.metadata) }
        return .pending
    }

    func wait(_ continuation: CheckedContinuation<Poll, Never>) {
        let poll = self.poll()
        if case .pending = poll {
            precondition(self.waiter == nil, "two concurrent receives on one call")
            self.waiter = continuation
        } else {
            continuation.resume(returning: poll)
        }
    }
}
