public import WindMakerKit

/// A program: what it is called, the months it pays for, and its two budget accounts, funded by transfers from the
/// funding source.
public struct Program: Hashable, Sendable {
    public var id: ProgramID
    public var name: String
    /// The first and last period the program pays for.
    public var first: PeriodID
    public var last: PeriodID
    public var createdBy: String
    public var createdAt: Timestamp

    public init(id: ProgramID, name: String, first: PeriodID, last: PeriodID, createdBy: String, createdAt: Timestamp) {
        self.id = id
        self.name = name
        self.first = first
        self.last = last
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// Whether the program pays for `period`.
    public func covers(_ period: PeriodID) -> Bool { self.first <= period && period <= self.last }

    /// The program's budget account for `unit`.
    public func budget(_ unit: LedgerUnit) -> AccountID { LedgerAccounts.programBudget(self.id, unit) }
}
