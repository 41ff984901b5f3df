/// One of the five powers (五力) a provider is scored on.
public enum Dimension: String, Hashable, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    /// 流量运营: traffic operation.
    case traffic
    /// 直播运营: live-stream operation.
    case liveStream = "live_stream"
    /// 主播孵化: streamer incubation.
    case incubation
    /// 供应链: supply chain.
    case supplyChain = "supply_chain"
    /// 服务履约: service fulfilment.
    case fulfilment

    public static func < (lhs: Dimension, rhs: Dimension) -> Bool {
        Self.allCases.firstIndex(of: lhs)! < Self.allCases.firstIndex(of: rhs)!
    }

    /// The key used in rulebooks and on the wire, e.g. `live_stream`.
    public var description: String { self.rawValue }
}
