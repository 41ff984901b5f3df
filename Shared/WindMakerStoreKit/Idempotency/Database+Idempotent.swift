public import WindMakerKit
public import WindMakerStorage

extension Database {
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
    /// let outcome = try await database.idempotent(key, at: now, encode: { try $0.proto.serializedBytes() }) { sql in
    ///     try registry.apply(application, actor: caller, at: now, in: sql)
    /// }
    /// ```
    /// - Parameters:
    ///   - key: the caller's key, or `nil` to just run the operation in a write.
    ///   - time: now, recorded with the stored response.
    ///   - store: where keys are kept.
    ///   - encode: the response bytes for a result (what the adapter sends), called only under a key.
    ///   - operation: the work, on the transaction it is given (one of a service's `…, in: sql` variants).
    /// - Throws: ``InvalidRequest`` naming `idempotency-key` when the key was used for a different request;
    ///   whatever `operation` or `encode` throws; ``StorageError``, e.g. ``StorageError/Code/busy`` when the write
    ///   queue is full.
    public func idempotent<R: Sendable>(
        _ key: IdempotencyKey?,
        at time: Timestamp,
        store: IdempotencyStore = IdempotencyStore(),
        encode: @escaping @Sendable (R) throws -> [UInt8],
        _ operation: @escaping @Sendable (Transaction) throws -> R
    ) async throws -> IdempotentOutcome<R> {
        try await self.write { sql in
            guard let key else { return .performed(try operation(sql)) }
            // Two instances given the same key at once: the second waits here, then finds the first's record.
            try sql.lock("idempotency \(key.caller) \(key.key)")
            if let record = try store.record(caller: key.caller, key: key.key, in: sql) {
                guard record.method == key.method, record.request == key.request else {
                    throw InvalidRequest(
                        field: IdempotencyKey.field,
                        "idempotency-key \"\(key.key)\" was used for a different request (\(record.method)); use a"
                            + " new key for a new request"
                    )
                }
                return .replayed(response: record.response)
            }
            let result = try operation(sql)
            try store.insert(
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
