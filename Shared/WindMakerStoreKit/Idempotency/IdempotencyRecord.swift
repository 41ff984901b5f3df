public import WindMakerKit

/// A completed request stored under its idempotency key: what a retry with the same key is answered from.
public struct IdempotencyRecord: Hashable, Sendable {
    /// The caller's identity (SPIFFE id): keys are per caller.
    public var caller: String
    /// The key the caller chose.
    public var key: String
    /// The RPC method, e.g. `windmaker.registry.v1.Registry/Apply`.
    public var method: String
    /// The serialized request.
    public var request: [UInt8]
    /// The serialized response sent.
    public var response: [UInt8]
    /// When it was stored.
    public var createdAt: Timestamp

    public init(
        caller: String,
        key: String,
        method: String,
        request: [UInt8],
        response: [UInt8],
        createdAt: Timestamp
    ) {
        self.caller = caller
        self.key = key
        self.method = method
        self.request = request
        self.response = response
        self.createdAt = createdAt
    }
}
