import NIOCore
import WindMakerMessages
import WindMakerRPC

/// A handler's view of its call: messages in and out through the connection handler on its event loop.
///
/// Handlers run with the event loop as their task executor, so these calls are normally already on the loop and
/// take the direct path; from anywhere else they hop. A request larger than `offLoopRequestBytes` is decoded away
/// from the loop, and the router runs the handler of a unary or server-streaming call with one there too.
struct ServerCallHandle: ServerCallIO {
    let handler: NIOLoopBound<ServerConnectionHandler>
    let callID: UInt32
    let offLoopRequestBytes: Int
    /// How many large requests decode at once, server-wide.
    let largeDecodes: LargeDecodeGate

    private var eventLoop: any EventLoop { self.handler.eventLoop }

    func receiveMessage<M: ProtoMessage>(as type: M.Type) async throws -> M? {
        guard let buffer = try await self.nextInbound() else { return nil }
        return try await self.decode(M.self, from: buffer)
    }

    func receiveRequest<M: ProtoMessage>(
        as type: M.Type
    ) async throws -> (message: M, handlerExecutor: (any TaskExecutor)?)? {
        guard let buffer = try await self.nextInbound() else { return nil }
        let large = buffer.readableBytes > self.offLoopRequestBytes
        return (try await self.decode(M.self, from: buffer), large ? globalConcurrentExecutor : nil)
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

    /// Decodes a request; a large one in a child task on the global concurrent executor, which is sure to start
    /// there (a preference alone moves the task only at its next executor switch; see `RPCRouter`).
    private func decode<M: ProtoMessage>(_: M.Type, from buffer: ByteBuffer) async throws -> M {
        guard buffer.readableBytes > self.offLoopRequestBytes else { return try Self.decode(M.self, from: buffer) }
        return try await self.largeDecodes.withPermit {
            guard self.eventLoop.inEventLoop else { return try Self.decode(M.self, from: buffer) }
            return try await withThrowingTaskGroup(of: M.self) { group in
                group.addTask(executorPreference: globalConcurrentExecutor) { try Self.decode(M.self, from: buffer) }
                return try await group.next()!
            }
        }
    }

    private static func decode<M: ProtoMessage>(_: M.Type, from buffer: ByteBuffer) throws(RPCError) -> M {
        do {
            return try Envelope.decode(M.self, from: buffer)
        } catch {
            throw RPCError(.invalidArgument, "the request is not a valid \(M.protoName): \(error.reason)")
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
