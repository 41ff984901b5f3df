public import WindMakerKit

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

    /// - Throws: ``InvalidRequest`` naming `idempotency-key` when the key is empty, longer than 128 bytes, or has
    ///   a byte outside printable ASCII (space to `~`).
    public init(caller: String, key: String, method: String, request: [UInt8]) throws(InvalidRequest) {
        let count = key.utf8.count
        guard (1 ... Self.maximumLength).contains(count) else {
            throw InvalidRequest(
                field: Self.field,
                "must be 1 to \(Self.maximumLength) bytes of printable ASCII, found \(count) bytes"
            )
        }
        if let offset = key.utf8.firstIndex(where: { !(0x20 ... 0x7E).contains($0) }) {
            let position = key.utf8.distance(from: key.utf8.startIndex, to: offset) + 1
            throw InvalidRequest(
                field: Self.field,
                "must be printable ASCII; found a byte outside it at position \(position)"
            )
        }
        self.caller = caller
        self.key = key
        self.method = method
        self.request = request
    }
}
