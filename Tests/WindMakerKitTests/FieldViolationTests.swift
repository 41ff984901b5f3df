import Testing
import WindMakerKit

/// A refusal with a problem in every one of many elements lists the first hundred, then how many more.
@Suite struct FieldViolationTests {
    static func violations(_ count: Int) -> [FieldViolation] {
        (0 ..< count).map { FieldViolation(field: "categories[\($0)]", description: "must not be empty") }
    }

    @Test(arguments: [0, 1, 99, 100])
    func upToTheMaximumEveryViolationIsReported(count: Int) {
        #expect(FieldViolation.capped(Self.violations(count)) == Self.violations(count))
    }

    @Test func pastTheMaximumTheFirstHundredAreReportedThenHowManyMore() {
        let capped = FieldViolation.capped(Self.violations(10_000))
        #expect(capped.count == 101)
        #expect(Array(capped.prefix(100)) == Self.violations(100))
        #expect(capped.last == FieldViolation(field: "", description: "and 9900 more violations"))
        #expect(FieldViolation.capped(Self.violations(101)).last?.description == "and 1 more violation")
    }

    @Test func theSummaryNamesEachFieldOnceAndStopsAtTheCap() {
        #expect(FieldViolation.summary(of: []) == "invalid request")
        #expect(
            FieldViolation.summary(of: [
                FieldViolation(field: "start", description: "is required"),
                FieldViolation(field: "", description: "one more thing"),
            ]) == "invalid request: start: is required; one more thing"
        )
        #expect(FieldViolation.summary(of: Self.violations(450_000)).utf8.count < 5_000)
    }
}
