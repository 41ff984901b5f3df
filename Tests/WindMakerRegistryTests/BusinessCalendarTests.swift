import Testing
import WindMakerKit
import WindMakerRegistry

@Suite struct BusinessCalendarTests {
    static let cases: [(seconds: Int64, date: String)] = [
        (0, "1970-01-01"),
        (57_599, "1970-01-01"),  // 23:59:59 in UTC+8
        (57_600, "1970-01-02"),
        (-28_801, "1969-12-31"),
        (1_751_313_600, "2025-07-01"),  // 2025-06-30T20:00Z
        (951_782_400, "2000-02-29"),  // 2000-02-29T00:00Z
        (1_709_222_399, "2024-02-29"),  // 2024-02-29T15:59:59Z
        (1_709_222_400, "2024-03-01"),  // 2024-02-29T16:00:00Z
    ]

    @Test(arguments: Self.cases)
    func datesAreTakenInUTCPlusEight(seconds: Int64, date: String) {
        #expect(BusinessCalendar.date(of: Timestamp(secondsSinceEpoch: seconds)) == Fixtures.date(date))
    }

    static let texts: [(micros: Int64, text: String)] = [
        (0, "1970-01-01T08:00:00+08:00"),
        (-1, "1970-01-01T07:59:59+08:00"),  // a microsecond before the epoch is in the second before it
        (1_796_208_878_999_999, "2026-12-02T18:54:38+08:00"),  // fractions are cut, not rounded up
        (951_782_399_999_999, "2000-02-29T07:59:59+08:00"),
    ]

    /// Messages show times as people in the program read them: RFC 3339 in UTC+8 with the zone, not microseconds.
    @Test(arguments: Self.texts)
    func timesAreWrittenAsRFC3339InUTCPlusEight(micros: Int64, text: String) {
        let time = Timestamp(microsecondsSinceEpoch: micros)
        #expect(BusinessCalendar.text(of: time) == text)
        #expect(time.description == text)
    }
}
