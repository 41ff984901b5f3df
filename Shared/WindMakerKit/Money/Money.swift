/// An amount of money: a whole number of its currency's minor unit (fen for CNY), never a fraction of one.
///
/// Amounts are exact integers so that sums, payouts and ledger balances never drift; there is no floating point
/// anywhere. Every operation that would wrap refuses with ``QuantityError`` instead, and so does every operation
/// that would mix currencies. Amounts may be negative: a clawback is money too.
///
/// Not `Comparable`: 1 USD and 1 CNY have no order. ``isLess(than:)`` compares, refusing to mix currencies.
///
/// ```swift
/// let gmv = Money.fen(123_456)                            // 1234.56 CNY
/// let cash = try gmv.basisPoints(250, rounding: .down)    // 2.5 % of it: 30.86 CNY
/// let total = try cash.adding(.fen(14))                   // 31.00 CNY
/// ```
public struct Money: Hashable, Sendable, CustomStringConvertible {
    /// The amount in the currency's minor unit: 1234.56 CNY is 123456.
    public let minorUnits: Int64
    /// The currency the amount is counted in.
    public let currency: Currency

    /// Creates an amount of `minorUnits` of `currency`'s minor unit.
    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// An amount in fen, the minor unit of CNY: the program's own currency, so the common case is short.
    public static func fen(_ minorUnits: Int64) -> Money {
        Money(minorUnits: minorUnits, currency: .cny)
    }

    /// Nothing, in `currency`: where a sum starts.
    public static func zero(_ currency: Currency) -> Money {
        Money(minorUnits: 0, currency: currency)
    }

    /// The sum of this amount and `other`.
    /// - Throws: ``QuantityError`` with code `.currencyMismatch` when the currencies differ, `.overflow` when the sum
    ///   does not fit.
    public func adding(_ other: Money) throws(QuantityError) -> Money {
        try self.requireCurrency(of: other, "cannot add \(other) to \(self)")
        return try self.checked(
            self.minorUnits.addingReportingOverflow(other.minorUnits),
            "cannot add \(other) to \(self)"
        )
    }

    /// This amount less `other`.
    /// - Throws: ``QuantityError`` with code `.currencyMismatch` when the currencies differ, `.overflow` when the
    ///   difference does not fit.
    public func subtracting(_ other: Money) throws(QuantityError) -> Money {
        try self.requireCurrency(of: other, "cannot subtract \(other) from \(self)")
        return try self.checked(
            self.minorUnits.subtractingReportingOverflow(other.minorUnits),
            "cannot subtract \(other) from \(self)"
        )
    }

    /// The amount with its sign reversed, e.g. to reverse a ledger entry.
    /// - Throws: ``QuantityError`` with code `.overflow` for the one amount whose negation does not fit,
    ///   `Int64.min` minor units.
    public func negated() throws(QuantityError) -> Money {
        try self.checked((0 as Int64).subtractingReportingOverflow(self.minorUnits), "cannot negate \(self)")
    }

    /// This amount `factor` times, e.g. a per-order reward times the number of orders.
    /// - Throws: ``QuantityError`` with code `.overflow` when the product does not fit.
    public func multiplied(by factor: Int64) throws(QuantityError) -> Money {
        try self.checked(
            self.minorUnits.multipliedReportingOverflow(by: factor),
            "cannot multiply \(self) by \(factor)"
        )
    }

