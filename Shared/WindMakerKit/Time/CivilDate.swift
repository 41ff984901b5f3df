/// A calendar date with no time zone (proleptic Gregorian, years 1–9999), as bindings and attribution use it.
///
/// Written and parsed as `YYYY-MM-DD`, the form the store keeps, so text order is date order.
///
/// ```swift
/// let leapDay = try CivilDate("2024-02-29")
/// leapDay.dayBefore   // 2024-02-28
/// try CivilDate("2023-02-29")   // throws: day 29 is out of range for 2023-02, which has 28 days
/// ```
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, 1–9999.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–28…31.
    public let day: Int

    /// - Throws: ``ValidationError`` naming the part out of range.
    public init(year: Int, month: Int, day: Int) throws(ValidationError) {
        guard (1 ... 9999).contains(year) else { throw .yearOutOfRange(year) }
        guard (1 ... 12).contains(month) else { throw .monthOutOfRange(month) }
        let days = Self.daysIn(month: month, of: year)
        guard (1 ... days).contains(day) else {
            throw .dayOutOfRange(day, year: year, month: month, daysInMonth: days)
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (exactly 10 characters, ASCII digits, zero-padded).
    /// - Throws: ``ValidationError/malformed(_:)`` for another shape; the range errors for an impossible date.
    public init(_ text: String) throws(ValidationError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            throw .malformed(text)
        }
        func number(_ range: Range<Int>) throws(ValidationError) -> Int {
            var value = 0
            for byte in bytes[range] {
                guard (48 ... 57).contains(byte) else { throw .malformed(text) }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        try self.init(year: number(0 ..< 4), month: number(5 ..< 7), day: number(8 ..< 10))
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether `year` has a 29 February: divisible by 4, except centuries not divisible by 400.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` (1–12) of `year`.
    public static func daysIn(month: Int, of year: Int) -> Int {
        switch month {
        case 2: Self.isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The previous day; `nil` before 0001-01-01.
    public var dayBefore: CivilDate? {
        if self.day > 1 { return CivilDate(unchecked: self.year, self.month, self.day - 1) }
        if self.month > 1 {
            return CivilDate(unchecked: self.year, self.month - 1, Self.daysIn(month: self.month - 1, of: self.year))
        }
        if self.year > 1 { return CivilDate(unchecked: self.year - 1, 12, 31) }
        return nil
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(self.year, 4))-\(padded(self.month, 2))-\(padded(self.day, 2))"
    }

    /// Why a date is not valid.
    public enum ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
        /// Not of the form `YYYY-MM-DD`.
        case malformed(String)
        /// Year outside 1–9999.
        case yearOutOfRange(Int)
        /// Month outside 1–12.
        case monthOutOfRange(Int)
        /// Day outside the month, e.g. 29 February in a common year.
        case dayOutOfRange(Int, year: Int, month: Int, daysInMonth: Int)

        public var description: String {
            switch self {
            case .malformed(let text):
                "invalid date \"\(text)\": expected YYYY-MM-DD"
            case .yearOutOfRange(let year):
                "year \(year) is out of range 1-9999"
            case .monthOutOfRange(let month):
                "month \(month) is out of range 1-12"
            case .dayOutOfRange(let day, let year, let month, let days):
                "day \(day) is out of range for \(year)-\(month < 10 ? "0" : "")\(month), which has \(days) days"
            }
        }
    }
}
