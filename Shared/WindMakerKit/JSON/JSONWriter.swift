/// Writes JSON text straight into bytes, for documents written often enough that building a ``JSONValue`` tree first
/// would cost more than the text (a period stores thousands of scorecard breakdowns).
///
/// The caller lists object members in sorted order to get the same canonical form as ``JSONValue/serialized``.
///
/// ```swift
/// var writer = JSONWriter()
/// writer.object {
///     $0.member("a") { $0.integer(1) }
///     $0.member("b") { $0.string("x") }
/// }
/// let text = writer.text   // {"a":1,"b":"x"}
/// ```
public struct JSONWriter {
    private var bytes: [UInt8] = []
    private var needsComma = false

    public init(capacity: Int = 1_024) {
        self.bytes.reserveCapacity(capacity)
    }

    /// What was written.
    public var text: String { String(decoding: self.bytes, as: UTF8.self) }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        self.separate()
        self.bytes.append(UInt8(ascii: "{"))
        self.needsComma = false
        body(&self)
        self.bytes.append(UInt8(ascii: "}"))
        self.needsComma = true
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        self.separate()
        self.bytes.append(UInt8(ascii: "["))
        self.needsComma = false
        body(&self)
        self.bytes.append(UInt8(ascii: "]"))
        self.needsComma = true
    }

    /// One object member: its name, then the value `body` writes.
    public mutating func member(_ name: String, _ body: (inout JSONWriter) -> Void) {
        self.string(name)
        self.bytes.append(UInt8(ascii: ":"))
        self.needsComma = false
        body(&self)
        self.needsComma = true
    }

    public mutating func integer(_ value: some BinaryInteger) {
        self.separate()
        self.bytes += String(value).utf8
        self.needsComma = true
    }

    public mutating func bool(_ value: Bool) {
        self.separate()
        self.bytes += (value ? "true" : "false").utf8
        self.needsComma = true
    }

    public mutating func null() {
        self.separate()
        self.bytes += "null".utf8
        self.needsComma = true
    }

    /// A string, with `"`, `\` and control characters escaped as ``JSONValue/serialized`` escapes them.
    public mutating func string(_ text: String) {
        self.separate()
        self.bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): self.bytes += #"\""#.utf8
            case UInt8(ascii: "\\"): self.bytes += #"\\"#.utf8
            case UInt8(ascii: "\n"): self.bytes += #"\n"#.utf8
            case UInt8(ascii: "\r"): self.bytes += #"\r"#.utf8
            case UInt8(ascii: "\t"): self.bytes += #"\t"#.utf8
            case 0 ..< 0x20:
                let digits = Array("0123456789abcdef".utf8)
                self.bytes += #"\u00"#.utf8
                self.bytes.append(digits[Int(byte >> 4)])
                self.bytes.append(digits[Int(byte & 0x0f)])
            default: self.bytes.append(byte)
            }
        }
        self.bytes.append(UInt8(ascii: "\""))
        self.needsComma = true
    }

    private mutating func separate() {
        if self.needsComma { self.bytes.append(UInt8(ascii: ",")) }
    }
}
