import NIOCore
import Synchronization
import WindMakerMessages
import WindMakerRPC

/// A client's view of one call. Sends are handed to the connection's event loop without waiting, so a unary
/// call costs the caller one suspension: waiting for the response.
final class ClientCallHandle: ClientStream {
    private let handler: NIOLoopBound<ClientConnectionHandler>
    private let call: NIOLoopBound<ClientCall>
    private let outcome: CallOutcome
    private let trailers = Mutex(Metadata())

    /// Must be created on the connection's event loop.
    init(handler: NIOLoopBound<ClientConnectionHandler>, info: ClientCallInfo) {
        let call = ClientCall(info: info)
        self.handler = handler
        self.outcome = call.outcomeForCaller
        self.call = NIOLoopBound(call, eventLoop: handler.eventLoop)
    }

    private var eventLoop: any EventLoop { self.handler.eventLoop }

    var trailingMetadata: Metadata { self.trailers.withLock { $0 } }

    func send<M: ProtoMessage>(_ message: M, endOfStream: Bool) async throws {
        if let ended = self.outcome.error { throw ended }
        self.onLoop { handler, call in handler.send(call, message, endOfStream: endOfStream) }
        if !endOfStream { try await self.waitUntilSendable() }
    }

    func finishSending() async throws {
        self.onLoop { handler, call in handler.finishSending(call) }
    }

    func receive<M: ProtoMessage>(as type: M.Type) async throws -> M? {
        switch await self.next() {
        case .message(let buffer):
            do {
                return try Envelope.decode(M.self, from: buffer)
            } catch {
                let failure = RPCError(.internal, "the response is not a valid \(M.protoName): \(error.reason)")
                self.onLoop { handler, call in handler.abandon(call, failure) }
                throw failure
            }
        case .end(let error?, _):
            throw error
        case .end(nil, let metadata):
            self.trailers.withLock { $0 = metadata }
            return nil
        case .pending:
            preconditionFailure("a wait ended with nothing to report")
        }
    }

    func cancel() {
        guard self.outcome.error == nil else { return }
        self.onLoop { handler, call in
            handler.abandon(call, RPCError(.cancelled, "the call was cancelled by the client"))
        }
    }

    private func next() async -> ClientCall.Poll {
        let handler = self.handler
        let call = self.call
        if call.eventLoop.inEventLoop {
            let poll = handler.value.poll(call.value)
            if case .pending = poll {} else { return poll }
            // Still on the loop inside the closure, so the waiter is registered without another hop.
            return await withCheckedContinuation { continuation in handler.value.wait(call.value, continuation) }
        }
        return await withCheckedContinuation { continuation in
            call.eventLoop.execute { handler.value.wait(call.value, continuation) }
        }
    }

    private func onLoop(_ body: @escaping @Sendable (ClientConnectionHandler, ClientCall) -> Void) {
        if self.eventLoop.inEventLoop {
            body(self.handler.value, self.call.value)
        } else {
            let handler = self.handler
            let call = self.call
            self.eventLoop.execute { body(handler.value, call.value) }
        }
    }

    /// Suspends a streaming sender while the socket's buffer is full or the server's window for the call is spent,
    /// so its next request goes out only when the window has room.
    private func waitUntilSendable() async throws {
        let handler = self.handler
        let call = self.call
        if handler.eventLoop.inEventLoop, handler.value.maySend(call.value) { return }
        while try await !handler.eventLoop.flatSubmit({ handler.value.sendable(call.value) }).get() {}
        // Writability waiters are also woken when any call ends; the sender then learns whether it was this one.
        if let ended = self.outcome.error { throw ended }
    }
}
