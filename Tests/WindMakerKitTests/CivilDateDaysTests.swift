import Testing
import WindMakerKit

@Suite struct CivilDateDaysTests {
    @Test(arguments: [
        ("1970-01-01", Int64(0)), ("1969-12-31", -1), ("2000-03-01", 11_017), ("2021-07-01", 18_809),
        ("2024-02-29", 19_782), ("0001-01-01", -719_162),
    ])
    func daysSinceEpoch(text: String, days: Int64) throws {
        let date = try CivilDate(text)
        #expect(date.daysSinceEpoch == days)
        #expect(BusinessCalendar.date(of: Timestamp(microsecondsSinceEpoch: days * 86_400_000_000)) == date)
    }

    @Test func daysBetween() throws {
        #expect(try CivilDate("2021-07-01").daysUntil(try CivilDate("2022-07-01")) == 365)
        #expect(try CivilDate("2024-03-01").daysUntil(try CivilDate("2024-02-28")) == -2)
    }
}
