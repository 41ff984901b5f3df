import Logging
public import WindMakerKit
public import WindMakerMessages
public import WindMakerRPC
public import WindMakerStorage
import WindMakerStoreKit

/// The plumbing of a service adapter's calls: the storage thread for reads, idempotent group-committed writes, the
/// clock, and the one mapping of what a call throws onto a status.
///
/// ```swift
/// let calls = ServiceCalls(service: "registry", database: registry.database)
/// func getProvider(request: GetProviderRequest, context: ServerContext) async throws -> GetProviderResponse {
///     try await self.calls.reading(context) { try registry.provider(id) }.proto
/// }
/// ```
public struct ServiceCalls: Sendable {
    /// The service's name as messages say it ("the registry is busy").
    public let service: String
    /// The database writes are group-committed on.
    public let database: any Database
    /// Now, as recorded in audit entries and idempotency records. Tests pass a fixed one.
    public let clock: @Sendable () -> Timestamp
    /// Where the blocking reads run, off the event loops (writes run on the database's group committer).
    let storage = StorageQueue()
    /// Where heavy computations run, one at a time, off the event loops and apart from the reads.
    let work = StorageQueue(label: "windmaker.work")

    /// - Parameters:
    ///   - service: how messages name the service, e.g. `registry`.
    ///   - database: the service's database.
    ///   - clock: the time source; the system's real-time clock unless a test passes its own.
    public init(
        service: String,
        database: any Database,
        clock: @escaping @Sendable () -> Timestamp = SystemClock.now
    ) {
        self.service = service
        self.database = database
        self.clock = clock
    }

    /// Runs a read on the storage thread, through ``guarded(_:_:)``.
    public func reading<T: Sendable>(
        _ context: ServerContext,
        _ body: @escaping @Sendable () throws -> T
    ) async throws -> T {
        try await self.guarded(context) { try await self.storage.run(body) }
    }

    /// Runs a heavy synchronous computation (seconds of CPU, reads included) on the work thread, through
    /// ``guarded(_:_:)``: never on an event loop, and never ahead of the service's short reads.
    public func working<T: Sendable>(
        _ context: ServerContext,
        _ body: @escaping @Sendable () throws -> T
    ) async throws -> T {
        try await self.guarded(context) { try await self.work.run(body) }
    }

    /// Runs a mutating operation at most once per `idempotency-key` (the request metadata the caller sets), in one
    /// group-committed write that also stores the response, and answers a retry from what was stored.
    ///
    /// - Parameters:
    ///   - request: the request as received; its bytes are what a retry must match.
    ///   - context: the call, for the caller's identity, the key and the log.
    ///   - operation: the operation's `…, in: sql` variant, given the transaction and now.
    ///   - response: the response message for the operation's result.
    public func mutating<Request: ProtoMessage, Response: ProtoMessage, Result: Sendable>(
        _ request: Request,
        context: ServerContext,
        _ operation: @escaping @Sendable (Transaction, Timestamp) throws -> Result,
        response: @escaping @Sendable (Result) -> Response
    ) async throws -> Response {
        try await self.guarded(context) {
            let now = self.clock()
            let key = try Self.idempotencyKey(for: request, context: context)
            let outcome = try await self.database.idempotent(
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

    /// Refuses a call without an `idempotency-key`, for operations whose retry would otherwise act twice (funding a
    /// budget): `INVALID_ARGUMENT` saying why the key is needed.
    public static func requireIdempotencyKey(_ context: ServerContext, because reason: String) throws {
        guard context.requestMetadata[Metadata.Keys.idempotencyKey] == nil else { return }
        throw RPCError(
            .invalidArgument,
            "\(context.descriptor.fullName) needs an idempotency-key: \(reason); send one (wmctl does) and reuse it "
                + "when you retry"
        )
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

    /// Runs `body` (a read or a write) and maps what it throws onto a status:
    ///
    /// | thrown | status |
    /// |---|---|
    /// | ``RPCError``, an ``RPCErrorConvertible`` (a domain error, ``InvalidRequest``), `CancellationError` | its own |
    /// | ``StorageError/Code/busy`` | `UNAVAILABLE`: nothing was done, retry after a pause |
    /// | ``StorageError/Code/unavailable`` | `UNAVAILABLE`: the database could not be reached; nothing was kept |
    /// | ``StorageError/Code/locked`` | `ABORTED`: the same work is running elsewhere; retry once it is done |
    /// | ``StorageError/Code/invalidValue`` | `INVALID_ARGUMENT`: text with NUL that no check caught |
    /// | any other error | `INTERNAL` with a generic message; the detail goes to the call's log only, because storage messages name tables and columns |
    public func guarded<T: Sendable>(_ context: ServerContext, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as RPCError {
            throw error
        } catch let error as CancellationError {
            // The call was cancelled (its client went away, its deadline passed): the transport reports that itself.
            throw error
        } catch let error as any RPCErrorConvertible {
            throw error
        } catch let error as StorageError where error.code == .busy {
            context.logger.warning("\(self.service) storage busy", metadata: ["error": "\(error)"])
            throw RPCError(.unavailable, "the \(self.service) is busy; retry after a short pause")
        } catch let error as StorageError where error.code == .unavailable {
            context.logger.error("\(self.service) database unreachable", metadata: ["error": "\(error)"])
            throw RPCError(.unavailable, "the \(self.service) cannot reach its database; nothing was done, retry later")
        } catch let error as StorageError where error.code == .locked {
            throw RPCError(.aborted, "\(error.message); retry once it has finished")
        } catch let error as StorageError where error.code == .invalidValue {
            // The only value storage refuses that a caller can send: text with NUL in a field not checked before.
            context.logger.notice("refused a request value", metadata: ["error": "\(error)"])
            throw RPCError(.invalidArgument, "a text field contains a NUL character, which is not allowed")
        } catch let error as StorageError {
            context.logger.error("\(self.service) storage failed", metadata: ["error": "\(error)"])
            throw RPCError(.internal, "the \(self.service) could not complete the request; try again later")
        } catch {
            context.logger.error("\(self.service) call failed", metadata: ["error": "\(error)"])
            throw RPCError(.internal, "internal error")
        }
    }
}
