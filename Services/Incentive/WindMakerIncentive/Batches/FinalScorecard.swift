public import WindMakerKit

/// What the incentive service reads of one provider's current scorecard in a FINAL period of the assessment.
public struct FinalScorecard: Hashable, Sendable {
    public var provider: ProviderID
    public var providerType: ProviderType
    public var tier: String
    public var club: String?
    /// Net attributed GMV of the scorecard's window (paid GMV less refunds), fen.
    public var gmv: Int64
    public var disqualified: Bool
    public var revision: Int64
    public var rulebookVersion: Int64
    public var inputDigest: String

    public init(
        provider: ProviderID,
        providerType: ProviderType,
        tier: String,
        club: String?,
        gmv: Int64,
        disqualified: Bool,
        revision: Int64,
        rulebookVersion: Int64,
        inputDigest: String
    ) {
        self.provider = provider
        self.providerType = providerType
        self.tier = tier
        self.club = club
        self.gmv = gmv
        self.disqualified = disqualified
        self.revision = revision
        self.rulebookVersion = rulebookVersion
        self.inputDigest = inputDigest
    }
}

extension ScorecardInput {
    /// The input of `card`, with the previous period's GMV (for a growth basis) and the provider's standing.
    public init(_ card: FinalScorecard, previousGMV: Int64?, standing: ProviderStanding) {
        self.init(
            provider: card.provider,
            providerType: card.providerType,
            tier: card.tier,
            club: card.club,
            gmv: card.gmv,
            previousGMV: previousGMV,
            disqualified: card.disqualified,
            revision: card.revision,
            rulebookVersion: card.rulebookVersion,
            inputDigest: card.inputDigest,
            standing: standing
        )
    }
}
