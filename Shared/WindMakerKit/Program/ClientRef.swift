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
        let characters = Array(id)
        guard (1 ... Self.maximumIDLength).contains(characters.count) else {
            throw ValidationError(
                id: id,
                problem: "must be 1 to \(Self.maximumIDLength) characters, found \(characters.count)"
            )
        }
        for (offset, character) in characters.enumerated() {
            let allowed =
                character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-")
            if !allowed {
                throw ValidationError(
                    id: id,
                    problem: "invalid character '\(character)' at position \(offset + 1): use A-Z, a-z, 0-9, '_' or '-'"
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
