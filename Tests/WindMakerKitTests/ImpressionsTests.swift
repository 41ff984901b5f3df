import Testing
import WindMakerKit

@Suite struct ImpressionsTests {
    @Test func arithmeticInRange() throws {
        #expect(try Impressions(10_000).adding(Impressions(-2_500)) == Impressions(7_500))
        #expect(try Impressions(2_500).subtracting(Impressions(10_000)) == Impressions(-7_500))
        #expect(try Impressions(10_000).multiplied(by: 3) == Impressions(30_000))
        #expect(try Impressions(Int64.max).adding(Impressions(Int64.min)) == Impressions(-1))
        #expect(try Impressions(-1).subtracting(Impressions(Int64.max)) == Impressions(Int64.min))
    }

    static let overflowingSums: [(lhs: Int64, rhs: Int64)] = [
        (Int64.max, 1),
        (Int64.min, -1),
        (Int64.max, Int64.max),
    ]

    @Test(arguments: Self.overflowingSums)
    func addingRefusesOverflow(lhs: Int64, rhs: Int64) {
        let error = #expect(throws: QuantityError.self) { try Impressions(lhs).adding(Impressions(rhs)) }
        #expect(error?.code == .overflow)
    }

    static let overflowingDifferences: [(lhs: Int64, rhs: Int64)] = [
        (Int64.min, 1),
        (Int64.max, -1),
        (0, Int64.min),
    ]

    @Test(arguments: Self.overflowingDifferences)
    func subtractingRefusesOverflow(lhs: Int64, rhs: Int64) {
        let error = #expect(throws: QuantityError.self) { try Impressions(lhs).subtracting(Impressions(rhs)) }
        #expect(error?.code == .overflow)
    }

    static let overflowingProducts: [(count: Int64, factor: Int64)] = [
        (Int64.max, 2),
        (Int64.min, -1),
        (Int64.max / 2 + 1, 2),
        (-1, Int64.min),
    ]

    @Test(arguments: Self.overflowingProducts)
    func multiplyingRefusesOverflow(count: Int64, factor: Int64) {
        let error = #expect(throws: QuantityError.self) { try Impressions(count).multiplied(by: factor) }
        #expect(error?.code == .overflow)
    }

    @Test func overflowMessageNamesTheOperands() {
        let error = #expect(throws: QuantityError.self) { try Impressions(Int64.max).multiplied(by: 2) }
        #expect(
            error?.description == "cannot multiply 9223372036854775807 impressions by 2: the result is out of range"
        )
    }

    @Test func orderIsByCount() {
        #expect(Impressions(-1) < Impressions(0))
        #expect(Impressions(Int64.min) < Impressions(Int64.max))
        #expect(!(Impressions(5) < Impressions(5)))
        #expect([Impressions(3), Impressions(-2), Impressions(1)].max() == Impressions(3))
    }

    static let descriptions: [(count: Int64, expected: String)] = [
        (1, "1 impression"),
        (0, "0 impressions"),
        (-1, "-1 impressions"),
        (17_500, "17500 impressions"),
    ]

    @Test(arguments: Self.descriptions)
    func descriptionNamesTheUnit(count: Int64, expected: String) {
        #expect(Impressions(count).description == expected)
    }
}
