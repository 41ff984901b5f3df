public import WindMakerKit

/// A provider's stored result for a period: the score with its whole breakdown, its rank within its type, the
/// rulebook version and input digest that produced it, and its revision (an upheld appeal adds one).
public struct Scorecard: Hashable, Sendable {
    public var period: PeriodID
    public var revision: Int
    public var score: Score
    public var rank: Int?
    public var rulebookVersion: Int
    /// SHA-256 of every input (``PeriodComputation``), plus the overrides of later revisions.
    public var inputDigest: String
    public var createdAt: Timestamp

    public init(
        period: PeriodID,
        revision: Int,
        score: Score,
        rank: Int?,
        rulebookVersion: Int,
        inputDigest: String,
        createdAt: Timestamp
    ) {
        self.period = period
        self.revision = revision
        self.score = score
        self.rank = rank
        self.rulebookVersion = rulebookVersion
        self.inputDigest = inputDigest
        self.createdAt = createdAt
    }

    public var providerID: ProviderID { self.score.providerID }
}
