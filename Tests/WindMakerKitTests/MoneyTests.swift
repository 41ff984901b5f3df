import Testing
import WindMakerKit

@Suite struct MoneyTests {
    // MARK: Currency

    @Test(arguments: ["CNY", "USD", "EUR", "XAU"])
    func validCurrencyCodesAreKept(code: String) throws {
        #expect(try Currency(code: code).code == code)
    }

    @Test(arguments: ["cny", "CN", "CNYY", "C1Y", "", " CNY", "CNÝ", "ＣＮＹ", "C\u{301}NY"])
    func invalidCurrencyCodesAreRefused(code: String) {
        let error = #expect(throws: QuantityError.self) { try Currency(code: code) }
        #expect(error?.code == .invalidCurrency)
    }

    @Test func fenIsCNY() throws {
        #expect(Money.fen(5) == Money(minorUnits: 5, currency: .cny))
        #expect(Money.zero(.cny) == .fen(0))
        // The same number of minor units in another currency is another amount.
        #expect(Money.fen(5) != Money(minorUnits: 5, currency: try Currency(code: "USD")))
    }

    // MARK: Description

    static let descriptions: [(minorUnits: Int64, expected: String)] = [
        (5, "0.05 CNY"),
        (-5, "-0.05 CNY"),
        (-1_230, "-12.30 CNY"),
        (0, "0.00 CNY"),
        (100, "1.00 CNY"),
        (123_456, "1234.56 CNY"),
        (Int64.max, "92233720368547758.07 CNY"),
        (Int64.min, "-92233720368547758.08 CNY"),
    ]

    @Test(arguments: Self.descriptions)
    func descriptionIsExact(minorUnits: Int64, expected: String) {
        #expect(Money.fen(minorUnits).description == expected)
    }

    // MARK: Arithmetic

    @Test func arithmeticInRange() throws {
        #expect(try Money.fen(500).adding(.fen(-120)) == .fen(380))
        #expect(try Money.fen(500).subtracting(.fen(620)) == .fen(-120))
        #expect(try Money.fen(-120).negated() == .fen(120))
        #expect(try Money.fen(0).negated() == .fen(0))
        #expect(try Money.fen(Int64.max).negated() == .fen(-Int64.max))
        #expect(try Money.fen(-120).multiplied(by: -3) == .fen(360))
        #expect(try Money.fen(Int64.min).multiplied(by: 1) == .fen(Int64.min))
        #expect(try Money.fen(Int64.max).adding(.fen(Int64.min)) == .fen(-1))
        #expect(try Money.fen(-1).subtracting(.fen(Int64.max)) == .fen(Int64.min))
    }

    static let overflowingSums: [(lhs: Int64, rhs: Int64)] = [
        (Int64.max, 1),
        (Int64.min, -1),
        (Int64.max, Int64.max),
        (Int64.min, Int64.min),
    ]

    @Test(arguments: Self.overflowingSums)
    func addingRefusesOverflow(lhs: Int64, rhs: Int64) {
        let error = #expect(throws: QuantityError.self) { try Money.fen(lhs).adding(.fen(rhs)) }
        #expect(error?.code == .overflow)
    }

    static let overflowingDifferences: [(lhs: Int64, rhs: Int64)] = [
        (Int64.min, 1),
        (Int64.max, -1),
        (0, Int64.min),
        (-2, Int64.max),
    ]

    @Test(arguments: Self.overflowingDifferences)
    func subtractingRefusesOverflow(lhs: Int64, rhs: Int64) {
        let error = #expect(throws: QuantityError.self) { try Money.fen(lhs).subtracting(.fen(rhs)) }
        #expect(error?.code == .overflow)
    }

    @Test func negatingTheMinimumIsRefused() {
        let error = #expect(throws: QuantityError.self) { try Money.fen(Int64.min).negated() }
        #expect(error?.code == .overflow)
    }

    static let overflowingProducts: [(minorUnits: Int64, factor: Int64)] = [
        (Int64.max, 2),
        (Int64.min, -1),
        (Int64.max / 2 + 1, 2),
        (Int64.min / 2 - 1, 2),
        (-1, Int64.min),
    ]

    @Test(arguments: Self.overflowingProducts)
    func multiplyingRefusesOverflow(minorUnits: Int64, factor: Int64) {
        let error = #expect(throws: QuantityError.self) { try Money.fen(minorUnits).multiplied(by: factor) }
        #expect(error?.code == .overflow)
    }

    @Test func overflowMessageNamesTheOperands() {
        let error = #expect(throws: QuantityError.self) { try Money.fen(Int64.max).adding(.fen(1)) }
        #expect(error?.description == "cannot add 0.01 CNY to 92233720368547758.07 CNY: the result is out of range")
    }

