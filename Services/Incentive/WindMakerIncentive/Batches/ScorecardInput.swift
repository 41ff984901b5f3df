public import WindMakerKit

/// What a batch needs about one provider's current FINAL scorecard (from the assessment) and standing (from the
/// registry).
public struct ScorecardInput: Hashable, Sendable {
    public var provider: ProviderID
    public var providerType: ProviderType
    public var tier: String
    public var club: String?
    /// Net attributed GMV of the scorecard's window (paid GMV less refunds), fen.
    public var gmv: Int64
    /// The same figure of the previous period's scorecard, for a growth basis.
    public var previousGMV: Int64?
    public var disqualified: Bool
    public var revision: Int64
    public var rulebookVersion: Int64
    public var inputDigest: String
    public var standing: ProviderStanding

    public init(
        provider: ProviderID,
        providerType: ProviderType,
        tier: String,
        club: String?,
        gmv: Int64,
        previousGMV: Int64?,
        disqualified: Bool,
        revision: Int64,
        rulebookVersion: Int64,
        inputDigest: String,
        standing: ProviderStanding
    ) {
        self.provider = provider
        self.providerType = providerType
        self.tier = tier
        self.club = club
        self.gmv = gmv
        self.previousGMV = previousGMV
        self.disqualified = disqualified
        self.revision = revision
        self.rulebookVersion = rulebookVersion
        self.inputDigest = inputDigest
        self.standing = standing
    }
}
