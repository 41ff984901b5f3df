import WindMakerKit

/// Text from a server made safe to print on an operator's terminal.
///
/// A terminal acts on control characters (an ESC sequence can clear the screen or retitle the window, a newline or a
/// carriage return can forge a table row) and shows bidi overrides reordered. The registry refuses them in display
/// text, but a server is not trusted with the operator's terminal: rows stored before that rule, another server, or a
/// bug would otherwise reach the screen raw. Each such character is shown as an escape instead (`\e`, `\n`,
/// `\u{202E}`), so the operator sees that it is there. Backslashes stay as they are: the point is that nothing acts
/// on the terminal, not a reversible encoding.
enum TerminalText {
    /// `text` with every control and bidi-control character written as a visible escape.
    static func escaped(_ text: String) -> String {
        // Most text is clean; leave it untouched without building a copy.
        guard text.unicodeScalars.contains(where: Self.isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard Self.isUnsafe(scalar) else {
                out.append(scalar)
                continue
            }
            let escape: String
            switch scalar {
            case "\u{1B}": escape = "\\e"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            default: escape = "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
            out.append(contentsOf: escape.unicodeScalars)
        }
        return String(out)
    }

    /// C0 controls, DEL, C1 controls (U+009B is a one-byte CSI to some terminals), the bidi embeddings, overrides,
    /// isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), and the line and paragraph
    /// separators U+2028 and U+2029.
    /// `text` escaped line by line: for multi-line documents (a rulebook), whose newlines are meant as such.
    static func escapedKeepingLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { Self.escaped(String($0)) }
            .joined(separator: "\n")
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { JSONText.isUnsafe(scalar) }
}
