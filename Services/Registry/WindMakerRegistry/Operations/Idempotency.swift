package import WindMakerStorage

/// A caller's idempotency key for one request: retrying the request with the same key returns the first response
/// instead of doing the work again.
///
/// Keys are per caller (two callers may use the same key), 1–128 printable ASCII characters. The method and the
/// exact request bytes are stored with the response, so reusing a key for another request is refused rather than
/// answered with the wrong response.
public struct IdempotencyKey: Hashable, Sendable {
    /// The longest key accepted.
    public static let maximumLength = 128
    /// The field name used in errors: the metadata key the adapter reads it from.
    public static let field = "idempotency-key"

    /// The caller's identity (SPIFFE id).
    public let caller: String
    /// The key the caller chose.
    public let key: String
    /// The RPC method, e.g. `windmaker.registry.v1.Registry/Apply`.
    public let method: String
    /// The serialized request.
    public let request: [UInt8]

    /// - Throws: ``RegistryError/invalidArgument(_:)`` naming `idempotency-key` when the key is empty, longer than
    ///   128 characters, or has a character outside printable ASCII (space to `~`).
    public init(caller: String, key: String, method: String, request: [UInt8]) throws(RegistryError) {
        let count = key.utf8.count
        guard (1 ... Self.maximumLength).contains(count) else {
            throw .invalidArgument([
                FieldViolation(
                    field: Self.field,
                    description: "must be 1 to \(Self.maximumLength) characters, found \(key.count)"
                )
            ])
        }
        if let offset = key.utf8.firstIndex(where: { !(0x20 ... 0x7E).contains($0) }) {
            let position = key.utf8.distance(from: key.utf8.startIndex, to: offset) + 1
            throw .invalidArgument([
                FieldViolation(
                    field: Self.field,
                    description: "must be printable ASCII; found a byte outside it at position \(position)"
                )
            ])
        }
        self.caller = caller
        self.key = key
        self.method = method
        self.request = request
    }
}

/// What ``Registry/idempotent(_:at:encode:_:)`` did.
public enum IdempotentOutcome<R> {
    /// The operation ran; its result (and, under a key, its encoded response was stored).
    case performed(R)
    /// The key was seen with the same request: the stored response, and nothing was run or changed.
    case replayed(response: [UInt8])
}

extension IdempotentOutcome: Sendable where R: Sendable {}

extension Registry {
    /// Runs `operation` at most once per idempotency key, storing its encoded response in the same transaction, as
    /// one group-committed write (``Database/write(_:)``): it returns once that is durable.
    ///
    /// In ONE write: looks up (caller, key). Found with the same method and identical request bytes: returns
    /// ``IdempotentOutcome/replayed(response:)`` without running `operation`. Found with another method or request:
    /// refuses. Not found: runs `operation`, encodes its result, stores it under the key. Without a key it just runs
    /// `operation` (nothing is encoded: the caller builds its own response). When `operation` throws, nothing is
    /// stored, so a retry runs it again.
    ///
    /// ```swift
    /// let outcome = try await registry.idempotent(
    ///     key,
    ///     at: now,
    ///     encode: { try $0.proto.serializedBytes() },
    ///     { sql in try registry.apply(application, actor: caller, at: now, in: sql) }
    /// )
    /// ```
    /// - Parameters:
    ///   - key: the caller's key, or `nil` to just run the operation in a write.
    ///   - time: now, recorded with the stored response.
    ///   - encode: the response bytes for a result (what the adapter sends), called only under a key.
    ///   - operation: the work, on the transaction it is given (one of the `…, in: sql` variants).
    /// - Throws: ``RegistryError/invalidArgument(_:)`` naming `idempotency-key` when the key was used for a
    ///   different request; whatever `operation` or `encode` throws; ``StorageError``, e.g.
    ///   ``StorageError/Code/busy`` when the database's write queue is full.
    package func idempotent<R: Sendable>(
        _ key: IdempotencyKey?,
        at time: Timestamp,
        encode: @escaping @Sendable (R) throws -> [UInt8],
        _ operation: @escaping @Sendable (Transaction) throws -> R
    ) async throws -> IdempotentOutcome<R> {
        try await self.database.write { sql in
            guard let key else { return .performed(try operation(sql)) }
            if let record = try self.store.idempotencyRecord(caller: key.caller, key: key.key, in: sql) {
                guard record.method == key.method, record.request == key.request else {
                    throw RegistryError.invalidArgument([
                        FieldViolation(
                            field: IdempotencyKey.field,
                            description: "idempotency-key \"\(key.key)\" was used for a different request "
                                + "(\(record.method)); use a new key for a new request"
                        )
                    ])
                }
                return .replayed(response: record.response)
            }
            let result = try operation(sql)
            try self.store.insertIdempotencyRecord(
                IdempotencyRecord(
                    caller: key.caller,
                    key: key.key,
                    method: key.method,
                    request: key.request,
                    response: try encode(result),
                    createdAt: time
                ),
                in: sql
            )
            return .performed(result)
        }
    }
}
