extension String {
    /// The string without leading and trailing white space (Unicode `isWhitespace`), without Foundation.
    package var trimmedWhitespace: String {
        let start = self.firstIndex { !$0.isWhitespace } ?? self.endIndex
        let end = self.lastIndex { !$0.isWhitespace }.map { self.index(after: $0) } ?? start
        return String(self[start ..< max(start, end)])
    }
}

/// The rules for display text: names, reasons, descriptions, anything a person reads on a screen or in a table.
///
/// Display text is counted in characters (grapheme clusters), as a person counts them, and holds no control or
/// bidi-override characters: an operator's terminal would act on those (an ESC sequence clears the screen, a newline
/// forges a table row, U+202E shows text reversed), and no name needs them.
package enum TextRule {
    /// A violation when `text` is empty, longer than `maximum`, or holds a character ``isForbidden(_:)`` refuses,
    /// naming the field and the limit or the character.
    package static func violation(of text: String, field: String, minimum: Int = 1, maximum: Int) -> FieldViolation? {
        if let forbidden = Self.characterViolation(of: text, field: field) { return forbidden }
        let count = text.count
        if count < minimum {
            return FieldViolation(
                field: field,
                description: minimum == 1 ? "must not be empty" : "must be at least \(minimum) characters"
            )
        }
        if count > maximum {
            return FieldViolation(field: field, description: "must be at most \(maximum) characters, found \(count)")
        }
        return nil
    }

    /// A violation naming the first forbidden character of `text` and its position (1-based, in characters), e.g.
    /// "must not contain control or bidi-override characters (U+001B at 5)"; `nil` when there is none.
    package static func characterViolation(of text: String, field: String) -> FieldViolation? {
        guard let problem = Self.characterProblem(text) else { return nil }
        return FieldViolation(field: field, description: problem)
    }

    /// The description ``characterViolation(of:field:)`` gives, for rules that build their own violations.
    package static func characterProblem(_ text: String) -> String? {
        // Most text is clean: one pass over the scalars before counting characters for the position.
        guard text.unicodeScalars.contains(where: Self.isForbidden) else { return nil }
        for (offset, character) in text.enumerated() {
            if let scalar = character.unicodeScalars.first(where: Self.isForbidden) {
                return "must not contain control or bidi-override characters (\(Self.codePoint(scalar)) at "
                    + "\(offset + 1))"
            }
        }
        return nil
    }

    /// Whether display text refuses `scalar`: C0 controls (U+0000–U+001F, tab and newline included), DEL, C1
    /// controls (U+0080–U+009F), and the bidi controls that reorder what follows them (U+202A–U+202E embeddings and
    /// overrides, U+2066–U+2069 isolates, U+200E/U+200F marks, U+061C the Arabic letter mark).
    package static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00 ... 0x1F, 0x7F ... 0x9F: true
        case 0x202A ... 0x202E, 0x2066 ... 0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// `U+001B`: at least four upper-case hex digits.
    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
