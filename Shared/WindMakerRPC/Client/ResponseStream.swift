public import WindMakerMessages

/// The responses of a server-streaming call, in order; ends when the server ends the call with `OK`, and throws
/// the server's ``RPCError`` otherwise.
public struct ResponseStream<Message: ProtoMessage>: AsyncSequence, Sendable {
    public typealias Element = Message
    private let stream: any ClientStream

    init(stream: any ClientStream) {
        self.stream = stream
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(stream: self.stream)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let stream: any ClientStream

        public mutating func next() async throws -> Message? {
            try await self.stream.receive(as: Message.self)
        }
    }
}