    /// `bps` basis points (hundredths of a percent) of this amount, rounded to a whole minor unit by `rule`: the
    /// incentive program's "cash as basis points of GMV".
    ///
    /// Exact for every `Int64` amount and rate: the product is formed in 128 bits, so only a result that itself
    /// does not fit is refused. A negative amount or rate gives a negative result.
    ///
    /// ```swift
    /// try Money.fen(12_345).basisPoints(250, rounding: .down)        // 308.625 fen: 3.08 CNY
    /// try Money.fen(12_345).basisPoints(250, rounding: .halfEven)    // 3.09 CNY
    /// ```
    /// - Throws: ``QuantityError`` with code `.overflow` when the rounded result does not fit.
    public func basisPoints(_ bps: Int64, rounding rule: RoundingRule) throws(QuantityError) -> Money {
        let divisor: UInt64 = 10_000
        // On magnitudes, so that both rules are symmetric about zero and the product needs no sign bit.
        let product = self.minorUnits.magnitude.multipliedFullWidth(by: bps.magnitude)
        // `dividingFullWidth` traps when the quotient needs more than 64 bits, which is exactly when this fails.
        guard product.high < divisor else {
            throw QuantityError(.overflow, "cannot take \(bps) basis points of \(self): the result is out of range")
        }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        let roundsAwayFromZero =
            switch rule {
            case .down: false
            case .halfEven: remainder * 2 > divisor || (remainder * 2 == divisor && quotient % 2 == 1)
            }
        let (magnitude, carried) = quotient.addingReportingOverflow(roundsAwayFromZero ? 1 : 0)
        let isNegative = (self.minorUnits < 0) != (bps < 0)
        guard !carried, let minorUnits = Self.signed(magnitude, negative: isNegative) else {
            throw QuantityError(.overflow, "cannot take \(bps) basis points of \(self): the result is out of range")
        }
        return Money(minorUnits: minorUnits, currency: self.currency)
    }

    /// Whether this amount is less than `other`.
    /// - Throws: ``QuantityError`` with code `.currencyMismatch` when the currencies differ: such amounts have no
    ///   order.
    public func isLess(than other: Money) throws(QuantityError) -> Bool {
        try self.requireCurrency(of: other, "cannot compare \(self) with \(other)")
        return self.minorUnits < other.minorUnits
    }

    /// The amount in major units with two decimals, then the currency code: `1234.56 CNY`, `-0.05 CNY`. For logs
    /// and messages; what a customer sees is formatted for their locale elsewhere.
    public var description: String {
        // The magnitude is unsigned, so Int64.min has one too.
        let magnitude = self.minorUnits.magnitude
        let cents = magnitude % 100
        let sign = self.minorUnits < 0 ? "-" : ""
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents) \(self.currency.code)"
    }

    // The failure's text is built only when it is thrown, so arithmetic that succeeds formats nothing.
    private func requireCurrency(of other: Money, _ action: @autoclosure () -> String) throws(QuantityError) {
        guard self.currency == other.currency else {
            throw QuantityError(.currencyMismatch, "\(action()): the currencies differ")
        }
    }

    private func checked(
        _ result: (partialValue: Int64, overflow: Bool),
        _ action: @autoclosure () -> String
    ) throws(QuantityError) -> Money {
        guard !result.overflow else {
            throw QuantityError(.overflow, "\(action()): the result is out of range")
        }
        return Money(minorUnits: result.partialValue, currency: self.currency)
    }

    /// `magnitude` with a sign, or nil when it does not fit: at most 2^63 - 1 positive, 2^63 negative.
    private static func signed(_ magnitude: UInt64, negative: Bool) -> Int64? {
        guard negative else { return Int64(exactly: magnitude) }
        guard magnitude <= Int64.min.magnitude else { return nil }
        // Two's complement negation, which also gives 2^63 as Int64.min, the one value `-Int64(_:)` cannot reach.
        return Int64(bitPattern: 0 &- magnitude)
    }
}

extension Money {
    /// How ``Money/basisPoints(_:rounding:)`` makes a whole minor unit of a fraction.
    ///
    /// The caller chooses each time, because the right rule is a business decision: a payout rounds down so the
    /// program never pays a fen that was not earned; a statistic may prefer half-even, which has no bias.
    public enum RoundingRule: Hashable, Sendable {
        /// Toward zero, dropping the fraction: 308.625 becomes 308, -308.625 becomes -308.
        case down
        /// To the nearest whole, exact halves to the even neighbour (banker's rounding): 0.5 becomes 0, 1.5 and 2.5
        /// become 2, -2.5 becomes -2.
        case halfEven
    }
}
