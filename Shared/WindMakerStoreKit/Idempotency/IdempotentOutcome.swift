/// What ``WindMakerStorage/Database/idempotent(_:at:store:encode:_:)`` did.
public enum IdempotentOutcome<R> {
    /// The operation ran; its result (and, under a key, its encoded response was stored).
    case performed(R)
    /// The key was seen with the same request: the stored response, and nothing was run or changed.
    case replayed(response: [UInt8])
}

extension IdempotentOutcome: Sendable where R: Sendable {}
