import Synchronization
public import WindMakerMessages
public import WindMakerRPC

/// The stream side of a server call that records every message a handler sends and has no requests: for testing
/// server-streaming handlers in process.
///
/// ```swift
/// let io = RecordingCallIO()
/// try await service.streamBindings(request: request, responses: ResponseWriter(io: io), context: context)
/// let batches = io.sent(as: RegistryV1.StreamBindingsResponse.self)
/// ```
public final class RecordingCallIO: ServerCallIO {
    private let messages = Mutex<[any ProtoMessage]>([])

    public init() {}

    public func receiveMessage<M: ProtoMessage>(as type: M.Type) async throws -> M? { nil }

    public func sendMessage<M: ProtoMessage>(_ message: M) async throws {
        self.messages.withLock { $0.append(message) }
    }

    /// The messages sent so far that are of type `M`, in order.
    public func sent<M: ProtoMessage>(as type: M.Type) -> [M] {
        self.messages.withLock { $0.compactMap { $0 as? M } }
    }
}
