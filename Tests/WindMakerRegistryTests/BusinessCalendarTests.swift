import Testing
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
}
