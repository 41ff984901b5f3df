/// The sender's id for one fact, which is also its idempotency key: 1–64 characters of `A-Z a-z 0-9 . _ : -`.
public struct FactID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The longest id accepted.
    public static let maximumLength = 64

    /// The id as sent.
    public let rawValue: String

    /// Checks `rawValue` against the rule above.
    /// - Throws: a description of the first problem, naming its position.
    public init(_ rawValue: String) throws(FactRejection) {
        let bytes = Array(rawValue.utf8)
        guard (1 ... Self.maximumLength).contains(bytes.count) else {
            throw FactRejection(field: "id", "must be 1 to \(Self.maximumLength) characters, found \(bytes.count)")
        }
        for (offset, byte) in bytes.enumerated() {
            let allowed =
                (48 ... 57).contains(byte) || (65 ... 90).contains(byte) || (97 ... 122).contains(byte)
                || [UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-")].contains(byte)
            guard allowed else {
                throw FactRejection(
                    field: "id",
                    "invalid character at position \(offset + 1): use A-Z, a-z, 0-9, '.', '_', ':' or '-'"
                )
            }
        }
        self.rawValue = rawValue
    }

    public static func < (lhs: FactID, rhs: FactID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { self.rawValue }
}
