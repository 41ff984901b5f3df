extension CreditCode {
    /// Exactly what is wrong with a credit code. Positions are 1-based, as printed on a business licence.
    public enum ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The code does not have 18 characters; carries how many it had.
        case wrongLength(Int)
        /// A character outside `0-9A-HJ-NPQRTUWXY` (I, O, S, V, Z, punctuation, white space, non-ASCII).
        case invalidCharacter(Character, position: Int)
        /// Positions 3–8 are the administrative division code and must be digits.
        case nonDigitInDivisionCode(Character, position: Int)
        /// Position 18 does not match positions 1–17: carries the character the code should end with.
        case wrongCheckCharacter(expected: Character, found: Character)

        public var description: String {
            switch self {
            case .wrongLength(let count):
                "a credit code has \(CreditCode.length) characters, found \(count)"
            case .invalidCharacter(let character, let position):
                "invalid character '\(character)' at position \(position): allowed are 0-9 and A-Z except I, O, S, V, Z"
            case .nonDigitInDivisionCode(let character, let position):
                "invalid character '\(character)' at position \(position): positions 3-8 are the administrative "
                    + "division code and must be digits"
            case .wrongCheckCharacter(let expected, let found):
                "check character (position 18) should be '\(expected)', found '\(found)'"
            }
        }
    }
}
