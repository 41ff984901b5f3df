public import WindMakerMessages

/// Opens calls to one server; implemented by the NIO transport (and by in-process doubles in tests).
public protocol ClientTransport: Sendable {
    /// Opens a call: the request headers go out with the first message.
    /// - Throws: ``RPCError`` `UNAVAILABLE` with ``RPCError/notProcessedKey`` set when no connection could carry it.
    func openStream(_ call: ClientCallInfo) async throws -> any ClientStream
}

/// One open call as the client sees it.
public protocol ClientStream: Sendable {
    /// Sends a request message; `endOfStream` says it is the last one.
    func send<M: ProtoMessage>(_ message: M, endOfStream: Bool) async throws
    /// Says the client will send no more messages.
    func finishSending() async throws
    /// The next response message, or nil when the server ended the call with `OK`.
    /// - Throws: ``RPCError`` with the server's status when it ended the call with another code.
    func receive<M: ProtoMessage>(as type: M.Type) async throws -> M?
    /// The metadata the server sent with its final status; valid once `receive` has returned nil.
    var trailingMetadata: Metadata { get }
    /// Abandons the call; the server's handler is cancelled. ``RPCClient`` also calls it when an attempt ends
    /// however it ends, so for a call that is already over it must do nothing.
    func cancel()
}
