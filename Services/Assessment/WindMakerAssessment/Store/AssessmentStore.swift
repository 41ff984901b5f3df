public import WindMakerKit
public import WindMakerStorage

/// The assessment's storage, narrow enough for a PostgreSQL implementation: every operation takes the transaction
/// (or connection) it runs on, so an operation composes several in one atomic write.
public protocol AssessmentStore: Sendable {
    /// Stores `fact` unless its id is already taken. Returns whether it was stored.
    func insertFact(_ fact: Fact, late: Bool, receivedAt: Timestamp, in sql: Transaction) throws(StorageError) -> Bool
    /// The stored fact with `id`.
    func fact(_ id: FactID, in sql: Transaction) throws(StorageError) -> Fact?
    /// Facts dated from `first` through `last`, ordered by id.
    func facts(from first: CivilDate, through last: CivilDate, in sql: some SQLExecuting) throws(StorageError) -> [Fact]
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
}
