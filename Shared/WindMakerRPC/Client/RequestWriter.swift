public import WindMakerMessages

/// Sends the requests of a client-streaming call.
public struct RequestWriter<Message: ProtoMessage>: Sendable {
    private let stream: any ClientStream

    init(stream: any ClientStream) {
        self.stream = stream
    }

    /// Sends one request; suspends while the server's flow-control window for the call is spent (a handler that
    /// stops taking requests stops granting), and while the connection cannot take more bytes. Write one request at
    /// a time: each write waits for room for the next.
    public func write(_ message: Message) async throws {
        try await self.stream.send(message, endOfStream: false)
    }
}