    // MARK: Currencies do not mix

    @Test func mixingCurrenciesIsRefused() throws {
        let dollar = Money(minorUnits: 100, currency: try Currency(code: "USD"))
        let yuan = Money.fen(500)

        let sum = #expect(throws: QuantityError.self) { try yuan.adding(dollar) }
        #expect(sum?.code == .currencyMismatch)
        #expect(sum?.description == "cannot add 1.00 USD to 5.00 CNY: the currencies differ")

        let difference = #expect(throws: QuantityError.self) { try yuan.subtracting(dollar) }
        #expect(difference?.code == .currencyMismatch)

        let comparison = #expect(throws: QuantityError.self) { try yuan.isLess(than: dollar) }
        #expect(comparison?.code == .currencyMismatch)
    }

    @Test func comparingTheSameCurrency() throws {
        #expect(try Money.fen(1).isLess(than: .fen(2)))
        #expect(try !Money.fen(2).isLess(than: .fen(1)))
        #expect(try !Money.fen(2).isLess(than: .fen(2)))
        #expect(try Money.fen(Int64.min).isLess(than: .fen(Int64.max)))
    }

    // MARK: Basis points

    /// An amount in fen and a rate, then the result rounded down (toward zero) and half-even; `nil` when half-even
    /// overflows.
    static let basisPoints: [(minorUnits: Int64, bps: Int64, down: Int64, halfEven: Int64?)] = [
        (12_345, 250, 308, 309),  // 308.625
        (5, 1_000, 0, 0),  // 0.5: the even neighbour is 0
        (15, 1_000, 1, 2),  // 1.5
        (25, 1_000, 2, 2),  // 2.5
        (6_000, 1, 0, 1),  // 0.6
        (4_000, 1, 0, 0),  // 0.4
        (7, 1, 0, 0),  // 0.0007
        (0, 250, 0, 0),
        (100, 10_000, 100, 100),
        (-12_345, 250, -308, -309),
        (-5, 1_000, 0, 0),
        (-15, 1_000, -1, -2),
        (-25, 1_000, -2, -2),
        (12_345, -250, -308, -309),
        (-12_345, -250, 308, 309),
        (Int64.max, 10_000, Int64.max, Int64.max),
        (Int64.min, 10_000, Int64.min, Int64.min),
        (Int64.max, -10_000, -Int64.max, -Int64.max),
        (Int64.max, 0, 0, 0),
        (Int64.max, 5_000, Int64.max / 2, Int64.max / 2 + 1),  // …903.5: the even neighbour is …904
        (Int64.min, 5_000, Int64.min / 2, Int64.min / 2),
        // The product needs 128 bits, the result 64: 9222449791875588249 × 10001 / 10000 = Int64.max + 0.8249,
        // so rounding down fits and rounding up does not.
        (9_222_449_791_875_588_249, 10_001, Int64.max, nil),
        // Negative, the same magnitude rounds up to 2^63, which fits as Int64.min.
        (-9_222_449_791_875_588_249, 10_001, Int64.min + 1, Int64.min),
    ]

    @Test(arguments: Self.basisPoints)
    func basisPointsRoundExactly(minorUnits: Int64, bps: Int64, down: Int64, halfEven: Int64?) throws {
        let amount = Money.fen(minorUnits)
        #expect(try amount.basisPoints(bps, rounding: .down) == .fen(down))
        if let halfEven {
            #expect(try amount.basisPoints(bps, rounding: .halfEven) == .fen(halfEven))
        } else {
            let error = #expect(throws: QuantityError.self) { try amount.basisPoints(bps, rounding: .halfEven) }
            #expect(error?.code == .overflow)
        }
    }

    static let overflowingBasisPoints: [(minorUnits: Int64, bps: Int64)] = [
        (Int64.max, 10_001),
        (Int64.min, 10_001),
        (Int64.min, -10_000),
        (Int64.max, Int64.max),
        (Int64.min, Int64.min),
        (Int64.max, Int64.min),
    ]

    @Test(arguments: Self.overflowingBasisPoints)
    func basisPointsRefuseOverflow(minorUnits: Int64, bps: Int64) {
        for rule in [Money.RoundingRule.down, .halfEven] {
            let error = #expect(throws: QuantityError.self) {
                try Money.fen(minorUnits).basisPoints(bps, rounding: rule)
            }
            #expect(error?.code == .overflow)
        }
    }

    @Test func basisPointsKeepTheCurrency() throws {
        let dollar = try Currency(code: "USD")
        let amount = Money(minorUnits: 10_000, currency: dollar)
        #expect(try amount.basisPoints(250, rounding: .down) == Money(minorUnits: 250, currency: dollar))
    }
}
