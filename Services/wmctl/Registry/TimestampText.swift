import WindMakerMessages

/// Wire timestamps as RFC 3339 text in the program's business time, UTC+8, with the zone
/// (`2026-12-02T18:54:38+08:00`), for tables and JSON: operators work in China time, and the offset keeps the text
/// exact for a program reading the JSON.
enum TimestampText {
    /// China Standard Time has been UTC+8 without daylight saving since 1991, so a constant offset is exact.
    static let utcOffsetSeconds: Int64 = 8 * 3600

    static func text(_ timestamp: CommonV1.Timestamp?) -> String {
        guard let timestamp else { return "" }
        let utcSeconds =
            timestamp.unixMicros >= 0 ? timestamp.unixMicros / 1_000_000 : (timestamp.unixMicros - 999_999) / 1_000_000
        let seconds = utcSeconds + Self.utcOffsetSeconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = self.civil(fromDays: days)
        func pad(_ value: Int64, _ width: Int = 2) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60))"
            + ":\(pad(secondOfDay % 60))+08:00"
    }

    /// Howard Hinnant's days-to-civil: proleptic Gregorian date of a day count since 1970-01-01.
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
