extension CivilDate {
    /// Days since 1970-01-01 (negative before it), by the proleptic Gregorian calendar.
    public var daysSinceEpoch: Int64 {
        let year = Int64(self.month <= 2 ? self.year - 1 : self.year)
        let era = year.dividedRoundingDown(by: 400)
        let yearOfEra = year - era * 400
        let month = Int64(self.month)
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + Int64(self.day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// How many days from this date to `other` (negative when `other` is earlier).
    public func daysUntil(_ other: CivilDate) -> Int {
        Int(other.daysSinceEpoch - self.daysSinceEpoch)
    }
}

extension CivilDate {
    /// The next day (`nil` after 9999-12-31).
    public var dayAfter: CivilDate? {
        if self.day < Self.daysIn(month: self.month, of: self.year) {
            return try? CivilDate(year: self.year, month: self.month, day: self.day + 1)
        }
        if self.month < 12 { return try? CivilDate(year: self.year, month: self.month + 1, day: 1) }
        return try? CivilDate(year: self.year + 1, month: 1, day: 1)
    }
}
