/// One value of a service's domain gauge, read from its store when metrics are scraped: say
/// `wm_registry_providers{type="LOCAL",status="ACTIVE"} 120`. Label values must come from a fixed set (types,
/// statuses, units), never from what callers sent, so the number of series stays bounded.
public struct GaugeReading: Sendable, Hashable {
    public let name: String
    public let labels: [String: String]
    public let value: Double

    public init(_ name: String, _ labels: [String: String] = [:], _ value: Double) {
        self.name = name
        self.labels = labels
        self.value = value
    }
}
