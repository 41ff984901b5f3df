/// A strategic invitation's code: `inv_` followed by 26 lower-case base32 characters (130 random bits).
///
/// It is a bearer secret: whoever holds it may redeem the invitation (for the invited credit code only), so it is long
/// enough that it cannot be guessed, and it is drawn from a cryptographic source.
///
/// ```swift
/// let code = InvitationCode.random()           // e.g. inv_k3qz7m2xa5bdwe4tq7hn2cfrj5
/// let parsed = try InvitationCode("inv_k3qz7m2xa5bdwe4tq7hn2cfrj5")
/// ```
public struct InvitationCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The prefix every invitation code starts with.
    public static let prefix = "inv_"
    /// How many random base32 characters follow the prefix.
    public static let randomLength = 26

    /// The canonical text form, e.g. `inv_k3qz7m2xa5bdwe4tq7hn2cfrj5`.
    public let rawValue: String

    /// Parses and validates an id.
    /// - Throws: ``ParseError`` saying what is wrong: the prefix, the length, or the first invalid character.
    public init(_ text: String) throws(ParseError) {
        if let problem = RandomToken.problem(in: text, prefix: Self.prefix, count: Self.randomLength) {
            throw ParseError(text: text, problem: problem)
        }
        self.rawValue = text
    }

    private init(unchecked rawValue: String) {
        self.rawValue = rawValue
    }

    /// A new id drawn from `generator`; the server passes a cryptographic generator, tests a seeded one.
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> InvitationCode {
        InvitationCode(unchecked: RandomToken.make(prefix: Self.prefix, count: Self.randomLength, using: &generator))
    }

    /// A new id from the system's cryptographic random source.
    public static func random() -> InvitationCode {
        var generator = SystemRandomNumberGenerator()
        return Self.random(using: &generator)
    }

    public var description: String { self.rawValue }

    public static func < (lhs: InvitationCode, rhs: InvitationCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Why a string is not a invitation code.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The rejected text.
        public var text: String
        /// What is wrong with it.
        public var problem: String

        public init(text: String, problem: String) {
            self.text = text
            self.problem = problem
        }

        public var description: String { "invalid invitation code \"\(self.text)\": \(self.problem)" }
    }
}
