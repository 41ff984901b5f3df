/// Minimal JSON for `--json` output: strings escaped per RFC 8259, keys sorted for stable output.
enum JSONOutput {
    enum Value {
        case string(String)
    }

    static func object(_ fields: [String: Value]) -> String {
        let body = fields.keys.sorted().map { key in "\(self.quoted(key)):\(self.encode(fields[key]!))" }
        return "{" + body.joined(separator: ",") + "}"
    }

    static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ",") + "]"
    }

    private static func encode(_ value: Value) -> String {
        switch value {
        case .string(let text): self.quoted(text)
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
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
