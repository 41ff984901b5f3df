import Synchronization
import WindMakerMessages
import WindMakerRPC

/// A server call's message stream in memory: hands out scripted requests and records what the handler sends.
final class FakeServerCallIO: ServerCallIO {
    private struct State {
        var pendingRequests: [any ProtoMessage]
        var sent: [any ProtoMessage] = []
        var receiveCount = 0
    }

    private let state: Mutex<State>
    /// Where `receiveRequest` asks the router to run the handler.
    private let handlerExecutor: (any TaskExecutor)?

    init(requests: [any ProtoMessage] = [], handlerExecutor: (any TaskExecutor)? = nil) {
        self.state = Mutex(State(pendingRequests: requests))
        self.handlerExecutor = handlerExecutor
    }

    func receiveMessage<M: ProtoMessage>(as _: M.Type) async throws -> M? {
        let next: (any ProtoMessage)? = self.state.withLock { state in
            state.receiveCount += 1
            return state.pendingRequests.isEmpty ? nil : state.pendingRequests.removeFirst()
        }
        guard let next else { return nil }
        guard let message = next as? M else {
            throw RPCError(.invalidArgument, "expected \(M.protoName), scripted \(type(of: next).protoName)")
        }
        return message
    }

    func receiveRequest<M: ProtoMessage>(
        as type: M.Type
    ) async throws -> (message: M, handlerExecutor: (any TaskExecutor)?)? {
        try await self.receiveMessage(as: type).map { ($0, self.handlerExecutor) }
    }

    func sendMessage<M: ProtoMessage>(_ message: M) async throws {
        self.state.withLock { $0.sent.append(message) }
    }

    /// Every message the handler sent, as `M`; a message of another type makes the test fail.
    func sent<M: ProtoMessage>(as _: M.Type) -> [M] {
        self.state.withLock { $0.sent }.compactMap { $0 as? M }
    }

    var sentCount: Int { self.state.withLock { $0.sent.count } }
    var receiveCount: Int { self.state.withLock { $0.receiveCount } }
}
