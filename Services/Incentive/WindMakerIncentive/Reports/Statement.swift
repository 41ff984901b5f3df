public import WindMakerKit
public import WindMakerStorage

/// One provider's statement for a program's period: every line of every batch of the period, each tracing to its
/// scorecard (revision, rulebook version, input digest), the rules version, and the arithmetic in words.
public struct Statement: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var batch: Batch
        public var line: EntitlementLine
    }

    public var program: ProgramID
    public var period: PeriodID
    public var provider: ProviderID
    public var entries: [Entry]

    /// Paid out over the period's posted lines, fen.
    public var paid: Int64 {
        self.entries.filter { $0.line.status == .paid }.reduce(0) { $0 + $1.line.payout }
    }
}

extension Incentive {
    public func statement(
        _ program: ProgramID,
        period: PeriodID,
        provider: ProviderID,
        in sql: some SQLExecuting
    ) throws -> Statement {
        _ = try self.program(program, in: sql)
        let lines = try self.store.lines(program, period, provider: provider, in: sql)
        guard !lines.isEmpty else {
            throw IncentiveError.notFound(what: "a statement of \(provider) for \(program) \(period)")
        }
        var entries: [Statement.Entry] = []
        for line in lines {
            entries.append(Statement.Entry(batch: try self.batch(line.batch, in: sql), line: line))
        }
        return Statement(program: program, period: period, provider: provider, entries: entries)
    }
}
