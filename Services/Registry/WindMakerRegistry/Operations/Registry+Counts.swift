public import WindMakerKit
public import WindMakerStorage

extension Registry {
    /// How many providers there are of every type in every status, zeros included (so a gauge falls to zero when
    /// the last provider leaves a status), for the metrics.
    public func providerCounts() throws(StorageError) -> [(type: ProviderType, status: ProviderStatus, count: Int64)] {
        var counts: [String: Int64] = [:]
        for row in try self.database.query("SELECT type, status, COUNT(*) FROM providers GROUP BY type, status", []) {
            counts["\(try row.value(at: 0, as: String.self)) \(try row.value(at: 1, as: String.self))"] =
                try row.value(at: 2, as: Int64.self)
        }
        return ProviderType.allCases.flatMap { type in
            ProviderStatus.allCases.map { status in
                (type, status, counts["\(type.rawValue) \(status.rawValue)"] ?? 0)
            }
        }
    }
}
