/// A parsed JSON document, with numbers kept as their text so that a reader can convert them exactly (to integer
/// fen, or to fixed-point decimals) instead of through `Double`.
///
/// ```swift
/// let document = try JSONValue.parse(Array(#"{"window_months": 3}"#.utf8))
/// if case .object(let members) = document, case .number(let text) = members["window_months"] { … }
/// ```
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// The number exactly as written, e.g. `"1.25"`, `"-3"`, `"2e3"`.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members by name; a document that repeats a name is refused by the parser rather than silently merged.
    case object([String: JSONValue])

    /// What kind of value this is, for messages: `an object`, `a number`, …
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Parses one JSON document (RFC 8259) from UTF-8 bytes.
    /// - Throws: ``JSONSyntaxError`` naming the byte offset of the first problem.
    public static func parse(_ bytes: [UInt8], maximumDepth: Int = 64) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maximumDepth: maximumDepth)
        return try parser.parseDocument()
    }
}

/// Why a document is not valid JSON, and where.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The byte offset of the problem, from 0.
    public var offset: Int
    /// What is wrong there.
    public var problem: String

    public init(offset: Int, problem: String) {
        self.offset = offset
        self.problem = problem
    }

    public var description: String { "invalid JSON at byte \(self.offset): \(self.problem)" }
}
