/// An administrative division (GB/T 2260): six digits, `PPCCDD` for province, city and county.
///
/// Required for `LOCAL` providers, whose program is organised by place. Only the format is checked; the list of
/// divisions changes every year and is not this service's to keep.
///
/// ```swift
/// let fuzhou = try Region("350100")
/// fuzhou.provinceCode   // "35"
/// ```
public struct Region: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The six-digit code.
    public let code: String

    /// Validates the format: exactly six ASCII digits, a province part other than `00`.
    /// - Throws: ``ValidationError`` saying what is wrong.
    public init(_ code: String) throws(ValidationError) {
        let characters = Array(code)
        guard characters.count == 6 else {
            throw ValidationError(code: code, problem: "must be 6 digits, found \(characters.count) characters")
        }
        for (offset, character) in characters.enumerated()
        where !(character.isASCII && character.isWholeNumber) {
            throw ValidationError(code: code, problem: "invalid character '\(character)' at position \(offset + 1)")
        }
        guard code.prefix(2) != "00" else {
            throw ValidationError(code: code, problem: "the province part (first 2 digits) cannot be 00")
        }
        self.code = code
    }

    /// The first two digits: the province-level division.
    public var provinceCode: Substring { self.code.prefix(2) }

    public var description: String { self.code }

    public static func < (lhs: Region, rhs: Region) -> Bool { lhs.code < rhs.code }

    /// Why a string is not a division code.
    public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The rejected text.
        public var code: String
        /// What is wrong with it.
        public var problem: String

        public init(code: String, problem: String) {
            self.code = code
            self.problem = problem
        }

        public var description: String { "invalid administrative division code \"\(self.code)\": \(self.problem)" }
    }
}
