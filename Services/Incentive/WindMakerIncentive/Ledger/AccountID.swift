/// An account's name: 1–120 characters of `a-z 0-9 : _ -`, structured by the service
/// (`program:<id>:cash`, `provider:<id>:payable`), so that statements and reports read it as it is.
public struct AccountID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let maximumLength = 120

    public let rawValue: String

    /// - Throws: ``LedgerError/invalid(field:_:)`` naming `field`.
    public init(_ rawValue: String, field: String = "account") throws(LedgerError) {
        let bytes = rawValue.utf8
        guard (1 ... Self.maximumLength).contains(bytes.count) else {
            throw .invalid(field: field, "must be 1 to \(Self.maximumLength) characters")
        }
        let allowed = bytes.allSatisfy { byte in
            (48 ... 57).contains(byte) || (97 ... 122).contains(byte)
                || [UInt8(ascii: ":"), UInt8(ascii: "_"), UInt8(ascii: "-")].contains(byte)
        }
        guard allowed else { throw .invalid(field: field, "use a-z, 0-9, ':', '_' and '-' only") }
        self.rawValue = rawValue
    }

    public static func < (lhs: AccountID, rhs: AccountID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { self.rawValue }
}
