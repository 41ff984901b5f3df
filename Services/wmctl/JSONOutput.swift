/// Minimal JSON for `--json` output: strings escaped per RFC 8259 (and every character ``TerminalText`` escapes, as
/// `\uXXXX`), keys sorted for stable output.
enum JSONOutput {
    indirect enum Value {
        case string(String)
        /// An integer, written as a JSON number.
        case number(Int64)
        case bool(Bool)
        case null
        case object([String: Value])
        case array([Value])
    }

    /// Prints an object of `fields`, adding the idempotency key a mutating command used when there was one.
    static func print(_ fields: [String: Value], idempotencyKey: String? = nil) {
        var fields = fields
        if let idempotencyKey { fields["idempotency_key"] = .string(idempotencyKey) }
        Swift.print(Self.object(fields))
    }

    static func object(_ fields: [String: Value]) -> String {
        self.encode(.object(fields))
    }

    static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ",") + "]"
    }

    static func encode(_ value: Value) -> String {
        switch value {
        case .string(let text): self.quoted(text)
        case .number(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .object(let fields):
            "{" + fields.keys.sorted().map { "\(self.quoted($0)):\(self.encode(fields[$0]!))" }.joined(separator: ",")
                + "}"
        case .array(let items): "[" + items.map { self.encode($0) }.joined(separator: ",") + "]"
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // RFC 8259 requires escaping only C0; DEL, C1 and bidi controls are escaped too, so that JSON shown on a
            // terminal cannot act on it either. A decoder reads back the same string.
            case _ where TerminalText.isUnsafe(scalar):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
