public import WindMakerKit

/// A program's name in the ledger and on every call, chosen by the operator who creates it: 1–40 characters of
/// `a-z 0-9 -`, starting with a letter (`wm-2021h2`).
public struct ProgramID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let maximumLength = 40

    public let rawValue: String

    /// - Throws: ``InvalidRequest`` naming `field`.
    public init(_ rawValue: String, field: String = "program_id") throws(InvalidRequest) {
        let bytes = Array(rawValue.utf8)
        let allowed = bytes.allSatisfy { (48 ... 57).contains($0) || (97 ... 122).contains($0) || $0 == 45 }
        guard (1 ... Self.maximumLength).contains(bytes.count), allowed, (97 ... 122).contains(bytes[0]) else {
            throw InvalidRequest(
                field: field,
                "a program id is 1 to \(Self.maximumLength) characters of a-z, 0-9 and '-', starting with a letter"
            )
        }
        self.rawValue = rawValue
    }

    public static func < (lhs: ProgramID, rhs: ProgramID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { self.rawValue }
}
