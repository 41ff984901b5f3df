public import WindMakerKit

/// One daily figure a data pipeline reports, with its unit, the binding scope that attributes a client's figure to
/// a provider, and the largest value one fact may carry (docs/ASSESSMENT.md has the table).
public enum Metric: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case paidGMV = "PAID_GMV"
    case refunds = "REFUNDS"
    case orders = "ORDERS"
    case buyers = "BUYERS"
    case repeatBuyers = "REPEAT_BUYERS"
    case complaints = "COMPLAINTS"
    case liveMinutes = "LIVE_MINUTES"
    case liveGMV = "LIVE_GMV"
    case newFollowers = "NEW_FOLLOWERS"
    case adSpend = "AD_SPEND"
    case adGMV = "AD_GMV"
    case streamersIncubated = "STREAMERS_INCUBATED"
    case activeSKUs = "ACTIVE_SKUS"
    case skusSold = "SKUS_SOLD"
    case shipmentsOnTime = "SHIPMENTS_ON_TIME"
    case shipmentsTotal = "SHIPMENTS_TOTAL"
    /// Confirmed violations, each fact with a ``ViolationKind``.
    case violations = "VIOLATIONS"

    /// The unit of the metric's values.
    public var unit: MetricUnit {
        switch self {
        case .paidGMV, .refunds, .liveGMV, .adSpend, .adGMV: .fen
        case .liveMinutes: .minutes
        default: .count
        }
    }

    /// The binding scope under which a client's fact of this metric counts for a provider.
    public var scope: BindingScope {
        switch self {
        case .paidGMV, .refunds, .orders, .buyers, .repeatBuyers, .complaints, .violations: .storeOperation
        case .liveMinutes, .liveGMV, .newFollowers, .streamersIncubated: .liveStreamOperation
        case .adSpend, .adGMV: .advertising
        case .activeSKUs, .skusSold, .shipmentsOnTime, .shipmentsTotal: .supplyChain
        }
    }

    /// The largest value one daily fact may carry: ¥100B for money, a day's minutes for live time, and bounds far
    /// above any real day elsewhere, so that sums over a year of facts cannot overflow 64 bits.
    public var dailyMaximum: Int64 {
        switch self {
        case .paidGMV, .refunds, .liveGMV, .adSpend, .adGMV: 10_000_000_000_000
        case .liveMinutes: 1_440
        case .streamersIncubated, .violations: 1_000_000
        default: 1_000_000_000
        }
    }

    /// The metric's position in ``allCases``, for tables indexed by metric (a switch: this runs once per fact).
    public var ordinal: Int {
        switch self {
        case .paidGMV: 0
        case .refunds: 1
        case .orders: 2
        case .buyers: 3
        case .repeatBuyers: 4
        case .complaints: 5
        case .liveMinutes: 6
        case .liveGMV: 7
        case .newFollowers: 8
        case .adSpend: 9
        case .adGMV: 10
        case .streamersIncubated: 11
        case .activeSKUs: 12
        case .skusSold: 13
        case .shipmentsOnTime: 14
        case .shipmentsTotal: 15
        case .violations: 16
        }
    }

    /// The metric whose name is the UTF-8 `bytes`, compared byte for byte without building a string (a period's
    /// computation reads one name per stored fact).
    public static func named(_ bytes: UnsafeBufferPointer<UInt8>) -> Metric? {
        for (metric, name) in Self.names where name.count == bytes.count && name.elementsEqual(bytes) {
            return metric
        }
        return nil
    }

    private static let names = Self.allCases.map { ($0, Array($0.rawValue.utf8)) }

    /// The wire and storage name, e.g. `PAID_GMV`.
    public var description: String { self.rawValue }
}
