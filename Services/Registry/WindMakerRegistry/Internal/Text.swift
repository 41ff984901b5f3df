extension String {
    /// The string without leading and trailing white space (Unicode `isWhitespace`), without Foundation.
    var trimmedWhitespace: String {
        let start = self.firstIndex { !$0.isWhitespace } ?? self.endIndex
        let end = self.lastIndex { !$0.isWhitespace }.map { self.index(after: $0) } ?? start
        return String(self[start ..< max(start, end)])
    }
}

/// Checks a free-text field whose length is counted in characters (grapheme clusters), as a person counts them.
enum TextRule {
    /// A violation when `text` is empty or longer than `maximum`, naming the field and the limit.
    static func violation(of text: String, field: String, minimum: Int = 1, maximum: Int) -> FieldViolation? {
        if let nul = Self.nulViolation(of: text, field: field) { return nul }
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

    /// A violation when `text` contains U+0000, which no store (SQLite's text API, PostgreSQL) keeps.
    static func nulViolation(of text: String, field: String) -> FieldViolation? {
        text.unicodeScalars.contains("\u{0}") ? FieldViolation(field: field, description: "must not contain NUL") : nil
    }
}
