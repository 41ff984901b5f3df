/// A monthly period of the program (assessed and paid by month), written `YYYY-MM` (`2021-07`).
public struct PeriodID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// Reads `YYYY-MM`.
    /// - Throws: ``InvalidRequest`` naming `field`.
    public init(_ text: String, field: String = "period") throws(InvalidRequest) {
        let bytes = Array(text.utf8)
        let digits = bytes.enumerated().allSatisfy {
            $0.offset == 4 ? $0.element == UInt8(ascii: "-") : (48 ... 57).contains($0.element)
        }
        guard bytes.count == 7, digits, let year = Int(text.prefix(4)), let month = Int(text.suffix(2)),
            (1 ... 9999).contains(year), (1 ... 12).contains(month)
        else {
            throw InvalidRequest(field: field, "invalid period \"\(text)\": expected YYYY-MM, e.g. 2021-07")
        }
        self.year = year
        self.month = month
    }

    /// The period of the month that holds `date`.
    public init(containing date: CivilDate) {
        self.year = date.year
        self.month = date.month
    }

    private init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The first day of the month.
    public var firstDay: CivilDate { try! CivilDate(year: self.year, month: self.month, day: 1) }

    /// The last day of the month.
    public var lastDay: CivilDate {
        try! CivilDate(year: self.year, month: self.month, day: CivilDate.daysIn(month: self.month, of: self.year))
    }

    /// The period `count` months earlier.
    public func monthsBefore(_ count: Int) -> PeriodID {
        let index = self.year * 12 + (self.month - 1) - count
        return PeriodID(year: index / 12, month: index % 12 + 1)
    }

    /// The dates of the `months` calendar months ending with this one.
    public func trailingWindow(months: Int) -> (first: CivilDate, last: CivilDate) {
        (self.monthsBefore(months - 1).firstDay, self.lastDay)
    }

    public static func < (lhs: PeriodID, rhs: PeriodID) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    public var description: String {
        let year = String(self.year)
        return String(repeating: "0", count: 4 - year.count) + year + (self.month < 10 ? "-0" : "-")
            + String(self.month)
    }
}
