/// The sums of a provider's facts over a window, per metric, with the fake-order violations counted apart.
///
/// Sums saturate at `Int64.max` instead of wrapping: a fact holds at most its metric's daily maximum, so only
/// billions of facts for one provider could get there, and a saturated sum still scores at the top of any curve.
public struct MetricTotals: Hashable, Sendable {
    /// By ``Metric/ordinal``: a fixed array, since a period's computation adds to it once per fact.
    private var values = [Int64](repeating: 0, count: Metric.allCases.count)
    /// Confirmed ``ViolationKind/fakeOrder`` violations (also counted in ``Metric/violations``).
    public private(set) var fakeOrders: Int64 = 0

    public init() {}

    /// The total of `metric`, 0 without facts.
    public subscript(metric: Metric) -> Int64 {
        self.values[metric.ordinal]
    }

    /// Adds one fact's value.
    public mutating func add(_ metric: Metric, _ value: Int64, kind: ViolationKind? = nil) {
        self.values[metric.ordinal] = Self.saturatingSum(self.values[metric.ordinal], value)
        if kind == .fakeOrder {
            self.fakeOrders = Self.saturatingSum(self.fakeOrders, value)
        }
    }

    /// Adds every total of `other`.
    public mutating func add(_ other: MetricTotals) {
        for index in self.values.indices {
            self.values[index] = Self.saturatingSum(self.values[index], other.values[index])
        }
        self.fakeOrders = Self.saturatingSum(self.fakeOrders, other.fakeOrders)
    }

    /// Paid GMV net of refunds, in fen (negative when refunds exceed sales).
    public var netGMV: Int64 {
        self[.paidGMV] - self[.refunds]
    }

    private static func saturatingSum(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }
}
