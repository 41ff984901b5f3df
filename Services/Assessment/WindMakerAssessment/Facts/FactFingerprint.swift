/// An order-independent digest of a set of facts: each fact hashes to two 64-bit values, and a set is their count
/// and their sums (wrapping), so that facts can be added in any order, as a database scan returns them.
///
/// A fact's hash covers its canonical text (id, subject kind and id, `YYYY-MM-DD` date, metric name, violation
/// kind) and its value, each field ended by its length: two streams that take the bytes eight at a time
/// (little-endian words, the last one zero-padded), each word multiplied into the state with its own odd constant,
/// each stream finished by the SplitMix64 mixer. Pure integer arithmetic on defined byte orders, so every machine computes the
/// same digest. It detects any change to the facts a scorecard used (a 128-bit sum); it is not meant to withstand
/// someone crafting facts to collide, which the data pipelines that may ingest have no reason to do and the audit
/// of ingests would show. ``PeriodComputation`` folds it into each scorecard's SHA-256 input digest.
public struct FactFingerprint: Hashable, Sendable, CustomStringConvertible {
    public private(set) var count: Int64 = 0
    public private(set) var first: UInt64 = 0
    public private(set) var second: UInt64 = 0

    public init() {}

    /// Adds one fact's hash.
    public mutating func add(_ hash: (UInt64, UInt64)) {
        self.count &+= 1
        self.first &+= hash.0
        self.second &+= hash.1
    }

    public var description: String { "\(self.count):\(self.first):\(self.second)" }

    /// The hash of one fact from its fields as stored.
    public struct Hasher {
        private var first: UInt64 = 0xcbf2_9ce4_8422_2325
        private var second: UInt64 = 0x8422_2325_cbf2_9ce4

        public init() {}

        public mutating func field(_ bytes: UnsafeBufferPointer<UInt8>) {
            var offset = 0
            while offset < bytes.count {
                var word: UInt64 = 0
                for index in 0 ..< min(8, bytes.count - offset) {
                    word |= UInt64(bytes[offset + index]) << UInt64(index * 8)
                }
                self.word(word)
                offset += 8
            }
            self.word(UInt64(bytes.count) | 0xFF00_0000_0000_0000)
        }

        public mutating func field(_ text: String) {
            var text = text
            text.withUTF8 { self.field($0) }
        }

        public mutating func field(_ value: Int64) {
            self.word(UInt64(bitPattern: value))
            self.word(0xFF00_0000_0000_0008)
        }

        private mutating func word(_ word: UInt64) {
            self.first = (self.first ^ word) &* 0x9E37_79B9_7F4A_7C15
            self.first ^= self.first >> 32
            self.second = (self.second ^ word) &* 0xC2B2_AE3D_27D4_EB4F
            self.second ^= self.second >> 29
        }

        public func finish() -> (UInt64, UInt64) {
            (Self.mix(self.first), Self.mix(self.second ^ 0x9E37_79B9_7F4A_7C15))
        }

        private static func mix(_ value: UInt64) -> UInt64 {
            var z = value &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}

extension Fact {
    /// This fact's hash for a ``FactFingerprint``: the same as the store computes from the stored columns.
    public var fingerprintHash: (UInt64, UInt64) {
        var hasher = FactFingerprint.Hasher()
        hasher.field(self.id.rawValue)
        hasher.field(self.subject.kind)
        hasher.field(self.subject.id)
        hasher.field(self.date.description)
        hasher.field(self.metric.rawValue)
        hasher.field(self.violationKind?.rawValue ?? "")
        hasher.field(self.value)
        return hasher.finish()
    }
}
