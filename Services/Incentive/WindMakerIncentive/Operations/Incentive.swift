public import WindMakerKit
public import WindMakerStorage

/// The incentive service's operations over its store: programs and their funding, rules versions, batches and
/// their lifecycle, statements, budgets and reconciliation.
///
/// It reads no clock of its own: callers pass the time and the actor. Every change runs inside the caller's write
/// (`in sql`), so the adapter stores it together with its idempotency key; the ledger's transfers are part of the
/// same write, so a batch and the money it moves are stored whole or not at all.
///
/// Every change to a program (its funding, rules, batches and their lines) first takes the program's named lock
/// (``programLock(_:)``), so that on a shared store two instances' changes to one program queue rather than decide
/// on what the other is changing; the ledger then locks the accounts it moves money between.
public final class Incentive: Sendable {
    public let database: any Database
    public let ledger: Ledger
    let store = SQLiteIncentiveStore()
    /// How long a proposal waits for approval before it expires and releases its reservation.
    public let proposalLifetimeSeconds: Int64

    public init(database: any Database, proposalLifetimeDays: Int64 = 14) {
        self.database = database
        self.ledger = Ledger(database: database)
        self.proposalLifetimeSeconds = proposalLifetimeDays * 86_400
    }

    /// The named lock (``Transaction/lock(_:)``) every change to the program takes first.
    static func programLock(_ id: ProgramID) -> String {
        "program \(id)"
    }

    /// Opens the accounts every ledger has (funding sources, paid-out clearing); run once at start.
    public func prepare(at time: Timestamp) async throws {
        try await self.database.write { sql in
            try self.ledger.openMissing(LedgerAccounts.standing, at: time, in: sql)
        }
    }

