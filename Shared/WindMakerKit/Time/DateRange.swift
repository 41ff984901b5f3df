/// An inclusive range of civil dates, `[start, end]`, open-ended when `end` is `nil`: a binding's effective dates.
///
/// ```swift
/// let q1 = try DateRange(start: CivilDate("2025-01-01"), end: CivilDate("2025-03-31"))
/// q1.contains(try CivilDate("2025-03-31"))   // true: both ends are included
/// ```
public struct DateRange: Hashable, Sendable, CustomStringConvertible {
    /// The first day.
    public let start: CivilDate
    /// The last day, included; `nil` for no end yet.
    public let end: CivilDate?

    /// - Throws: ``ValidationError/endBeforeStart(start:end:)`` when `end` is before `start` (a one-day range,
    ///   `end == start`, is allowed).
    public init(start: CivilDate, end: CivilDate? = nil) throws(ValidationError) {
        if let end, end < start { throw .endBeforeStart(start: start, end: end) }
        self.start = start
        self.end = end
    }

    /// Whether `date` is in the range.
    public func contains(_ date: CivilDate) -> Bool {
        self.start <= date && self.end.map { date <= $0 } ?? true
    }

    /// Whether the ranges share at least one day.
    public func overlaps(_ other: DateRange) -> Bool {
        let otherStartsInTime = self.end.map { other.start <= $0 } ?? true
        let selfStartsInTime = other.end.map { self.start <= $0 } ?? true
        return otherStartsInTime && selfStartsInTime
    }

    /// The range cut off after `date`; `nil` when nothing is left (`date` is before `start`).
    public func truncated(after date: CivilDate) -> DateRange? {
        guard date >= self.start else { return nil }
        let end = self.end.map { min($0, date) } ?? date
        return try? DateRange(start: self.start, end: end)
    }

    /// `[2025-01-01, 2025-03-31]`, or `[2025-01-01, …)` when open-ended.
    public var description: String {
        "[\(self.start), \(self.end.map { "\($0)]" } ?? "…)")"
    }

    /// Why a range is not valid.
    public enum ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
        /// `end` is earlier than `start`.
        case endBeforeStart(start: CivilDate, end: CivilDate)

        public var description: String {
            switch self {
            case .endBeforeStart(let start, let end):
                "end (\(end)) is before start (\(start)): the range is inclusive, so end must be on or after start"
            }
        }

        /// The violation to report for the range's fields under `field` (e.g. `range`): names `range.end`.
        public func violation(field: String) -> FieldViolation {
            FieldViolation(field: "\(field).end", description: self.description)
        }
    }
}
