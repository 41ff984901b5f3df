/// A recursive-descent JSON parser over UTF-8 bytes, behind ``JSONValue/parse(_:maximumDepth:)``.
struct JSONParser {
    private let bytes: [UInt8]
    private let maximumDepth: Int
    private var offset = 0
    private var depth = 0

    init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        let value = try self.parseValue()
        self.skipWhitespace()
        guard self.offset == self.bytes.count else { throw self.error("unexpected data after the document") }
        return value
    }

    private func error(_ problem: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: self.offset, problem: problem)
    }

    private mutating func skipWhitespace() {
        while self.offset < self.bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(self.bytes[self.offset]) {
            self.offset += 1
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        self.skipWhitespace()
        guard self.offset < self.bytes.count else { throw self.error("unexpected end of input") }
        switch self.bytes[self.offset] {
        case UInt8(ascii: "{"): return try self.nested { parser throws(JSONSyntaxError) in try parser.parseObject() }
        case UInt8(ascii: "["): return try self.nested { parser throws(JSONSyntaxError) in try parser.parseArray() }
        case UInt8(ascii: "\""): return .string(try self.parseString())
        case UInt8(ascii: "t"): return try self.parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try self.parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try self.parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): return .number(try self.parseNumber())
        default: throw self.error("expected a value")
        }
    }

    private mutating func nested(
        _ parse: (inout JSONParser) throws(JSONSyntaxError) -> JSONValue
    ) throws(JSONSyntaxError) -> JSONValue {
        guard self.depth < self.maximumDepth else { throw self.error("nested deeper than \(self.maximumDepth) levels") }
        self.depth += 1
        defer { self.depth -= 1 }
        return try parse(&self)
    }

    private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        let literal = Array(word.utf8)
        guard self.bytes.count - self.offset >= literal.count,
            Array(self.bytes[self.offset ..< self.offset + literal.count]) == literal
        else { throw self.error("expected \(word)") }
        self.offset += literal.count
        return value
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        self.offset += 1
        var members: [String: JSONValue] = [:]
        self.skipWhitespace()
        if self.offset < self.bytes.count, self.bytes[self.offset] == UInt8(ascii: "}") {
            self.offset += 1
            return .object(members)
        }
        while true {
            self.skipWhitespace()
            guard self.offset < self.bytes.count, self.bytes[self.offset] == UInt8(ascii: "\"") else {
                throw self.error("expected a member name in quotes")
            }
            let nameOffset = self.offset
            let name = try self.parseString()
            guard members[name] == nil else {
                throw JSONSyntaxError(offset: nameOffset, problem: "member \"\(name)\" appears twice")
            }
            self.skipWhitespace()
            guard self.offset < self.bytes.count, self.bytes[self.offset] == UInt8(ascii: ":") else {
                throw self.error("expected ':' after a member name")
            }
            self.offset += 1
            members[name] = try self.parseValue()
            self.skipWhitespace()
            guard self.offset < self.bytes.count else { throw self.error("unexpected end of input in an object") }
            if self.bytes[self.offset] == UInt8(ascii: ",") {
                self.offset += 1
            } else if self.bytes[self.offset] == UInt8(ascii: "}") {
                self.offset += 1
                return .object(members)
            } else {
                throw self.error("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        self.offset += 1
        var elements: [JSONValue] = []
        self.skipWhitespace()
        if self.offset < self.bytes.count, self.bytes[self.offset] == UInt8(ascii: "]") {
            self.offset += 1
            return .array(elements)
        }
        while true {
            elements.append(try self.parseValue())
            self.skipWhitespace()
            guard self.offset < self.bytes.count else { throw self.error("unexpected end of input in an array") }
            if self.bytes[self.offset] == UInt8(ascii: ",") {
                self.offset += 1
            } else if self.bytes[self.offset] == UInt8(ascii: "]") {
                self.offset += 1
                return .array(elements)
            } else {
                throw self.error("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = self.offset
        func digits(_ parser: inout JSONParser) -> Int {
            let from = parser.offset
            while parser.offset < parser.bytes.count, (48 ... 57).contains(parser.bytes[parser.offset]) {
                parser.offset += 1
            }
            return parser.offset - from
        }
        if self.bytes[self.offset] == UInt8(ascii: "-") { self.offset += 1 }
        let integerStart = self.offset
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw self.error("expected digits in a number") }
        if integerDigits > 1 && self.bytes[integerStart] == UInt8(ascii: "0") {
            throw JSONSyntaxError(offset: integerStart, problem: "a number may not start with 0")
        }
        if self.offset < self.bytes.count, self.bytes[self.offset] == UInt8(ascii: ".") {
            self.offset += 1
            guard digits(&self) > 0 else { throw self.error("expected digits after the decimal point") }
        }
        if self.offset < self.bytes.count, [UInt8(ascii: "e"), UInt8(ascii: "E")].contains(self.bytes[self.offset]) {
            self.offset += 1
            if self.offset < self.bytes.count, [UInt8(ascii: "+"), UInt8(ascii: "-")].contains(self.bytes[self.offset])
            {
                self.offset += 1
            }
            guard digits(&self) > 0 else { throw self.error("expected digits in the exponent") }
        }
        return String(decoding: self.bytes[start ..< self.offset], as: UTF8.self)
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        self.offset += 1
        var scalars = String.UnicodeScalarView()
        var run = self.offset
        func flush(
            _ parser: JSONParser,
            upTo end: Int,
            into scalars: inout String.UnicodeScalarView
        ) throws(JSONSyntaxError) {
            guard run < end else { return }
            let slice = parser.bytes[run ..< end]
            guard let text = String(validating: slice, as: UTF8.self) else {
                throw JSONSyntaxError(offset: run, problem: "invalid UTF-8 in a string")
            }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while self.offset < self.bytes.count {
            let byte = self.bytes[self.offset]
            if byte == UInt8(ascii: "\"") {
                try flush(self, upTo: self.offset, into: &scalars)
                self.offset += 1
                return String(scalars)
            }
            if byte < 0x20 { throw self.error("a control character must be escaped in a string") }
            if byte == UInt8(ascii: "\\") {
                try flush(self, upTo: self.offset, into: &scalars)
                scalars.append(try self.parseEscape())
                run = self.offset
                continue
            }
            self.offset += 1
        }
        throw self.error("unterminated string")
    }

    private mutating func parseEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        self.offset += 1
        guard self.offset < self.bytes.count else { throw self.error("unterminated escape") }
        let byte = self.bytes[self.offset]
        self.offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try self.parseHex4()
            if (0xD800 ..< 0xDC00).contains(high) {
                guard self.bytes.count - self.offset >= 6, self.bytes[self.offset] == UInt8(ascii: "\\"),
                    self.bytes[self.offset + 1] == UInt8(ascii: "u")
                else { throw self.error("a high surrogate must be followed by a low one") }
                self.offset += 2
                let low = try self.parseHex4()
                guard (0xDC00 ..< 0xE000).contains(low) else { throw self.error("invalid low surrogate") }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(high) else { throw self.error("unpaired surrogate") }
            return scalar
        default:
            throw JSONSyntaxError(offset: self.offset - 1, problem: "invalid escape")
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard self.bytes.count - self.offset >= 4 else { throw self.error("expected 4 hex digits") }
        var value: UInt32 = 0
        for _ in 0 ..< 4 {
            let byte = self.bytes[self.offset]
            let digit: UInt8
            switch byte {
            case 48 ... 57: digit = byte - 48
            case 65 ... 70: digit = byte - 55
            case 97 ... 102: digit = byte - 87
            default: throw self.error("expected a hex digit")
            }
            value = value << 4 | UInt32(digit)
            self.offset += 1
        }
        return value
    }
}
