public import WindMakerMessages

/// Sends the responses of a server-streaming call.
public struct ResponseWriter<Message: ProtoMessage>: Sendable {
    private let io: any ServerCallIO

    /// A writer over a call's stream; the router builds one per call, and tests build one over a recording stream.
    package init(io: any ServerCallIO) {
        self.io = io
    }

    /// Sends one response; suspends while the client's flow-control window for the call is spent (a client that
    /// stops reading stops granting), and while the connection cannot take more bytes.
    public func write(_ message: Message) async throws {
        try await self.io.sendMessage(message)
    }
}