    /// Creates a program with its two budget accounts; creating the same program again returns it, a program of
    /// that id with other settings is refused.
    public func createProgram(
        id: ProgramID,
        name: String,
        first: PeriodID,
        last: PeriodID,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> Program {
        try sql.lock(Incentive.programLock(id))
        let trimmed = name.trimmedWhitespace
        if let violation = TextRule.violation(of: trimmed, field: "name", maximum: 200) {
            throw IncentiveError.invalidArgument([violation])
        }
        guard first <= last else {
            throw IncentiveError.invalidArgument([
                FieldViolation(field: "last_period", description: "must not be before first_period (\(first))")
            ])
        }
        if let existing = try self.store.program(id, in: sql) {
            guard existing.name == trimmed, existing.first == first, existing.last == last else {
                throw IncentiveError.alreadyExists("program \(id) already exists with other settings")
            }
            return existing
        }
        let program = Program(id: id, name: trimmed, first: first, last: last, createdBy: actor, createdAt: time)
        try self.store.insertProgram(program, in: sql)
        try self.ledger.openMissing(LedgerAccounts.accounts(of: id), at: time, in: sql)
        try self.store.appendAudit(
            at: time,
            actor: actor,
            action: "create_program",
            program: id,
            subject: id.rawValue,
            detail: "\(trimmed), \(first) to \(last)",
            in: sql
        )
        return program
    }

    /// Funds the program's budgets from the funding sources: one posted transfer per unit with an amount.
    /// - Throws: `INVALID_ARGUMENT` when both amounts are zero or one is negative.
    public func fund(
        _ id: ProgramID,
        cash: Int64,
        traffic: Int64,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> BudgetReport {
        try sql.lock(Incentive.programLock(id))
        var violations: [FieldViolation] = []
        if cash < 0 { violations.append(FieldViolation(field: "cash_fen", description: "must not be negative")) }
        if traffic < 0 { violations.append(FieldViolation(field: "traffic", description: "must not be negative")) }
        if violations.isEmpty && cash == 0 && traffic == 0 {
            violations.append(FieldViolation(field: "cash_fen", description: "fund cash, traffic or both"))
        }
        guard violations.isEmpty else { throw IncentiveError.invalidArgument(violations) }
        _ = try self.program(id, in: sql)
        var funding = try self.store.funding(id, in: sql)
        funding.count += 1
        var group: [Transfer] = []
        for (unit, amount) in [(LedgerUnit.fen, cash), (.impressions, traffic)] where amount > 0 {
            group.append(
                Transfer(
                    id: try! TransferID("fund.\(id).\(funding.count).\(unit == .fen ? "cash" : "traffic")"),
                    debit: LedgerAccounts.funding(unit),
                    credit: LedgerAccounts.programBudget(id, unit),
                    amount: amount,
                    unit: unit,
                    pending: false
                )
            )
        }
        do {
            _ = try self.ledger.apply(group, at: time, in: sql)
        } catch let error as LedgerError {
            throw IncentiveError(error)
        }
        let (newCash, cashOverflow) = funding.cash.addingReportingOverflow(cash)
        let (newTraffic, trafficOverflow) = funding.traffic.addingReportingOverflow(traffic)
        guard !cashOverflow, !trafficOverflow else {
            throw IncentiveError.invalidArgument([
                FieldViolation(field: "cash_fen", description: "the program's funding would overflow 64 bits")
            ])
        }
        funding.cash = newCash
        funding.traffic = newTraffic
        try self.store.saveFunding(id, funding, in: sql)
        try self.store.appendAudit(
            at: time,
            actor: actor,
            action: "fund",
            program: id,
            subject: id.rawValue,
            detail: "cash \(cash) fen, traffic \(traffic) impressions",
            in: sql
        )
        return try self.budget(id, in: sql)
    }

    /// The most rules versions one program keeps.
    public static let maximumRulesVersions = 1_000

    /// Publishes `document` as the program's next rules version, in force from `effectiveFrom` until a version
    /// effective from a later period. Batches already computed keep the version they were computed under.
    public func publishRules(
        _ id: ProgramID,
        document: String,
        effectiveFrom: PeriodID,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> RulesVersion {
        try sql.lock(Incentive.programLock(id))
        let rules = try IncentiveError.checking { () throws(InvalidRequest) in
            try EntitlementRules.read(Array(document.utf8))
        }
        let program = try self.program(id, in: sql)
        guard program.covers(effectiveFrom) else {
            throw IncentiveError.invalidArgument([
                FieldViolation(
                    field: "effective_from",
                    description: "\(effectiveFrom) is outside the program (\(program.first) to \(program.last))"
                )
            ])
        }
        let versions = try self.store.rulesVersions(id, in: sql)
        guard versions.count < Self.maximumRulesVersions else {
            throw IncentiveError.failedPrecondition(
                "program \(id) already has \(versions.count) rules versions, the most a program keeps"
            )
        }
        let version = RulesVersion(
            program: id,
            version: (versions.last?.version ?? 0) + 1,
            effectiveFrom: effectiveFrom,
            document: document,
            rules: rules,
            publishedBy: actor,
            publishedAt: time
        )
        try self.store.insertRulesVersion(version, in: sql)
        try self.store.appendAudit(
            at: time,
            actor: actor,
            action: "publish_rules",
            program: id,
            subject: "v\(version.version)",
            detail: "effective from \(effectiveFrom)",
            in: sql
        )
        return version
    }

    /// The program's rules versions, oldest first.
    public func rulesVersions(_ id: ProgramID, in sql: some SQLExecuting) throws -> [RulesVersion] {
        _ = try self.program(id, in: sql)
        return try self.store.rulesVersions(id, in: sql)
    }

    /// One rules version of the program.
    public func rulesVersion(_ id: ProgramID, version: Int64, in sql: some SQLExecuting) throws -> RulesVersion {
        guard let found = try self.rulesVersions(id, in: sql).first(where: { $0.version == version }) else {
            throw IncentiveError.notFound(what: "rules version \(version) of program \(id)")
        }
        return found
    }

    /// The rules in force for `period`: of the versions effective from it or earlier, the one with the latest
    /// effective date (the latest published among equals).
    public func rules(_ id: ProgramID, for period: PeriodID, in sql: some SQLExecuting) throws -> RulesVersion {
        let candidates = try self.store.rulesVersions(id, in: sql).filter { $0.effectiveFrom <= period }
        // The latest effective date wins; among versions effective from the same period, the latest published.
        guard let version = candidates.max(by: { ($0.effectiveFrom, $0.version) < ($1.effectiveFrom, $1.version) })
        else {
            throw IncentiveError.failedPrecondition(
                "program \(id) has no rules in force for \(period); publish rules effective from \(period) or earlier"
            )
        }
        return version
    }

    /// The program, or `NOT_FOUND`.
    public func program(_ id: ProgramID, in sql: some SQLExecuting) throws -> Program {
        guard let program = try self.store.program(id, in: sql) else {
            throw IncentiveError.notFound(what: "program \(id)")
        }
        return program
    }

    /// Every program, by id.
    func programs(in sql: some SQLExecuting) throws -> [Program] {
        try self.store.programs(after: nil, limit: nil, in: sql)
    }

    /// A page of the programs, by id.
    public func programs(page: PageRequest, in sql: some SQLExecuting) throws -> Page<Program> {
        let (size, position) = try IncentiveError.checking { () throws(InvalidRequest) in
            try page.position(query: "programs")
        }
        var after: ProgramID?
        if let position {
            guard let id = try? ProgramID(position) else {
                throw IncentiveError.invalidArgument([
                    FieldViolation(field: "page.page_token", description: "invalid page token")
                ])
            }
            after = id
        }
        let rows = try self.store.programs(after: after, limit: size + 1, in: sql)
        return Page(rows, size: size, query: "programs") { $0.id.rawValue }
    }
}
