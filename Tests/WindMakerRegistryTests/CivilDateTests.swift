import Testing
import WindMakerKit
import WindMakerRegistry

@Suite struct CivilDateTests {
    @Test(
        arguments: [
            (2024, 2, 29, nil),
            (2000, 2, 29, nil),
            (2023, 2, 29, CivilDate.ValidationError.dayOutOfRange(29, year: 2023, month: 2, daysInMonth: 28)),
            (1900, 2, 29, .dayOutOfRange(29, year: 1900, month: 2, daysInMonth: 28)),
            (2024, 2, 30, .dayOutOfRange(30, year: 2024, month: 2, daysInMonth: 29)),
            (2025, 4, 31, .dayOutOfRange(31, year: 2025, month: 4, daysInMonth: 30)),
            (2025, 12, 31, nil),
            (2025, 13, 1, .monthOutOfRange(13)),
            (2025, 0, 1, .monthOutOfRange(0)),
            (2025, 1, 0, .dayOutOfRange(0, year: 2025, month: 1, daysInMonth: 31)),
            (0, 1, 1, .yearOutOfRange(0)),
            (10000, 1, 1, .yearOutOfRange(10000)),
        ] as [(Int, Int, Int, CivilDate.ValidationError?)]
    )
    func componentsAreValidated(year: Int, month: Int, day: Int, error: CivilDate.ValidationError?) {
        if let error {
            #expect(throws: error) { try CivilDate(year: year, month: month, day: day) }
        } else {
            #expect((try? CivilDate(year: year, month: month, day: day)) != nil)
        }
    }

    @Test func messagesSayWhatIsWrong() {
        #expect(
            CivilDate.ValidationError.dayOutOfRange(29, year: 2023, month: 2, daysInMonth: 28).description
                == "day 29 is out of range for 2023-02, which has 28 days"
        )
        #expect(CivilDate.ValidationError.monthOutOfRange(13).description == "month 13 is out of range 1-12")
        #expect(
            CivilDate.ValidationError.malformed("2024-1-1").description
                == "invalid date \"2024-1-1\": expected YYYY-MM-DD"
        )
    }

    @Test(arguments: ["2024-02-29", "0001-01-01", "9999-12-31", "2025-06-30"])
    func parseAndFormatRoundTrip(text: String) throws {
        #expect(try CivilDate(text).description == text)
    }

    @Test(arguments: [
        ("2024-1-01", CivilDate.ValidationError.malformed("2024-1-01")),
        ("2024/01/01", .malformed("2024/01/01")),
        ("2024-01-01 ", .malformed("2024-01-01 ")),
        ("20a4-01-01", .malformed("20a4-01-01")),
        ("+024-01-01", .malformed("+024-01-01")),
        ("2024-13-01", .monthOutOfRange(13)),
        ("2023-02-29", .dayOutOfRange(29, year: 2023, month: 2, daysInMonth: 28)),
        ("0000-01-01", .yearOutOfRange(0)),
    ])
    func malformedTextIsRejected(text: String, error: CivilDate.ValidationError) {
        #expect(throws: error) { try CivilDate(text) }
    }

    @Test(arguments: [
        ("2024-03-01", "2024-02-29"),
        ("2023-03-01", "2023-02-28"),
        ("2025-01-01", "2024-12-31"),
        ("2025-05-01", "2025-04-30"),
        ("2025-05-17", "2025-05-16"),
    ])
    func dayBefore(date: String, expected: String) throws {
        #expect(try CivilDate(date).dayBefore == (try CivilDate(expected)))
    }

    @Test func nothingBeforeTheFirstDay() throws {
        #expect(try CivilDate("0001-01-01").dayBefore == nil)
    }

    @Test func orderIsChronological() throws {
        let dates = try ["2025-01-10", "2024-12-31", "2025-01-09", "2024-02-29"].map { try CivilDate($0) }
        #expect(dates.sorted().map(\.description) == ["2024-02-29", "2024-12-31", "2025-01-09", "2025-01-10"])
    }
}

@Suite struct DateRangeTests {
    @Test func endBeforeStartIsRefusedNamingBothFields() throws {
        let start = try CivilDate("2025-03-01")
        let end = try CivilDate("2025-02-28")
        #expect(throws: DateRange.ValidationError.endBeforeStart(start: start, end: end)) {
            try DateRange(start: start, end: end)
        }
        let error = DateRange.ValidationError.endBeforeStart(start: start, end: end)
        #expect(
            error.description
                == "end (2025-02-28) is before start (2025-03-01): the range is inclusive, so end must be on or after start"
        )
        #expect(error.violation(field: "range").field == "range.end")
    }

    @Test func aOneDayRangeIsAllowed() throws {
        let day = try CivilDate("2025-03-01")
        let range = try DateRange(start: day, end: day)
        #expect(range.contains(day))
        #expect(!range.contains(try CivilDate("2025-03-02")))
    }

    static let overlaps: [(a: DateRange, b: DateRange, overlap: Bool)] = [
        (Fixtures.range("2025-01-01", "2025-01-31"), Fixtures.range("2025-02-01", "2025-02-28"), false),
        (Fixtures.range("2025-01-01", "2025-01-31"), Fixtures.range("2025-01-31", "2025-02-28"), true),
        (Fixtures.range("2025-01-01", "2025-12-31"), Fixtures.range("2025-03-01", "2025-03-31"), true),
        (Fixtures.range("2025-01-01", nil), Fixtures.range("2030-01-01", "2030-01-02"), true),
        (Fixtures.range("2025-01-01", nil), Fixtures.range("2024-01-01", "2024-12-31"), false),
        (Fixtures.range("2025-01-01", nil), Fixtures.range("2024-01-01", "2025-01-01"), true),
        (Fixtures.range("2025-01-01", nil), Fixtures.range("2020-01-01", nil), true),
        (Fixtures.range("2025-06-01", "2025-06-01"), Fixtures.range("2025-06-01", "2025-06-01"), true),
        (Fixtures.range("2025-06-01", "2025-06-01"), Fixtures.range("2025-06-02", nil), false),
    ]

    @Test(arguments: Self.overlaps)
    func overlapIsSymmetric(a: DateRange, b: DateRange, overlap: Bool) {
        #expect(a.overlaps(b) == overlap, "\(a) vs \(b)")
        #expect(b.overlaps(a) == overlap, "\(b) vs \(a)")
    }

    @Test(arguments: [
        ("2024-12-31", false), ("2025-01-01", true), ("2025-01-31", true), ("2025-02-01", false),
    ])
    func containsIsInclusive(date: String, expected: Bool) throws {
        #expect(Fixtures.range("2025-01-01", "2025-01-31").contains(try CivilDate(date)) == expected)
        #expect(Fixtures.range("2025-01-01", nil).contains(try CivilDate(date)) == (date >= "2025-01-01"))
    }

    @Test func truncation() throws {
        let range = Fixtures.range("2025-01-01", nil)
        #expect(range.truncated(after: try CivilDate("2025-03-31")) == Fixtures.range("2025-01-01", "2025-03-31"))
        #expect(range.truncated(after: try CivilDate("2024-12-31")) == nil)
        #expect(
            Fixtures.range("2025-01-01", "2025-01-10").truncated(after: try CivilDate("2025-06-01"))
                == Fixtures.range("2025-01-01", "2025-01-10")
        )
    }
}
