public import WindMakerMessages

/// The requests of a client-streaming call, in the order the client sent them.
///
/// ```swift
/// for try await request in requests { total += request.amount }
/// ```
public struct RequestStream<Message: ProtoMessage>: AsyncSequence, Sendable {
    public typealias Element = Message
    private let io: any ServerCallIO

    init(io: any ServerCallIO) {
        self.io = io
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(io: self.io)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let io: any ServerCallIO

        public mutating func next() async throws -> Message? {
            try await self.io.receiveMessage(as: Message.self)
        }
    }
}
