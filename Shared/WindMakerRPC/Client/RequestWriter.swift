public import WindMakerMessages

/// Sends the requests of a client-streaming call.
public struct RequestWriter<Message: ProtoMessage>: Sendable {
    private let stream: any ClientStream

    init(stream: any ClientStream) {
        self.stream = stream
    }

    /// Sends one request; suspends while the connection cannot take more bytes.
    public func write(_ message: Message) async throws {
        try await self.stream.send(message, endOfStream: false)
    }
}
