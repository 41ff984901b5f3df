/// An instant, as integer microseconds since 1970-01-01T00:00:00Z: how every service stores and sends times.
///
/// The domain never reads a clock; callers pass the time in, so tests control it.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Microseconds since the Unix epoch (negative before it).
    public var microsecondsSinceEpoch: Int64

    public init(microsecondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
    }

    /// The instant `seconds` whole seconds after the epoch.
    public init(secondsSinceEpoch seconds: Int64) {
        self.microsecondsSinceEpoch = seconds * 1_000_000
    }

    /// This instant moved by `microseconds` (negative moves back).
    public func adding(microseconds: Int64) -> Timestamp {
        Timestamp(microsecondsSinceEpoch: self.microsecondsSinceEpoch + microseconds)
    }

    /// This instant moved by `seconds` (negative moves back).
    public func adding(seconds: Int64) -> Timestamp {
        self.adding(microseconds: seconds * 1_000_000)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }

    /// RFC 3339 in business time (UTC+8), to the second: `2026-12-02T18:54:38+08:00`, as messages show it.
    public var description: String { BusinessCalendar.text(of: self) }
}
