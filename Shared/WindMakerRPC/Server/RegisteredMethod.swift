/// A method in a router: its descriptor, its message types, and how to run it over a call's message stream.
public struct RegisteredMethod: Sendable {
    /// The method's name and kind.
    public let descriptor: MethodDescriptor
    /// The proto name of the request message.
    public let requestType: String
    /// The proto name of the response message.
    public let responseType: String
    /// Runs the handler: reads requests from `io`, writes responses to it; returns when the handler is done.
    public let invoke: @Sendable (_ io: any ServerCallIO, _ context: ServerContext) async throws -> Void
}
