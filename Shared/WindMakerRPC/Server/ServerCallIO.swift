public import WindMakerMessages

/// The message stream of one server call, implemented by a transport.
///
/// Handlers never see it: the router adapts it to typed requests, ``RequestStream`` and ``ResponseWriter``.
public protocol ServerCallIO: Sendable {
    /// The next request message, or nil once the client has finished sending.
    /// - Throws: ``RPCError`` with `INVALID_ARGUMENT` when the bytes are not a valid `M`, or `CANCELLED`.
    func receiveMessage<M: ProtoMessage>(as type: M.Type) async throws -> M?

    /// The one request of a unary or server-streaming call, and where its handler should run: nil to stay on the
    /// executor the call runs on (the transport's own, fast for small requests), or an executor away from the
    /// transport's I/O threads when the request is large enough that handling it there would hold up other
    /// callers. The router runs the handler there. Defaults to ``receiveMessage(as:)`` and nil.
    /// - Throws: as ``receiveMessage(as:)``.
    func receiveRequest<M: ProtoMessage>(
        as type: M.Type
    ) async throws -> (message: M, handlerExecutor: (any TaskExecutor)?)?

    /// Sends one response message.
    func sendMessage<M: ProtoMessage>(_ message: M) async throws
}

extension ServerCallIO {
    public func receiveRequest<M: ProtoMessage>(
        as type: M.Type
    ) async throws -> (message: M, handlerExecutor: (any TaskExecutor)?)? {
        try await self.receiveMessage(as: type).map { ($0, nil) }
    }
}
