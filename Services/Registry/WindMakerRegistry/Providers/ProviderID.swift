/// A provider's identity in the registry: `prv_` followed by 16 lower-case base32 characters (80 random bits).
///
/// The server assigns it when a provider is created and it never changes, so other services may store it.
///
/// ```swift
/// let id = ProviderID.random()             // e.g. prv_k3qz7m2xa5bdwe4t
/// let parsed = try ProviderID("prv_k3qz7m2xa5bdwe4t")
/// ```
public struct ProviderID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The prefix every provider id starts with.
    public static let prefix = "prv_"
    /// How many random base32 characters follow the prefix.
    public static let randomLength = 16

    /// The canonical text form, e.g. `prv_k3qz7m2xa5bdwe4t`.
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
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> ProviderID {
        ProviderID(unchecked: RandomToken.make(prefix: Self.prefix, count: Self.randomLength, using: &generator))
    }

    /// A new id from the system's cryptographic random source.
    public static func random() -> ProviderID {
        var generator = SystemRandomNumberGenerator()
        return Self.random(using: &generator)
    }

    public var description: String { self.rawValue }

    public static func < (lhs: ProviderID, rhs: ProviderID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Why a string is not a provider id.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The rejected text.
        public var text: String
        /// What is wrong with it.
        public var problem: String

        public init(text: String, problem: String) {
            self.text = text
            self.problem = problem
        }

        public var description: String { "invalid provider id \"\(self.text)\": \(self.problem)" }
    }
}
