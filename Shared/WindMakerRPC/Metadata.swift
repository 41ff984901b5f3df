/// Key-value pairs sent with a call: request id, idempotency key, trace context.
///
/// Keys are lower-case ASCII (`a-z`, `0-9`, `-`, `_`, `.`); a key may repeat, and order is preserved.
///
/// ```swift
/// var metadata: Metadata = ["request-id": "r-17"]
/// metadata.add("idempotency-key", "approve-42")
/// ```
public struct Metadata: Hashable, Sendable {
    /// One key-value pair.
    public struct Entry: Hashable, Sendable {
        /// Lower-case key.
        public var key: String
        /// UTF-8 value.
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// The pairs, in the order they were added.
    public private(set) var entries: [Entry]

    public init() {
        self.entries = []
    }

    /// Appends a pair; the key is lower-cased.
    public mutating func add(_ key: String, _ value: String) {
        self.entries.append(Entry(key: key.lowercased(), value: value))
    }

    /// Replaces every value of `key` with one value, or removes the key when `value` is nil.
    public mutating func set(_ key: String, _ value: String?) {
        let key = key.lowercased()
        self.entries.removeAll { $0.key == key }
        if let value {
            self.entries.append(Entry(key: key, value: value))
        }
    }

    /// The first value for `key`.
    public subscript(key: String) -> String? {
        let key = key.lowercased()
        return self.entries.first { $0.key == key }?.value
    }

    /// Every value for `key`, in order.
    public func values(for key: String) -> [String] {
        let key = key.lowercased()
        return self.entries.filter { $0.key == key }.map(\.value)
    }

    public var isEmpty: Bool { self.entries.isEmpty }
    public var count: Int { self.entries.count }

    /// Whether `key` is a valid metadata key on the wire.
    public static func isValidKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= 128
            && key.utf8.allSatisfy { byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            }
    }
}

extension Metadata: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, String)...) {
        self.entries = elements.map { Entry(key: $0.0.lowercased(), value: $0.1) }
    }
}

extension Metadata: Sequence {
    public func makeIterator() -> IndexingIterator<[Entry]> { self.entries.makeIterator() }
}

extension Metadata {
    /// Well-known keys.
    public enum Keys {
        /// A caller-chosen id that appears in both sides' logs.
        public static let requestID = "request-id"
        /// Makes a mutating call safe to retry: a retry with the same key returns the first result.
        public static let idempotencyKey = "idempotency-key"
        /// W3C trace context.
        public static let traceParent = "traceparent"
    }
}
