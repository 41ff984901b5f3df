/// A server-assigned identifier: a fixed prefix and random lower-case base32 characters (see ``RandomToken``).
///
/// Each kind (the registry's provider and binding ids and invitation codes, say) states its prefix, length and name;
/// parsing, drawing, ordering and printing are written once here.
package protocol RandomIdentifier: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The prefix every identifier of this kind starts with, e.g. `prv_`.
    static var prefix: String { get }
    /// How many random base32 characters follow the prefix.
    static var randomLength: Int { get }
    /// What the identifier is called in error messages, e.g. `provider id`.
    static var noun: String { get }
    /// The canonical text form.
    var rawValue: String { get }
    /// Wraps text already known to be valid.
    init(validRawValue: String)
}

extension RandomIdentifier {
    /// Why a string is not an identifier of this kind.
    package typealias ParseError = IdentifierParseError

    /// Parses and validates an identifier.
    /// - Throws: ``IdentifierParseError`` saying what is wrong: the prefix, the length, or the first invalid
    ///   character.
    package init(_ text: String) throws(IdentifierParseError) {
        if let problem = RandomToken.problem(in: text, prefix: Self.prefix, count: Self.randomLength) {
            throw IdentifierParseError(noun: Self.noun, text: text, problem: problem)
        }
        self.init(validRawValue: text)
    }

    /// A new identifier drawn from `generator`; the server passes a cryptographic generator, tests a seeded one.
    package static func random<G: RandomNumberGenerator>(using generator: inout G) -> Self {
        Self(validRawValue: RandomToken.make(prefix: Self.prefix, count: Self.randomLength, using: &generator))
    }

    /// A new identifier from the system's cryptographic random source.
    package static func random() -> Self {
        var generator = SystemRandomNumberGenerator()
        return Self.random(using: &generator)
    }

    public var description: String { self.rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Why a string is not a valid identifier.
public struct IdentifierParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What the identifier is called, e.g. `provider id`.
    public var noun: String
    /// The rejected text.
    public var text: String
    /// What is wrong with it.
    public var problem: String

    public init(noun: String, text: String, problem: String) {
        self.noun = noun
        self.text = text
        self.problem = problem
    }

    public var description: String { "invalid \(self.noun) \"\(self.text)\": \(self.problem)" }
}
