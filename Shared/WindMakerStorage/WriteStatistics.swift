/// Counters of ``Database/write(_:)`` since the database was opened: how many operations shared each commit.
///
/// `operations / commits` is the mean group size; under one caller at a time it is 1, under concurrent callers it
/// grows towards ``WriteQueueLimits/maximumGroupSize``.
public struct WriteStatistics: Hashable, Sendable {
    /// Operations whose body ran in a group, whether it returned or threw.
    public var operations = 0
    /// Group transactions that committed.
    public var commits = 0
    /// Group transactions that were rolled back as a whole (a failed `BEGIN`, `COMMIT` or savepoint statement).
    public var failedTransactions = 0
    /// The most operations run in one transaction.
    public var largestGroup = 0
    /// Operations waiting for a group now.
    public var queued = 0

    /// All zero.
    public init() {}
}
