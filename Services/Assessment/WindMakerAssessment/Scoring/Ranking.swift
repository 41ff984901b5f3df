public import WindMakerKit

/// Ranks within each provider type: ranked scores by composite, highest first, ties by provider id; rank 1 is the
/// top. Unranked scores (below the rulebook's GMV minimum) get no rank.
public enum Ranking {
    /// The rank of every ranked provider.
    public static func ranks(_ scores: [Score]) -> [ProviderID: Int] {
        var result: [ProviderID: Int] = [:]
        let byType = Dictionary(grouping: scores.filter(\.ranked), by: \.providerType)
        for (_, group) in byType {
            let ordered = group.sorted {
                $0.composite != $1.composite
                    ? $0.composite > $1.composite : $0.providerID.rawValue < $1.providerID.rawValue
            }
            for (index, score) in ordered.enumerated() {
                result[score.providerID] = index + 1
            }
        }
        return result
    }
}
