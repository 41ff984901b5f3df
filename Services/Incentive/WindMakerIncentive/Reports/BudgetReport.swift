import WindMakerKit
public import WindMakerStorage

/// A program's budget in one unit: what was funded, what live batches reserve, what was paid, and what is left.
public struct BudgetFigures: Hashable, Sendable {
    /// Put in from the funding source (fundings and top-ups), less what was returned to it.
    public var funded: Int64
    /// Reserved by pending transfers of live batches and held lines.
    public var reserved: Int64
    /// Paid to providers by posted batches.
    public var posted: Int64
    /// Returned by clawbacks (cash) or taken-back traffic.
    public var recovered: Int64
    /// What a new batch may still take.
    public var remaining: Int64

    init(account: Account?, fundedIn: Int64, returned: Int64) {
        self.funded = fundedIn - returned
        self.reserved = account?.debitsPending ?? 0
        self.posted = (account?.debitsPosted ?? 0) - returned
        self.recovered = (account?.creditsPosted ?? 0) - fundedIn
        self.remaining = account?.available ?? 0
    }
}

/// Both budgets of a program.
public struct BudgetReport: Hashable, Sendable {
    public var program: Program
    public var cash: BudgetFigures
    public var traffic: BudgetFigures
}

extension Incentive {
    /// The program's cash and traffic budgets, from its budget accounts.
    public func budget(_ id: ProgramID, in sql: some SQLExecuting) throws -> BudgetReport {
        let program = try self.program(id, in: sql)
        let funding = try self.store.funding(id, in: sql)
        return BudgetReport(
            program: program,
            cash: BudgetFigures(
                account: try self.ledger.account(program.budget(.fen), in: sql),
                fundedIn: funding.cash,
                returned: funding.returnedCash
            ),
            traffic: BudgetFigures(
                account: try self.ledger.account(program.budget(.impressions), in: sql),
                fundedIn: funding.traffic,
                returned: funding.returnedTraffic
            )
        )
    }
}
