import Logging
import NIOCore
import WindMakerRPC

/// One call's state on the server, owned by its connection handler and touched only on the event loop.
final class ServerCall {
    /// What `receive` finds when it looks.
    enum Poll {
        case message(ByteBuffer)
        case end
        case pending
    }

    /// What a buffered message is charged at least, so that a flood of empty messages still counts.
    static let minimumCharge = 64

    let id: UInt32
    let descriptor: MethodDescriptor
    /// When its HEADERS arrived, for the latency metric.
    let started = ContinuousClock.now
    /// The method's logger with the call's request id, for the line that says how the call ended.
    var logger: Logger?
    private var inbound = CircularBuffer<ByteBuffer>(initialCapacity: 1)
    private var inboundFinished = false
    private var messagesReceived = 0
    private var waiter: CheckedContinuation<ByteBuffer?, any Error>?
    /// A cancellation that arrived before its receive registered (possible only off the event loop).
    private var cancelledBeforeWait = false
    private var writabilityWaiter: EventLoopPromise<Void>?
    /// Senders waiting for the client to grant room in its window (one, unless a handler sends concurrently).
    private var creditWaiters: [EventLoopPromise<Void>] = []
    /// The client's window for this call's responses; nil when the client does no flow control.
    var sendWindow: SendWindow?
    /// What the client may still send; set only on client-streaming calls whose client does flow control.
    var receiveWindow: ReceiveWindow?
    /// Bytes the handler has taken that are due to be granted back to the client.
    private var dueGrant = 0
    /// Set once the final status is written, or the client cancelled; later output is dropped.
    private(set) var isClosed = false
    var task: Task<Void, Never>?
    var deadlineTimer: Scheduled<Void>?

    init(id: UInt32, descriptor: MethodDescriptor) {
        self.id = id
        self.descriptor = descriptor
    }

    /// What the buffered messages are charged against the connection's inbound limit.
    private(set) var bufferedBytes = 0

    /// Adds a request message; returns what it is charged (0 when a waiting handler took it or it was dropped).
    func deliver(_ message: ByteBuffer) -> Int {
        // After the client said it was done, or past the one request of a unary or server-streaming method, a
        // message is dropped: the handler will never read it.
        guard !self.inboundFinished, self.descriptor.kind == .clientStreaming || self.messagesReceived == 0 else {
            return 0
        }
        self.messagesReceived += 1
        if let waiter = self.waiter {
            self.waiter = nil
            self.took(message)
            waiter.resume(returning: message)
            return 0
        }
        let kept = Self.compacted(message)
        let charge = Self.charge(for: kept)
        self.inbound.append(kept)
        self.bufferedBytes += charge
        return charge
    }

    /// Whether a request message arrived within the client's window; false when the client sent it with no window
    /// left. Always true for calls without flow control and for messages `deliver` drops.
    func admits(_ message: ByteBuffer) -> Bool {
        guard !self.inboundFinished, self.receiveWindow != nil else { return true }
        return self.receiveWindow!.received(payloadBytes: message.readableBytes)
    }

    /// The increment earned by messages the handler has taken, once per grant; the connection sends it. None once
    /// the client has finished sending: it would never be used.
    func takeDueGrant() -> UInt32? {
        guard self.dueGrant > 0, !self.inboundFinished else { return nil }
        let increment = min(self.dueGrant, FlowControl.maximumWindow)
        self.dueGrant -= increment
        return UInt32(increment)
    }

    /// Whether the client has said it sends no more requests (END_STREAM or HALF_CLOSE).
    var isInboundFinished: Bool { self.inboundFinished }

    func finishInbound() {
        self.inboundFinished = true
        if let waiter = self.waiter {
            self.waiter = nil
            waiter.resume(returning: nil)
        }
    }

    func poll() -> Poll {
        if let message = self.inbound.popFirst() {
            self.bufferedBytes -= Self.charge(for: message)
            self.took(message)
            return .message(message)
        }
        return self.inboundFinished || self.isClosed ? .end : .pending
    }

    func wait(_ continuation: CheckedContinuation<ByteBuffer?, any Error>) {
        if self.cancelledBeforeWait {
            self.cancelledBeforeWait = false
            return continuation.resume(throwing: CancellationError())
        }
        switch self.poll() {
        case .message(let message): continuation.resume(returning: message)
        case .end: continuation.resume(returning: nil)
        case .pending:
            precondition(self.waiter == nil, "two concurrent receives on one call")
            self.waiter = continuation
        }
    }

    /// Parks a sender until the channel is writable again, or the call ends.
    func waitUntilWritable(_ promise: EventLoopPromise<Void>) {
        self.writabilityWaiter?.succeed()
        self.writabilityWaiter = promise
    }

    /// Wakes a parked sender because the channel can take bytes again.
    func writable() {
        self.writabilityWaiter?.succeed()
        self.writabilityWaiter = nil
    }

    /// Whether a response may go out now as far as the client's window is concerned.
    var hasCredit: Bool { self.sendWindow?.isOpen ?? true }

    /// Parks a sender until the client's window has room, or the call ends.
    func waitForCredit(_ promise: EventLoopPromise<Void>) {
        self.creditWaiters.append(promise)
    }

    /// Adds a `windowUpdate` from the client, and wakes the senders once the window has room.
    func granted(_ increment: UInt32) {
        guard !self.isClosed, self.sendWindow != nil else { return }
        self.sendWindow!.grant(increment)
        guard self.sendWindow!.isOpen, !self.creditWaiters.isEmpty else { return }
        let waiters = self.creditWaiters
        self.creditWaiters.removeAll()
        for waiter in waiters { waiter.succeed() }
    }

    /// Marks the call closed: cancels the handler, wakes a waiting receive or send with `error`, stops the deadline
    /// timer.
    func close(failingWaiterWith error: any Error) {
        self.isClosed = true
        self.deadlineTimer?.cancel()
        self.deadlineTimer = nil
        self.task?.cancel()
        self.writabilityWaiter?.fail(error)
        self.writabilityWaiter = nil
        let creditWaiters = self.creditWaiters
        self.creditWaiters.removeAll()
        for waiter in creditWaiters { waiter.fail(error) }
        if let waiter = self.waiter {
            self.waiter = nil
            waiter.resume(throwing: error)
        }
    }

    func cancelWaiter() {
        if let waiter = self.waiter {
            self.waiter = nil
            waiter.resume(throwing: CancellationError())
        } else {
            self.cancelledBeforeWait = true
        }
    }

    /// Counts a message the handler took towards the next grant; none once the client has finished sending.
    private func took(_ message: ByteBuffer) {
        guard !self.inboundFinished, let increment = self.receiveWindow?.taken(payloadBytes: message.readableBytes)
        else { return }
        self.dueGrant += Int(increment)
    }

    private static func charge(for message: ByteBuffer) -> Int {
        max(message.readableBytes, Self.minimumCharge)
    }

    /// A small message sliced out of a large read buffer is copied, so that keeping it does not keep the whole
    /// buffer alive.
    private static func compacted(_ message: ByteBuffer) -> ByteBuffer {
        guard message.storageCapacity > 2 * message.readableBytes + 4096 else { return message }
        return ByteBuffer(bytes: message.readableBytesView)
    }
}
