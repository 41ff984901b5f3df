/// Reads a JSON document written by people (a rulebook, entitlement rules) into typed values, collecting every
/// violation with its path (`dimensions.live_stream.indicators[2].points`) instead of stopping at the first, and
/// refusing members the document does not define. Each read returns `nil` when it recorded a violation.
///
/// ```swift
/// var reader = JSONDocumentReader(noun: "rulebook")
/// if let root = reader.object(json, "", known: ["window_months"]) {
///     let months = reader.integer(root["window_months"], "window_months", in: 1 ... 12)
/// }
/// guard reader.violations.isEmpty else { throw InvalidRequest(reader.violations) }
/// ```
public struct JSONDocumentReader: Sendable {
    /// What the document is, for "is not a rulebook field".
    public let noun: String
    public private(set) var violations: [FieldViolation] = []

    public init(noun: String) {
        self.noun = noun
    }

    /// Parses `document` and reads it with `body`, which returns `nil` when it recorded a violation.
    /// - Throws: ``InvalidRequest`` with the syntax error, or every violation `body` recorded.
    public static func read<T>(
        _ document: [UInt8],
        noun: String,
        _ body: (JSONValue, inout JSONDocumentReader) -> T?
    ) throws(InvalidRequest) -> T {
        let json: JSONValue
        do {
            json = try JSONValue.parse(document)
        } catch {
            throw InvalidRequest(field: "", "\(error)")
        }
        var reader = JSONDocumentReader(noun: noun)
        let value = body(json, &reader)
        guard reader.violations.isEmpty, let value else {
            throw InvalidRequest(
                reader.violations.isEmpty
                    ? [FieldViolation(field: "", description: "invalid \(noun)")] : reader.violations
            )
        }
        return value
    }

    /// Records a violation; names from the document are shown with control characters escaped (a member named
    /// `"\u0000"` must not put a NUL into a status message).
    public mutating func fail(_ path: String, _ problem: String) {
        self.violations.append(FieldViolation(field: Self.printable(path), description: Self.printable(problem)))
    }

    public mutating func object(_ json: JSONValue?, _ path: String, known: [String]) -> [String: JSONValue]? {
        guard let json else {
            self.fail(path, "is required")
            return nil
        }
        guard case .object(let members) = json else {
            self.fail(path, "must be an object, found \(json.kindDescription)")
            return nil
        }
        for name in members.keys.sorted() where !known.contains(name) {
            self.fail(
                path.isEmpty ? name : "\(path).\(name)",
                "is not a \(self.noun) field (expected one of: \(known.joined(separator: ", ")))"
            )
        }
        return members
    }

    public mutating func array(_ json: JSONValue?, _ path: String, count: ClosedRange<Int>) -> [JSONValue]? {
        guard let json else {
            self.fail(path, "is required")
            return nil
        }
        guard case .array(let elements) = json else {
            self.fail(path, "must be an array, found \(json.kindDescription)")
            return nil
        }
        guard count.contains(elements.count) else {
            let expected =
                count.lowerBound == count.upperBound
                ? "\(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)"
            self.fail(path, "must have \(expected) entries, found \(elements.count)")
            return nil
        }
        return elements
    }

    public mutating func integer(_ json: JSONValue?, _ path: String, in range: ClosedRange<Int64>) -> Int64? {
        self.decimal(json, path, decimals: 0, in: range)
    }

    /// A number with at most `decimals` decimal places, as an integer of that many (``DecimalText``).
    public mutating func decimal(
        _ json: JSONValue?,
        _ path: String,
        decimals: Int,
        in range: ClosedRange<Int64>
    ) -> Int64? {
        guard let json else {
            self.fail(path, "is required")
            return nil
        }
        guard case .number(let text) = json else {
            self.fail(path, "must be a number, found \(json.kindDescription)")
            return nil
        }
        guard let value = DecimalText.parse(text, decimals: decimals) else {
            let kind = decimals == 0 ? "a whole number" : "a number with at most \(decimals) decimal places"
            self.fail(path, "must be \(kind) written without an exponent, found \(text)")
            return nil
        }
        guard range.contains(value) else {
            let low = DecimalText.format(range.lowerBound, decimals: decimals)
            let high = range.upperBound == .max ? "" : DecimalText.format(range.upperBound, decimals: decimals)
            self.fail(path, "must be \(high.isEmpty ? "at least \(low)" : "between \(low) and \(high)"), found \(text)")
            return nil
        }
        return value
    }

    public mutating func bool(_ json: JSONValue?, _ path: String) -> Bool? {
        switch json {
        case .bool(let value)?: return value
        case nil: self.fail(path, "is required")
        case let other?: self.fail(path, "must be true or false, found \(other.kindDescription)")
        }
        return nil
    }

    /// A name of 1–40 characters: `a-z 0-9 _` (or `A-Z 0-9 _` when `upperCase`).
    public mutating func identifier(_ json: JSONValue?, _ path: String, upperCase: Bool = false) -> String? {
        guard case .string(let name)? = json else {
            self.fail(path, "must be a string")
            return nil
        }
        let allowed = name.utf8.allSatisfy { byte in
            (48 ... 57).contains(byte) || byte == UInt8(ascii: "_")
                || (upperCase ? (65 ... 90).contains(byte) : (97 ... 122).contains(byte))
        }
        guard (1 ... 40).contains(name.utf8.count), allowed else {
            let letters = upperCase ? "A-Z" : "a-z"
            self.fail(path, "must be 1 to 40 characters of \(letters), 0-9 and _")
            return nil
        }
        return name
    }

    private static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                output += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
