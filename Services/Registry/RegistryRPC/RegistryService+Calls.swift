import Logging
import WindMakerMessages
import WindMakerRPC
import WindMakerRegistry
import WindMakerStorage

extension RegistryService {
    /// Runs a mutating operation at most once per `idempotency-key`, in one group-committed write with the stored
    /// response.
    ///
    /// - Parameters:
    ///   - request: the request as received; its bytes are what a retry must match.
    ///   - context: the call, for the caller's identity, the key and the log.
    ///   - operation: the operation's `…, in: sql` variant, given the transaction and now.
    ///   - response: the response message for the operation's result.
    func mutating<Request: ProtoMessage, Response: ProtoMessage, Result: Sendable>(
        _ request: Request,
        context: ServerContext,
        _ operation: @escaping @Sendable (Transaction, Timestamp) throws -> Result,
        response: @escaping @Sendable (Result) -> Response
    ) async throws -> Response {
        try await self.guarded(context) {
            let now = self.clock()
            let key = try Self.idempotencyKey(for: request, context: context)
            let outcome = try await self.registry.idempotent(
                key,
                at: now,
                encode: { result in try response(result).serializedBytes() },
                { sql in try operation(sql, now) }
            )
            switch outcome {
            case .performed(let result):
                return response(result)
            case .replayed(let bytes):
                context.logger.debug("replayed the stored response for an idempotency key")
                return try Response(serializedBytes: bytes)
            }
        }
    }

    /// The caller's idempotency key for `request`, or `nil` when the call carries none.
    static func idempotencyKey(
        for request: some ProtoMessage,
        context: ServerContext
    ) throws -> IdempotencyKey? {
        guard let key = context.requestMetadata[Metadata.Keys.idempotencyKey] else { return nil }
        return try IdempotencyKey(
            caller: context.peer.description,
            key: key,
            method: context.descriptor.fullName,
            request: try request.serializedBytes()
        )
    }

    /// Runs a read on the storage thread, through ``guarded(_:_:)``.
    func reading<T: Sendable>(_ context: ServerContext, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await self.guarded(context) { try await self.storage.run(body) }
    }

    /// Runs `body` (a read or a write), letting registry errors through (they carry their status), turning a busy
    /// database into `UNAVAILABLE` (retryable: nothing was done) and everything else into `INTERNAL` with a generic
    /// message, logging the detail: storage messages name tables and columns.
    func guarded<T: Sendable>(_ context: ServerContext, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as RegistryError {
            throw error
        } catch let error as RPCError {
            throw error
        } catch let error as StorageError where error.code == .invalidValue {
            // The only value storage refuses that a caller can send: text with NUL in a field not checked above.
            context.logger.notice("refused a request value", metadata: ["error": "\(error)"])
            throw RPCError(.invalidArgument, "a text field contains a NUL character, which is not allowed")
        } catch let error as StorageError where error.code == .busy {
            context.logger.warning("registry storage busy", metadata: ["error": "\(error)"])
            throw RPCError(.unavailable, "the registry is busy; retry after a short pause")
        } catch let error as StorageError {
            context.logger.error("registry storage failed", metadata: ["error": "\(error)"])
            throw RPCError(.internal, "the registry could not complete the request; try again later")
        } catch {
            context.logger.error("registry call failed", metadata: ["error": "\(error)"])
            throw RPCError(.internal, "internal error")
        }
    }
}
