/// A transfer's id, chosen by the client and its idempotency key: 1–100 characters of `A-Z a-z 0-9 . _ : -`.
public struct TransferID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let maximumLength = 100

    public let rawValue: String

    /// - Throws: ``LedgerError/invalid(field:_:)`` naming `field`.
    public init(_ rawValue: String, field: String = "id") throws(LedgerError) {
        let bytes = rawValue.utf8
        guard (1 ... Self.maximumLength).contains(bytes.count) else {
            throw .invalid(field: field, "must be 1 to \(Self.maximumLength) characters")
        }
        let allowed = bytes.allSatisfy { byte in
            (48 ... 57).contains(byte) || (65 ... 90).contains(byte) || (97 ... 122).contains(byte)
                || [UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-")].contains(byte)
        }
        guard allowed else { throw .invalid(field: field, "use A-Z, a-z, 0-9, '.', '_', ':' and '-' only") }
        self.rawValue = rawValue
    }

    public static func < (lhs: TransferID, rhs: TransferID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { self.rawValue }
}
