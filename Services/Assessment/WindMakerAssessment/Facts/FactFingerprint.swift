/// An order-independent digest of a set of facts: each fact hashes to two 64-bit values, and a set is their count
/// and their sums (wrapping), so that facts can be added in any order, as a database scan returns them.
///
/// A fact's hash covers its canonical text (id, subject kind and id, `YYYY-MM-DD` date, metric name, violation
/// kind) and its value, each field ended by a separator byte: two FNV-1a 64 streams from different offsets, each
/// finished by the SplitMix64 mixer. Pure integer arithmetic on defined byte orders, so every machine computes the
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
        private var second: UInt64 = 0x84222325_cbf29ce4

        public init() {}

        public mutating func field(_ bytes: UnsafeBufferPointer<UInt8>) {
            for byte in bytes { self.byte(byte) }
            self.byte(0x1F)
        }

        public mutating func field(_ text: String) {
            for byte in text.utf8 { self.byte(byte) }
            self.byte(0x1F)
        }

        public mutating func field(_ value: Int64) {
            var bits = UInt64(bitPattern: value)
            for _ in 0 ..< 8 {
                self.byte(UInt8(truncatingIfNeeded: bits))
                bits >>= 8
            }
            self.byte(0x1F)
        }

        private mutating func byte(_ byte: UInt8) {
            self.first = (self.first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            self.second = (self.second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
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
