/// A number of ad impressions: the unit of the traffic the program grants providers and budgets for.
///
/// A type of its own rather than a bare `Int64`, so that traffic and ``Money`` cannot be mixed: there is no
/// arithmetic between them and no numeric protocol both conform to. The count is signed because ledger entries
/// reverse grants; arithmetic refuses to overflow, with ``QuantityError``.
///
/// ```swift
/// let granted = try Impressions(10_000).multiplied(by: 3)      // 30000 impressions
/// let left = try granted.subtracting(Impressions(12_500))      // 17500 impressions
/// ```
public struct Impressions: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// How many impressions; negative for a reversal.
    public let count: Int64

    /// Creates a count of `count` impressions.
    public init(_ count: Int64) {
        self.count = count
    }

    /// The sum of this count and `other`.
    /// - Throws: ``QuantityError`` with code `.overflow` when the sum does not fit.
    public func adding(_ other: Impressions) throws(QuantityError) -> Impressions {
        try Self.checked(self.count.addingReportingOverflow(other.count), "cannot add \(other) to \(self)")
    }

    /// This count less `other`.
    /// - Throws: ``QuantityError`` with code `.overflow` when the difference does not fit.
    public func subtracting(_ other: Impressions) throws(QuantityError) -> Impressions {
        try Self.checked(self.count.subtractingReportingOverflow(other.count), "cannot subtract \(other) from \(self)")
    }

    /// This count `factor` times, e.g. a daily grant times the number of days.
    /// - Throws: ``QuantityError`` with code `.overflow` when the product does not fit.
    public func multiplied(by factor: Int64) throws(QuantityError) -> Impressions {
        try Self.checked(self.count.multipliedReportingOverflow(by: factor), "cannot multiply \(self) by \(factor)")
    }

    public static func < (lhs: Impressions, rhs: Impressions) -> Bool { lhs.count < rhs.count }

    /// The count and the unit, for logs and messages: `1 impression`, `17500 impressions`.
    public var description: String { self.count == 1 ? "1 impression" : "\(self.count) impressions" }

    // The failure's text is built only when it is thrown, so arithmetic that succeeds formats nothing.
    private static func checked(
        _ result: (partialValue: Int64, overflow: Bool),
        _ action: @autoclosure () -> String
    ) throws(QuantityError) -> Impressions {
        guard !result.overflow else {
            throw QuantityError(.overflow, "\(action()): the result is out of range")
        }
        return Impressions(result.partialValue)
    }
}
