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
        // Waits before sending while the client's window is spent (so a handler that sends its last message and
        // returns is not held up), and after sending while the socket is full. Each pass looks at the loop afresh:
        // a handler may have been moved off it while it waited.
        while true {
            if self.eventLoop.inEventLoop {
                let handler = self.handler.value
                if let credit = try handler.send(callID: self.callID, message) {
                    try await credit.get()
                    continue
                }
                if let writable = handler.writable(callID: self.callID) { try await writable.get() }
                return
            }
            let handler = self.handler
            let callID = self.callID
            let sent = try await self.eventLoop.flatSubmit { () -> EventLoopFuture<Bool> in
                let credit: EventLoopFuture<Void>?
                do {
                    credit = try handler.value.send(callID: callID, message)
                } catch {
                    return handler.eventLoop.makeFailedFuture(error)
                }
                if let credit { return credit.map { false } }
                let writable = handler.value.writable(callID: callID) ?? handler.eventLoop.makeSucceededVoidFuture()
                return writable.map { true }
            }.get()
            if sent { return }
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
