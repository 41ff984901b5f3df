/// The program's business time zone: China Standard Time, UTC+8, with no daylight saving.
///
/// Instants become civil dates here, e.g. the termination date that ends a terminated provider's bindings: a
/// termination at 2025-06-30T20:00Z is on 2025-07-01 for the providers and clients, who all work in China time, so
/// it is that date that ends their bindings. UTC+8 has been fixed since 1991, so a constant offset is exact.
public enum BusinessCalendar {
    /// The offset from UTC, in seconds.
    public static let utcOffsetSeconds: Int64 = 8 * 3600

    /// The civil date of `time` in business time.
    public static func date(of time: Timestamp) -> CivilDate {
        let seconds = time.microsecondsSinceEpoch.dividedRoundingDown(by: 1_000_000) + Self.utcOffsetSeconds
        return Self.civilDate(daysSinceEpoch: seconds.dividedRoundingDown(by: 86_400))
    }

    /// `time` as RFC 3339 in business time, to the second and with the zone: `2026-12-02T18:54:38+08:00`. How times
    /// appear in messages for people, who work in China time and should not have to convert microseconds.
    public static func text(of time: Timestamp) -> String {
        let seconds = time.microsecondsSinceEpoch.dividedRoundingDown(by: 1_000_000) + Self.utcOffsetSeconds
        let days = seconds.dividedRoundingDown(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        func padded(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(Self.civilDate(daysSinceEpoch: days))T\(padded(secondOfDay / 3600)):\(padded(secondOfDay / 60 % 60))"
            + ":\(padded(secondOfDay % 60))+08:00"
    }

    /// Howard Hinnant's `civil_from_days`: days since 1970-01-01 to a proleptic Gregorian date.
    static func civilDate(daysSinceEpoch days: Int64) -> CivilDate {
        let z = days + 719_468
        let era = z.dividedRoundingDown(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // Timestamps the services handle are far inside years 1–9999; clamp rather than trap on absurd input.
        let clampedYear = min(max(year, 1), 9999)
        return (try? CivilDate(year: Int(clampedYear), month: Int(month), day: Int(day)))
            ?? (try! CivilDate(year: Int(clampedYear), month: 1, day: 1))
    }
}

extension Int64 {
    /// Floor division, so instants before the epoch fall on the right day.
    func dividedRoundingDown(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
