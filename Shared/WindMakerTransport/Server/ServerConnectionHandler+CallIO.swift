import NIOCore
import WindMakerMessages
import WindMakerRPC

/// What a handler's `ServerCallHandle` asks of the connection, always on the event loop.
extension ServerConnectionHandler {
    func poll(callID: UInt32) -> ServerCall.Poll {
        guard let call = self.calls[callID] else { return .end }
        let poll = call.poll()
        if case .message(let message) = poll { self.releaseInbound(message.readableBytes) }
        return poll
    }

    func wait(callID: UInt32, _ continuation: CheckedContinuation<ByteBuffer?, any Error>) {
        guard let call = self.calls[callID] else { return continuation.resume(returning: nil) }
        let before = call.bufferedBytes
        call.wait(continuation)
        self.releaseInbound(before - call.bufferedBytes)
    }

    func cancelWait(callID: UInt32) {
        self.calls[callID]?.cancelWaiter()
    }

    /// Queues a response message; throws when the call is already over.
    func send(callID: UInt32, _ message: some ProtoMessage) throws {
        guard let call = self.calls[callID], !call.isClosed else {
            throw RPCError(.cancelled, "the call has ended")
        }
        do {
            try self.output.append { (buffer) throws(FrameEncodingError) in
                try buffer.writeFrame(
                    .message,
                    callID: callID,
                    message: message,
                    maximumPayloadSize: self.configuration.maximumPayloadSize
                )
            }
        } catch {
            throw RPCError(.internal, "the response could not be sent: \(error)")
        }
    }

    /// A future that completes once the channel can take more bytes, or fails when the call ends first; nil when
    /// there is no need to wait.
    func writable(callID: UInt32) -> EventLoopFuture<Void>? {
        guard self.state != .closed, !self.context.channel.isWritable, let call = self.calls[callID], !call.isClosed
        else { return nil }
        let promise = self.context.eventLoop.makePromise(of: Void.self)
        call.waitUntilWritable(promise)
        return promise.futureResult
    }
}
