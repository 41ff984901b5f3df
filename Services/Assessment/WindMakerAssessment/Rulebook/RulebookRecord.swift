public import WindMakerKit

/// A published rulebook: its version, the first period it applies to, the document as published and its digest.
public struct RulebookRecord: Hashable, Sendable {
    public var version: Int
    /// Periods from this one on are computed under this version, until a later version takes effect.
    public var effectiveFrom: PeriodID
    /// The JSON document exactly as published.
    public var document: String
    /// SHA-256 of ``document``: part of every scorecard's input digest.
    public var digest: String
    public var publishedBy: String
    public var publishedAt: Timestamp
    /// ``document``, read.
    public var rulebook: Rulebook

    public init(
        version: Int,
        effectiveFrom: PeriodID,
        document: String,
        publishedBy: String,
        publishedAt: Timestamp
    ) throws(InvalidRequest) {
        self.version = version
        self.effectiveFrom = effectiveFrom
        self.document = document
        self.digest = SHA256.hash(document).hex
        self.publishedBy = publishedBy
        self.publishedAt = publishedAt
        self.rulebook = try Rulebook.read(Array(document.utf8))
    }
}
