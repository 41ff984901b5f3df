public import WindMakerMessages

/// A unary or client-streaming response with the metadata the server sent along.
public struct ClientResponse<Message: ProtoMessage>: Sendable {
    /// The response message.
    public var message: Message
    /// Metadata the server sent with its final status.
    public var trailingMetadata: Metadata

    public init(message: Message, trailingMetadata: Metadata) {
        self.message = message
        self.trailingMetadata = trailingMetadata
    }
}
