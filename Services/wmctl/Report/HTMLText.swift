/// Text for HTML and SVG: every character that could end an element, an attribute or an entity is escaped, so a
/// provider's name (which came from a user) is shown as written and never read as markup.
enum HTMLText {
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Controls (and the bidi overrides) would be invisible or reorder what is around them.
            case _ where TerminalText.isUnsafe(scalar): out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
