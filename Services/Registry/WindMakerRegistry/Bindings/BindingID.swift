/// A binding's identity: `bnd_` followed by 16 lower-case base32 characters (80 random bits).
///
/// The server assigns it when a binding is proposed; confirming or ending the binding keeps it.
///
/// ```swift
/// let id = BindingID.random()             // e.g. bnd_k3qz7m2xa5bdwe4t
/// let parsed = try BindingID("bnd_k3qz7m2xa5bdwe4t")
/// ```
public struct BindingID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The prefix every binding id starts with.
    public static let prefix = "bnd_"
    /// How many random base32 characters follow the prefix.
    public static let randomLength = 16

    /// The canonical text form, e.g. `bnd_k3qz7m2xa5bdwe4t`.
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
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> BindingID {
        BindingID(unchecked: RandomToken.make(prefix: Self.prefix, count: Self.randomLength, using: &generator))
    }

    /// A new id from the system's cryptographic random source.
    public static func random() -> BindingID {
        var generator = SystemRandomNumberGenerator()
        return Self.random(using: &generator)
    }

    public var description: String { self.rawValue }

    public static func < (lhs: BindingID, rhs: BindingID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Why a string is not a binding id.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The rejected text.
        public var text: String
        /// What is wrong with it.
        public var problem: String

        public init(text: String, problem: String) {
            self.text = text
            self.problem = problem
        }

        public var description: String { "invalid binding id \"\(self.text)\": \(self.problem)" }
    }
}
