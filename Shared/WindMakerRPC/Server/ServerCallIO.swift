public import WindMakerMessages

/// The message stream of one server call, implemented by a transport.
///
/// Handlers never see it: the router adapts it to typed requests, ``RequestStream`` and ``ResponseWriter``.
public protocol ServerCallIO: Sendable {
    /// The next request message, or nil once the client has finished sending.
    /// - Throws: ``RPCError`` with `INVALID_ARGUMENT` when the bytes are not a valid `M`, or `CANCELLED`.
    func receiveMessage<M: ProtoMessage>(as type: M.Type) async throws -> M?

    /// Sends one response message.
    func sendMessage<M: ProtoMessage>(_ message: M) async throws
}
