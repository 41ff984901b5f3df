import NIOCore
import WindMakerMessages
import WindMakerRPC

/// A handler's view of its call: messages in and out through the connection handler on its event loop.
///
/// Handlers run with the event loop as their task executor, so these calls are normally already on the loop and
/// take the direct path; from anywhere else they hop.
struct ServerCallHandle: ServerCallIO {
    let handler: NIOLoopBound<ServerConnectionHandler>
    let callID: UInt32

    private var eventLoop: any EventLoop { self.handler.eventLoop }

    func receiveMessage<M: ProtoMessage>(as type: M.Type) async throws -> M? {
        guard let buffer = try await self.nextInbound() else { return nil }
        do {
            return try Envelope.decode(M.self, from: buffer)
        } catch {
            throw RPCError(.invalidArgument, "the request is not a valid \(M.protoName): \(error.reason)")
        }
    }

    func sendMessage<M: ProtoMessage>(_ message: M) async throws {
        try Task.checkCancellation()
        if self.eventLoop.inEventLoop {
            try self.handler.value.send(callID: self.callID, message)
            if let writable = self.handler.value.writable(callID: self.callID) { try await writable.get() }
        } else {
            let handler = self.handler
            let callID = self.callID
            try await self.eventLoop.flatSubmit { () -> EventLoopFuture<Void> in
                do {
                    try handler.value.send(callID: callID, message)
                } catch {
                    return handler.eventLoop.makeFailedFuture(error)
                }
                return handler.value.writable(callID: callID) ?? handler.eventLoop.makeSucceededVoidFuture()
            }.get()
        }
    }

    /// Reports the handler's outcome; the connection writes the status unless the call already ended.
    func finish(_ error: RPCError?, trailingMetadata: Metadata) {
        // On the loop (the usual case) the status joins the response in the same flush.
        if self.eventLoop.inEventLoop {
            self.handler.value.finish(
                callID: self.callID,
                with: error,
                trailingMetadata: trailingMetadata,
                handlerDone: true
            )
            return
        }
        let handler = self.handler
        let callID = self.callID
        self.eventLoop.execute {
            handler.value.finish(callID: callID, with: error, trailingMetadata: trailingMetadata, handlerDone: true)
        }
    }

    private func nextInbound() async throws -> ByteBuffer? {
        let onLoop = self.eventLoop.inEventLoop
        if onLoop {
            switch self.handler.value.poll(callID: self.callID) {
            case .message(let message): return message
            case .end: return nil
            case .pending: break
            }
        }
        let handler = self.handler
        let callID = self.callID
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                // On the loop the closure runs before the task suspends, so the waiter is registered directly.
                if onLoop {
                    handler.value.wait(callID: callID, continuation)
                } else {
                    handler.eventLoop.execute { handler.value.wait(callID: callID, continuation) }
                }
            }
        } onCancel: {
            handler.eventLoop.execute { handler.value.cancelWait(callID: callID) }
        }
    }
}
