import WindMakerKit

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

    static func quoted(_ text: String) -> String { JSONText.quoted(text) }
}
