/// A unified social credit code (统一社会信用代码, GB 32100-2015): the 18-character legal identity of a Chinese
/// company or organisation, unique across providers.
///
/// Layout (1-based positions):
///
/// | positions | meaning |
/// |---|---|
/// | 1 | registration authority (e.g. `9` market regulation) |
/// | 2 | entity type within that authority (e.g. `1` enterprise, `2` individual business) |
/// | 3–8 | administrative division of the registering authority (GB/T 2260), digits only |
/// | 9–17 | organisation code (主体标识码, GB 11714) |
/// | 18 | check character, ISO 7064 MOD 31-3 over positions 1–17 |
///
/// Characters come from `0-9A-HJ-NPQRTUWXY` (no I, O, S, V, Z). Lower-case input is accepted and normalised to upper
/// case, because the alphabet has no lower-case characters, people type codes in either case, and one canonical form
/// keeps the uniqueness check exact; anything else must match exactly (no white space is trimmed).
///
/// Only the GB 32100 check character (position 18) is enforced. The organisation code's own GB 11714 check
/// character (position 17) is reported by ``hasValidOrganisationCodeCheck`` but does not reject a code: we could not
/// confirm that every code in circulation satisfies it.
///
/// ```swift
/// let code = try CreditCode("91350100M000100Y43")
/// code.divisionCode   // "350100"
/// ```
public struct CreditCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 31 characters a code may contain, in value order: a character's value is its index.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// Weights for positions 1–17: 3^i mod 31 for i = 0…16.
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    /// The number of characters in a code.
    public static let length = 18

    /// The canonical (upper-case) code.
    public let rawValue: String

    /// Parses and validates a code, upper-casing ASCII letters first.
    /// - Throws: ``ValidationError`` naming the first problem: the length, an invalid character and its position,
    ///   a non-digit in the division code, or the check character that was expected.
    public init(_ text: String) throws(ValidationError) {
        if let canonical = Self.canonicalASCII(text) {
            self.rawValue = canonical
            return
        }
        let typed = Array(text)
        let characters = typed.map { $0.isASCII && $0.isLowercase ? Character($0.uppercased()) : $0 }
        guard characters.count == Self.length else {
            throw .wrongLength(characters.count)
        }
        var values: [Int] = []
        values.reserveCapacity(Self.length)
        for (offset, character) in characters.enumerated() {
            guard let value = Self.alphabet.firstIndex(of: character) else {
                throw .invalidCharacter(typed[offset], position: offset + 1)
            }
            if (2 ..< 8).contains(offset), value > 9 {
                throw .nonDigitInDivisionCode(typed[offset], position: offset + 1)
            }
            values.append(value)
        }
        let expected = Self.checkCharacter(forValues: values.prefix(17))
        guard characters[17] == expected else {
            throw .wrongCheckCharacter(expected: expected, found: typed[17])
        }
        self.rawValue = String(characters)
    }

    /// The canonical form of `text` when it is a valid code in ASCII, checked byte by byte; `nil` for anything else,
    /// which the character-by-character path then explains. Codes are checked on every request and every read of a
    /// provider, so the common case skips grapheme breaking.
    private static func canonicalASCII(_ text: String) -> String? {
        var bytes = Array(text.utf8)
        guard bytes.count == Self.length else { return nil }
        var sum = 0
        for index in 0 ..< Self.length {
            if (UInt8(ascii: "a") ... UInt8(ascii: "z")).contains(bytes[index]) { bytes[index] -= 32 }
            guard bytes[index] < 128, case let value = Int(Self.asciiValues[Int(bytes[index])]), value >= 0 else {
                return nil
            }
            if (2 ..< 8).contains(index), value > 9 { return nil }
            if index < 17 {
                sum += value * Self.weights[index]
            } else if value != (31 - sum % 31) % 31 {
                return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Each ASCII byte's value in ``alphabet``, or -1.
    private static let asciiValues: [Int8] = (0 ..< 128).map { byte in
        Self.alphabet.firstIndex(of: Character(Unicode.Scalar(UInt8(byte)))).map { Int8($0) } ?? -1
    }

    /// The check character (position 18) for the first 17 characters of a code.
    /// - Returns: `nil` when `prefix` is not 17 characters from ``alphabet``.
    public static func checkCharacter(for prefix: String) -> Character? {
        let values = prefix.compactMap { Self.alphabet.firstIndex(of: $0) }
        guard values.count == 17, prefix.count == 17 else { return nil }
        return Self.checkCharacter(forValues: values[...])
    }

    private static func checkCharacter(forValues values: ArraySlice<Int>) -> Character {
        let sum = zip(values, Self.weights).reduce(0) { $0 + $1.0 * $1.1 }
        return Self.alphabet[(31 - sum % 31) % 31]
    }

    /// Positions 3–8: the registering authority's administrative division (GB/T 2260).
    public var divisionCode: Substring { self.rawValue.dropFirst(2).prefix(6) }

    /// Positions 9–17: the organisation code (GB 11714), including its own check character.
    public var organisationCode: Substring { self.rawValue.dropFirst(8).prefix(9) }

    /// Whether position 17 is the GB 11714 check character of positions 9–16 (weights 3, 7, 9, 10, 5, 8, 4, 2 over
    /// values 0–9 and A–Z → 10–35; check = 11 − sum mod 11, where 10 is `X` and 11 is `0`).
    ///
    /// Informational: every published code we checked satisfies it, but the registry does not reject codes that do
    /// not (see the type's overview).
    public var hasValidOrganisationCodeCheck: Bool {
        let characters = Array(self.organisationCode)
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for (character, weight) in zip(characters.prefix(8), weights) {
            guard let value = Self.base36Value(character) else { return false }
            sum += value * weight
        }
        let check = 11 - sum % 11
        let expected: Character = check == 10 ? "X" : check == 11 ? "0" : Character(String(check))
        return characters[8] == expected
    }

    /// GB 11714 values: `0`–`9` are 0–9, `A`–`Z` are 10–35 (the full Latin alphabet, unlike GB 32100's).
    private static func base36Value(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue else { return nil }
        switch ascii {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): return Int(ascii - UInt8(ascii: "0"))
        case UInt8(ascii: "A") ... UInt8(ascii: "Z"): return Int(ascii - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    public var description: String { self.rawValue }

    public static func < (lhs: CreditCode, rhs: CreditCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
