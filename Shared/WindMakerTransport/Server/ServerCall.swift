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
    private var inbound = CircularBuffer<ByteBuffer>(initialCapacity: 1)
    private var inboundFinished = false
    private var messagesReceived = 0
    private var waiter: CheckedContinuation<ByteBuffer?, any Error>?
    /// A cancellation that arrived before its receive registered (possible only off the event loop).
    private var cancelledBeforeWait = false
    private var writabilityWaiter: EventLoopPromise<Void>?
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
            waiter.resume(returning: message)
            return 0
        }
        let kept = Self.compacted(message)
        let charge = Self.charge(for: kept)
        self.inbound.append(kept)
        self.bufferedBytes += charge
        return charge
    }

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

    /// Marks the call closed: cancels the handler, wakes a waiting receive or send with `error`, stops the deadline
    /// timer.
    func close(failingWaiterWith error: any Error) {
        self.isClosed = true
        self.deadlineTimer?.cancel()
        self.deadlineTimer = nil
        self.task?.cancel()
        self.writabilityWaiter?.fail(error)
        self.writabilityWaiter = nil
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
