import Testing
import WindMakerKit
import WindMakerMessages
import WindMakerServiceKit

/// The kit's values on the wire, in the one place each converts: what goes out comes back the same, and what a
/// request cannot mean is a violation naming its field.
@Suite struct KitWireConversionTests {
    @Test(arguments: [Int64.min, -5, 0, 123_456, Int64.max])
    func moneyRoundTripsInFenWithItsCurrency(fen: Int64) throws {
        let money = Money.fen(fen)
        #expect(money.wire == CommonV1.Money(fen: fen, currency: "CNY"))
        #expect(try Money.required(money.wire, field: "budget") == money)
    }

    @Test(arguments: [("cny", "budget.currency"), ("", "budget.currency"), ("CNYY", "budget.currency")])
    func anInvalidCurrencyNamesTheCurrencyField(code: String, field: String) {
        let error = #expect(throws: InvalidRequest.self) {
            try Money.required(CommonV1.Money(fen: 1, currency: code), field: "budget")
        }
        #expect(error?.violations.map(\.field) == [field])
    }

    @Test func missingValuesAreRequired() {
        let money = #expect(throws: InvalidRequest.self) { try Money.required(nil, field: "budget") }
        #expect(money?.violations == [FieldViolation(field: "budget", description: "is required")])
        let traffic = #expect(throws: InvalidRequest.self) { try Impressions.required(nil, field: "traffic") }
        #expect(traffic?.violations == [FieldViolation(field: "traffic", description: "is required")])
    }

    @Test func impressionsAndTimestampsRoundTrip() throws {
        let traffic = Impressions(250_000_000)
        #expect(try Impressions.required(traffic.wire, field: "traffic") == traffic)
        let time = Timestamp(microsecondsSinceEpoch: -1_234_567)
        #expect(Timestamp(wire: time.wire) == time)
    }

    @Test func datesRoundTripAndAnImpossibleOneNamesItsField() throws {
        let date = try CivilDate("2024-02-29")
        #expect(try CivilDate.required(date.wire, field: "start") == date)
        #expect(try CivilDate.optional(CommonV1.Date(), field: "end") == nil)
        let error = #expect(throws: InvalidRequest.self) {
            try CivilDate.required(CommonV1.Date(year: 2025, month: 2, day: 29), field: "start")
        }
        #expect(error?.violations.map(\.field) == ["start"])
    }
}
