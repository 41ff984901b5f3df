import NIOCore
import WindMakerMessages
import WindMakerRPC

/// What a handler's `ServerCallHandle` asks of the connection, always on the event loop.
extension ServerConnectionHandler {
    func poll(callID: UInt32) -> ServerCall.Poll {
        guard let call = self.calls[callID] else { return .end }
        let before = call.bufferedBytes
        let poll = call.poll()
        self.releaseInbound(before - call.bufferedBytes)
        self.sendDueGrant(call)
        return poll
    }

    func wait(callID: UInt32, _ continuation: CheckedContinuation<ByteBuffer?, any Error>) {
        guard let call = self.calls[callID] else { return continuation.resume(returning: nil) }
        let before = call.bufferedBytes
        call.wait(continuation)
        self.releaseInbound(before - call.bufferedBytes)
        self.sendDueGrant(call)
    }

    func cancelWait(callID: UInt32) {
        self.calls[callID]?.cancelWaiter()
    }

    /// Queues a response message, or, while the client's window for the call is spent, queues nothing and returns a
    /// future that completes once the client has granted room (and fails when the call ends first): the sender then
    /// tries again.
    /// - Throws: when the call is already over, or the message cannot be sent.
    func send(callID: UInt32, _ message: some ProtoMessage) throws -> EventLoopFuture<Void>? {
        guard let call = self.calls[callID], !call.isClosed else {
            throw RPCError(.cancelled, "the call has ended")
        }
        guard call.hasCredit else {
            let promise = self.context.eventLoop.makePromise(of: Void.self)
            call.waitForCredit(promise)
            return promise.futureResult
        }
        var payloadBytes = 0
        do {
            try self.output.append { (buffer) throws(FrameEncodingError) in
                let start = buffer.writerIndex
                try buffer.writeFrame(
                    .message,
                    callID: callID,
                    message: message,
                    maximumPayloadSize: self.configuration.maximumPayloadSize
                )
                payloadBytes = buffer.writerIndex - start - Frame.headerSize
            }
        } catch {
            throw RPCError(.internal, "the response could not be sent: \(error)")
        }
        call.sendWindow?.spend(payloadBytes: payloadBytes)
        return nil
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
