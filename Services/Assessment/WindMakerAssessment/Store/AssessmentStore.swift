public import WindMakerKit
public import WindMakerStorage

/// The assessment's storage, narrow enough for a PostgreSQL implementation: every operation takes the transaction
/// (or connection) it runs on, so an operation composes several in one atomic write.
public protocol AssessmentStore: Sendable {
    /// Stores `fact` unless its id is already taken. Returns whether it was stored.
    func insertFact(_ fact: Fact, late: Bool, receivedAt: Timestamp, in sql: Transaction) throws(StorageError) -> Bool
    /// The stored fact with `id`.
    func fact(_ id: FactID, in sql: Transaction) throws(StorageError) -> Fact?
    /// Visits every fact dated from `first` through `last`, in no particular order, without holding them all.
    func scanFacts(
        from first: CivilDate,
        through last: CivilDate,
        in database: any Database,
        _ visit: (FactRow) -> Void
    ) throws
    /// The periods that are FINAL.
    func finalPeriods(in sql: Transaction) throws(StorageError) -> Set<PeriodID>

    /// Stores a published rulebook.
    func insertRulebook(_ record: RulebookRecord, in sql: Transaction) throws(StorageError)
    /// The highest version published, if any.
    func latestRulebookVersion(in sql: some SQLExecuting) throws(StorageError) -> Int?
    /// The rulebook of `version`.
    func rulebook(version: Int, in sql: some SQLExecuting) throws(StorageError) -> RulebookRecord?
    /// The newest version effective on or before `period`.
    func rulebook(effectiveFor period: PeriodID, in sql: some SQLExecuting) throws(StorageError) -> RulebookRecord?

    /// The stored period, or `nil` when it was never computed (it is then OPEN).
    func period(_ period: PeriodID, in sql: some SQLExecuting) throws(StorageError) -> PeriodRecord?
    /// Every stored period, oldest first.
    func periods(in sql: some SQLExecuting) throws(StorageError) -> [PeriodRecord]
    /// Inserts or replaces the period's row.
    func savePeriod(_ record: PeriodRecord, in sql: Transaction) throws(StorageError)

    /// Replaces every scorecard of `period` (a recomputation before publishing) with `scorecards`.
    func replaceScorecards(_ scorecards: [Scorecard], of period: PeriodID, in sql: Transaction) throws(StorageError)
    /// Adds a new revision of a scorecard and makes it the current one.
    func insertRevision(_ scorecard: Scorecard, in sql: Transaction) throws(StorageError)
    /// Sets the rank of the current scorecard of `provider` in `period`.
    func setRank(_ rank: Int?, period: PeriodID, provider: ProviderID, in sql: Transaction) throws(StorageError)
    /// The current scorecard, or a given revision.
    func scorecard(
        period: PeriodID,
        provider: ProviderID,
        revision: Int?,
        in sql: some SQLExecuting
    )
        throws(StorageError) -> Scorecard?
    /// Every revision, oldest first.
    func scorecardHistory(
        period: PeriodID,
        provider: ProviderID,
        in sql: some SQLExecuting
    ) throws(StorageError)
        -> [Scorecard]
    /// The current scorecards of `period`, of one type or all, ordered by provider id.
    func currentScorecards(
        period: PeriodID,
        type: ProviderType?,
        in sql: some SQLExecuting
    ) throws(StorageError)
        -> [Scorecard]
    /// What reports need of each current scorecard of `period`, without reading whole breakdowns.
    func outcomes(period: PeriodID, in sql: some SQLExecuting) throws(StorageError) -> [ScorecardOutcome]
    /// The ranked current scorecards of one type in rank order, after rank `after`, at most `limit`.
    /// The current scorecards of a period by provider id, after `after`, at most `limit`.
    func currentScorecards(
        period: PeriodID,
        after: ProviderID?,
        limit: Int,
        in sql: some SQLExecuting
    ) throws(StorageError) -> [Scorecard]

    func rankings(
        period: PeriodID,
        type: ProviderType,
        after: Int,
        limit: Int,
        in sql: some SQLExecuting
    )
        throws(StorageError) -> [Scorecard]

    /// One appeal.
    func appeal(_ id: AppealID, in sql: some SQLExecuting) throws(StorageError) -> Appeal?
    /// The appeals on one scorecard, oldest first.
    func appeals(period: PeriodID, provider: ProviderID, in sql: some SQLExecuting) throws(StorageError) -> [Appeal]
    /// The pending appeals of a period.
    func pendingAppeals(period: PeriodID, in sql: some SQLExecuting) throws(StorageError) -> [Appeal]
    /// Inserts or replaces an appeal.
    func saveAppeal(_ appeal: Appeal, in sql: Transaction) throws(StorageError)

    /// Appends to the audit trail.
    func appendAudit(_ record: AuditRecord, in sql: Transaction) throws(StorageError)
}
