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

    let id: UInt32
    let descriptor: MethodDescriptor
    private var inbound = CircularBuffer<ByteBuffer>(initialCapacity: 1)
    private var inboundFinished = false
    private var waiter: CheckedContinuation<ByteBuffer?, any Error>?
    /// Set once the final status is written, or the client cancelled; later output is dropped.
    private(set) var isClosed = false
    var task: Task<Void, Never>?
    var deadlineTimer: Scheduled<Void>?

    init(id: UInt32, descriptor: MethodDescriptor) {
        self.id = id
        self.descriptor = descriptor
    }

    /// Bytes buffered and not yet taken by the handler.
    private(set) var bufferedBytes = 0

    /// Adds a request message; returns the bytes newly buffered (0 when a waiting handler took it).
    func deliver(_ message: ByteBuffer) -> Int {
        // A message after the client said it was done is ignored: the handler has been told the stream ended.
        guard !self.inboundFinished else { return 0 }
        if let waiter = self.waiter {
            self.waiter = nil
            waiter.resume(returning: message)
            return 0
        }
        self.inbound.append(message)
        self.bufferedBytes += message.readableBytes
        return message.readableBytes
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
            self.bufferedBytes -= message.readableBytes
            return .message(message)
        }
        return self.inboundFinished || self.isClosed ? .end : .pending
    }

    func wait(_ continuation: CheckedContinuation<ByteBuffer?, any Error>) {
        switch self.poll() {
        case .message(let message): continuation.resume(returning: message)
        case .end: continuation.resume(returning: nil)
        case .pending:
            precondition(self.waiter == nil, "two concurrent receives on one call")
            self.waiter = continuation
        }
    }

    /// Marks the call closed: cancels the handler, wakes a waiting receive with `error`, stops the deadline timer.
    func close(failingWaiterWith error: any Error) {
        self.isClosed = true
        self.deadlineTimer?.cancel()
        self.deadlineTimer = nil
        self.task?.cancel()
        if let waiter = self.waiter {
            self.waiter = nil
            waiter.resume(throwing: error)
        }
    }

    func cancelWaiter() {
        if let waiter = self.waiter {
            self.waiter = nil
            waiter.resume(throwing: CancellationError())
        }
    }
}
