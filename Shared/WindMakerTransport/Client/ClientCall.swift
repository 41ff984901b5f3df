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
    /// Request window on a client-streaming call with flow control; nil otherwise.
    var sendWindow: SendWindow?
    /// Response window on a server-streaming call with flow control; nil otherwise (a single response needs none).
    var receiveWindow: ReceiveWindow?
    /// Bytes the caller has read that are due to be granted back to the server.
    private var dueGrant = 0
    /// Senders waiting for the server to grant room in the request window.
    private var creditWaiters: [EventLoopPromise<Void>] = []

    init(info: ClientCallInfo) {
        self.info = info
    }

    var isStarted: Bool { self.id != 0 }
    var isFinished: Bool { self.outcome != nil }

    func deliver(_ message: ByteBuffer) {
        guard self.outcome == nil else { return }
        if let waiter = self.waiter {
            self.waiter = nil
            self.took(message)
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
        // Senders waiting for credit wake up and find the call over.
        self.wakeCreditWaiters()
        if let waiter = self.waiter {
            self.waiter = nil
            waiter.resume(returning: self.poll())
        }
    }

    func poll() -> Poll {
        if let message = self.inbound.popFirst() {
            self.took(message)
            return .message(message)
        }
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

    /// Whether a request message may go out now as far as the server's window is concerned.
    var hasCredit: Bool { self.sendWindow?.isOpen ?? true }

    /// Parks a sender until the server grants room in the request window, or the call ends.
    func waitForCredit(_ promise: EventLoopPromise<Void>) {
        self.creditWaiters.append(promise)
    }

    /// Adds a `windowUpdate` from the server, and wakes the senders once the window has room.
    func granted(_ increment: UInt32) {
        guard !self.isFinished, self.sendWindow != nil else { return }
        self.sendWindow!.grant(increment)
        if self.sendWindow!.isOpen { self.wakeCreditWaiters() }
    }

    /// The increment earned by responses the caller has read, once per grant; the connection sends it.
    func takeDueGrant() -> UInt32? {
        guard self.dueGrant > 0 else { return nil }
        let increment = min(self.dueGrant, FlowControl.maximumWindow)
        self.dueGrant -= increment
        return UInt32(increment)
    }

    /// Counts a response the caller read towards the next grant; none once the call is over.
    private func took(_ message: ByteBuffer) {
        guard self.outcome == nil, let increment = self.receiveWindow?.taken(payloadBytes: message.readableBytes)
        else { return }
        self.dueGrant += Int(increment)
    }

    private func wakeCreditWaiters() {
        guard !self.creditWaiters.isEmpty else { return }
        let waiters = self.creditWaiters
        self.creditWaiters.removeAll()
        for waiter in waiters { waiter.succeed() }
    }
}
