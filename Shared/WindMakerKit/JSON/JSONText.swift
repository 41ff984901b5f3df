/// Text made safe to show: JSON string literals, and the escapes a log line uses, with every character that could
/// act on a terminal or forge a line escaped. What a user wrote is shown again in tables, logs and JSON output; an
/// ESC sequence, a newline or a bidi override in it must arrive as text, not as an action.
public enum JSONText {
    /// `text` as a JSON string literal. RFC 8259 requires escaping only C0 controls; DEL, C1 controls, bidi
    /// controls and the Unicode line separators are escaped too. A decoder reads back the same string.
    public static func quoted(_ text: String) -> String {
        "\"" + Self.escaped(text) + "\""
    }

    /// `text` with `"` and `\\` escaped and every unsafe character written as a `\\n`-style or `\\uXXXX` escape.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where Self.isUnsafe(scalar):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 and C1 controls, DEL, the bidi controls and the Unicode line and paragraph separators.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00 ... 0x1F, 0x7F ... 0x9F: true
        case 0x202A ... 0x202E, 0x2066 ... 0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029: true
        default: false
        }
    }
}
