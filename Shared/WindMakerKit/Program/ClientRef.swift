/// A merchant, brand or streamer on the platform, by kind and the platform's id for it.
///
/// The id is 1–64 characters from `A-Z a-z 0-9 _ -`: the platform's ids are opaque, and this keeps them safe to use
/// in keys, logs and page tokens.
public struct ClientRef: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The longest id accepted.
    public static let maximumIDLength = 64

    /// The kind of account.
    public let kind: ClientKind
    /// The platform's id for it.
    public let id: String

    /// - Throws: ``ValidationError`` when the id is empty, too long, or has a character outside the allowed set.
    public init(kind: ClientKind, id: String) throws(ValidationError) {
        // Checked on the UTF-8 bytes: every allowed character is one ASCII byte, so a multi-byte character is
        // refused at its first byte, and the position counts characters up to it.
        let bytes = id.utf8
        guard !bytes.isEmpty, bytes.count <= Self.maximumIDLength || id.count <= Self.maximumIDLength else {
            throw ValidationError(
                id: id,
                problem: "must be 1 to \(Self.maximumIDLength) characters, found \(id.count)"
            )
        }
        for (offset, byte) in bytes.enumerated() {
            let allowed =
                (48 ... 57).contains(byte) || (65 ... 90).contains(byte) || (97 ... 122).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            if !allowed {
                let position = id.utf8.index(id.utf8.startIndex, offsetBy: offset)
                let character = id[position...].first.map(String.init) ?? "?"
                let characterOffset = id.distance(from: id.startIndex, to: position)
                throw ValidationError(
                    id: id,
                    problem:
                        "invalid character '\(character)' at position \(characterOffset + 1): use A-Z, a-z, 0-9, '_' or '-'"
                )
            }
        }
        self.kind = kind
        self.id = id
    }

    /// `KIND/id`, e.g. `STREAMER/u_123`.
    public var description: String { "\(self.kind)/\(self.id)" }

    public static func < (lhs: ClientRef, rhs: ClientRef) -> Bool {
        (lhs.kind.rawValue, lhs.id) < (rhs.kind.rawValue, rhs.id)
    }

    /// Why a client id is not acceptable.
    public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The rejected id.
        public var id: String
        /// What is wrong with it.
        public var problem: String

        public init(id: String, problem: String) {
            self.id = id
            self.problem = problem
        }

        public var description: String { "invalid client id \"\(self.id)\": \(self.problem)" }
    }
}
