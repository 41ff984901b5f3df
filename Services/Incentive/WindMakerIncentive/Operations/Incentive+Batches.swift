public import WindMakerKit
public import WindMakerStorage

/// Computing a period's batch, and its lifecycle: approval under the four-eyes rule, posting after the hold
/// period, rejection and expiry.
extension Incentive {
    /// What computing a period produced: a new batch, or the one already there (computing twice never creates a
    /// second batch; a period already paid whose scorecards did not change has nothing to adjust).
    public struct ComputeOutcome: Hashable, Sendable {
        public var batch: Batch
        public var created: Bool
    }

    /// Computes the entitlements of `program` for `period` from `inputs` (the period's FINAL scorecards and each
    /// provider's standing) and proposes them as a batch whose pending transfers reserve the budget.
    ///
    /// - A live batch of the period (proposed or approved) is returned as it is.
    /// - Once the period was paid, only providers whose scorecard was revised get a line: an adjustment batch.
    /// - Periods are paid in order: an earlier period's live batch must be posted or rejected first.
    /// - Throws: `FAILED_PRECONDITION` when no rules are in force, the program does not cover the period, or the
    ///   budget cannot cover the batch and the rules say fail (naming the shortfall).
    public func computeBatch(
        _ programID: ProgramID,
        period: PeriodID,
        inputs: [ScorecardInput],
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> ComputeOutcome {
        try sql.lock(Incentive.programLock(programID))
        let program = try self.program(programID, in: sql)
        guard program.covers(period) else {
            throw IncentiveError.failedPrecondition(
                "program \(programID) pays \(program.first) to \(program.last), not \(period)"
            )
        }
        let existing = try self.store.batches(programID, period, in: sql)
        if let live = existing.last(where: { $0.state.isLive }) { return ComputeOutcome(batch: live, created: false) }
        let kind: BatchKind = existing.contains { $0.state == .posted } ? .adjustment : .regular
        if kind == .regular {
            if let earlier = try self.store.liveBatches(programID, in: sql).first(where: { $0.id.period < period }) {
                throw IncentiveError.failedPrecondition(
                    "periods are paid in order: batch \(earlier.id) is \(earlier.state); post or reject it first"
                )
            }
            // Carried-forward amounts flow from each period to the next, so an earlier period cannot be paid after
            // a later one.
            if let later = try self.store.laterBatch(programID, after: period, in: sql) {
                throw IncentiveError.failedPrecondition(
                    "periods are paid in order: \(later.id.period) already has batch \(later.id) (\(later.state)), so "
                        + "\(period) can no longer be paid"
                )
            }
        }
        // An adjustment re-rates revised scorecards under the rules the period was paid under, like everyone else's.
        let rules =
            try existing.first { $0.kind == .regular && $0.state == .posted }
            .map { try self.rulesVersion(programID, version: $0.rulesVersion, in: sql) }
            ?? self.rules(programID, for: period, in: sql)
        let id = BatchID(program: programID, period: period, sequence: (existing.last?.id.sequence ?? 0) + 1)
        let cash = try self.ledger.account(program.budget(.fen), in: sql)?.available ?? 0
        let traffic = try self.ledger.account(program.budget(.impressions), in: sql)?.available ?? 0
        let lines = try BatchPlanner.plan(
            id,
            kind: kind,
            rules: rules.rules,
            inputs: inputs.sorted { $0.provider < $1.provider },
            history: try self.store.history(programID, period, in: sql),
            budget: BatchPlanner.Budget(cash: cash, traffic: traffic)
        )
        if kind == .adjustment && lines.isEmpty, let paid = existing.last(where: { $0.state == .posted }) {
            return ComputeOutcome(batch: paid, created: false)
        }
        var totals = BatchTotals()
        for line in lines { totals.add(line) }
        let batch = Batch(
            id: id,
            kind: kind,
            rulesVersion: rules.version,
            proposedBy: actor,
            proposedAt: time,
            expiresAt: time.adding(seconds: self.proposalLifetimeSeconds),
            totals: totals
        )
        try self.store.saveBatch(batch, in: sql)
        var reservations: [Transfer] = []
        for line in lines {
            try self.store.insertLine(line, in: sql)
            guard line.status.isOpen else { continue }
            try self.ledger.openMissing(LedgerAccounts.accounts(of: line.provider), at: time, in: sql)
            reservations += Self.reservations(of: line, program: program)
        }
        try self.applyLedger(reservations, at: time, in: sql)
        try self.store.appendAudit(
            at: time,
            actor: actor,
            action: "propose",
            program: programID,
            subject: id.description,
            detail: "\(kind.rawValue) batch: \(totals.lines) lines, cash \(totals.cash) fen, traffic \(totals.traffic)",
            in: sql
        )
        return ComputeOutcome(batch: batch, created: true)
    }

    /// Approves a proposed batch: by a different identity than the proposer (the four-eyes rule), before it
    /// expires. Posting may follow once the rules' hold period has passed.
    public func approve(_ id: BatchID, actor: String, at time: Timestamp, in sql: Transaction) throws -> Batch {
        try sql.lock(Incentive.programLock(id.program))
        var batch = try self.batch(id, in: sql)
        guard batch.proposedBy != actor else {
            throw IncentiveError.permissionDenied(
                "four-eyes rule: \(actor) proposed batch \(id) and may not approve it; another finance approver must"
            )
        }
        try Self.transition(&batch, .approve)
        guard time < batch.expiresAt else {
            throw IncentiveError.failedPrecondition("batch \(id) expired at \(batch.expiresAt); compute it again")
        }
        let rules = try self.store.rulesVersions(id.program, in: sql).first { $0.version == batch.rulesVersion }
        batch.approvedBy = actor
        batch.approvedAt = time
        batch.postableAt = time.adding(seconds: (rules?.rules.holdDays ?? 0) * 86_400)
        try self.store.saveBatch(batch, in: sql)
        try self.store.appendAudit(
            at: time,
            actor: actor,
            action: "approve",
            program: id.program,
            subject: id.description,
            detail: "postable at \(batch.postableAt!)",
            in: sql
        )
        return batch
    }

    /// Rejects a proposed or approved batch, voiding its pending transfers and releasing the reservation.
    public func reject(
        _ id: BatchID,
        reason: String,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> Batch {
        try sql.lock(Incentive.programLock(id.program))
        if let violation = TextRule.violation(of: reason.trimmedWhitespace, field: "reason", maximum: 500) {
            throw IncentiveError.invalidArgument([violation])
        }
        var batch = try self.batch(id, in: sql)
        try Self.transition(&batch, .reject)
        try self.close(&batch, by: actor, reason: reason.trimmedWhitespace, at: time, in: sql)
        try self.store.appendAudit(
            at: time,
            actor: actor,
            action: "reject",
            program: id.program,
            subject: id.description,
            detail: reason.trimmedWhitespace,
            in: sql
        )
        return batch
    }

    /// Expires every proposal whose approval deadline has passed, releasing what it reserved; returns them.
    public func expireProposals(at time: Timestamp, in sql: Transaction) throws -> [Batch] {
        // Read again once their programs are locked: another instance may have approved one meanwhile.
        let programs = try self.store.expiredProposals(at: time, in: sql).map { Self.programLock($0.id.program) }
        try sql.lock(programs)
        var expired: [Batch] = []
        for var batch in try self.store.expiredProposals(at: time, in: sql) {
            try Self.transition(&batch, .expire)
            try self.close(&batch, by: "system", reason: "not approved by \(batch.expiresAt)", at: time, in: sql)
            try self.store.appendAudit(
                at: time,
                actor: "system",
                action: "expire",
                program: batch.id.program,
                subject: batch.id.description,
                detail: "not approved by \(batch.expiresAt)",
                in: sql
            )
            expired.append(batch)
        }
        return expired
    }

    /// What posting did to the batch's open lines.
    public struct PostOutcome: Hashable, Sendable {
        public var batch: Batch
        public var paid = 0
        public var held = 0
        public var voided = 0
    }

    /// Posts an approved batch once its hold period has passed: lines of ACTIVE providers are paid, those of
    /// SUSPENDED providers held, the rest voided. Posting a posted batch again releases held lines whose provider
    /// was reinstated (or voids them once terminated); with none held it is refused.
    /// - Parameter standings: each line's provider as the registry reports it now.
    public func post(
        _ id: BatchID,
        standings: [ProviderID: ProviderStanding],
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> PostOutcome {
        try sql.lock(Incentive.programLock(id.program))
        var batch = try self.batch(id, in: sql)
        let lines = try self.store.lines(id, openOnly: true, in: sql)
        if batch.state == .posted {
            guard lines.contains(where: { $0.status == .held }) else {
                throw IncentiveError.failedPrecondition(
                    "batch \(id) is already POSTED and holds no lines; nothing to post"
                )
            }
            let waiting = lines.filter { standings[$0.provider] == .suspended }.count
            guard waiting < lines.count else {
                throw IncentiveError.failedPrecondition(
                    "batch \(id) is POSTED and each of its \(waiting) held lines waits for a provider still "
                        + "SUSPENDED: nothing to release yet"
                )
            }
        } else {
            try Self.transition(&batch, .post)
            if let postable = batch.postableAt, time < postable {
                throw IncentiveError.failedPrecondition(
                    "batch \(id) is in its hold period until \(postable); post it then"
                )
            }
            batch.postedAt = time
        }
        let program = try self.program(id.program, in: sql)
        var toPost: [TransferID] = []
        var toVoid: [TransferID] = []
        var created: [Transfer] = []
        var outcome = PostOutcome(batch: batch)
        for var line in lines {
            let standing = standings[line.provider] ?? .ineligible("provider \(line.provider) is not in the registry")
            switch standing {
            case .active:
                // Paid lines alone move money either way: payouts out, and clawbacks back as receivables.
                toPost += Self.reservations(of: line, program: program).map(\.id)
                created += Self.payouts(of: line) + Self.recoveries(of: line, program: program)
                if line.status == .held { line.explanation.append("released: the provider is ACTIVE again; paid") }
                line.status = .paid
                outcome.paid += 1
            case .suspended:
                if line.status != .held { line.explanation.append("provider is SUSPENDED: held until reinstated") }
                line.status = .held
                outcome.held += 1
            case .ineligible(let reason):
                toVoid += Self.reservations(of: line, program: program).map(\.id)
                line.explanation.append("voided at payout: \(reason)")
                line.status = .voided
                outcome.voided += 1
            }
            try self.store.saveLineStatus(line, in: sql)
        }
        do {
            _ = try self.ledger.finish(toPost, .post, at: time, in: sql)
            _ = try self.ledger.finish(toVoid, .void, at: time, in: sql)
        } catch let error as LedgerError {
            throw IncentiveError(error)
        }
        try self.applyLedger(created, at: time, in: sql)
        try self.store.saveBatch(batch, in: sql)
        try self.store.appendAudit(
            at: time,
            actor: actor,
            action: "post",
            program: id.program,
            subject: id.description,
            detail: "\(outcome.paid) paid, \(outcome.held) held, \(outcome.voided) voided",
            in: sql
        )
        outcome.batch = batch
        return outcome
    }

    /// The batch, or `NOT_FOUND`.
    public func batch(_ id: BatchID, in sql: some SQLExecuting) throws -> Batch {
        guard let batch = try self.store.batch(id, in: sql) else { throw IncentiveError.notFound(what: "batch \(id)") }
        return batch
    }

    /// The batch's lines, by provider.
    public func lines(_ id: BatchID, in sql: some SQLExecuting) throws -> [EntitlementLine] {
        _ = try self.batch(id, in: sql)
        return try self.store.lines(id, in: sql)
    }

    /// A page of the batch's lines, by provider.
    public func lines(_ id: BatchID, page: PageRequest, in sql: some SQLExecuting) throws -> Page<EntitlementLine> {
        let cursor = try IncentiveError.checking { () throws(InvalidRequest) in
            try page.cursor(query: "lines \(id)", as: ProviderID.self)
        }
        _ = try self.batch(id, in: sql)
        let rows = try self.store.lines(id, after: cursor.after, limit: cursor.size + 1, in: sql)
        return Page(rows, cursor: cursor) { $0.provider.rawValue }
    }

    /// Voids the open lines of a batch that is being rejected or has expired.
    private func close(
        _ batch: inout Batch,
        by actor: String,
        reason: String,
        at time: Timestamp,
        in sql: Transaction
    )
        throws
    {
        let program = try self.program(batch.id.program, in: sql)
        var toVoid: [TransferID] = []
        for var line in try self.store.lines(batch.id, openOnly: true, in: sql) {
            toVoid += Self.reservations(of: line, program: program).map(\.id)
            line.status = .voided
            try self.store.saveLineStatus(line, in: sql)
        }
        do {
            _ = try self.ledger.finish(toVoid, .void, at: time, in: sql)
        } catch let error as LedgerError {
            throw IncentiveError(error)
        }
        batch.closedBy = actor
        batch.closeReason = reason
        batch.closedAt = time
        try self.store.saveBatch(batch, in: sql)
    }

    /// The pending transfers that reserve a line's budget.
    static func reservations(of line: EntitlementLine, program: Program) -> [Transfer] {
        var transfers: [Transfer] = []
        if line.grant > 0 {
            transfers.append(
                Transfer(
                    id: line.transferID(.grant),
                    debit: program.budget(.fen),
                    credit: LedgerAccounts.payable(line.provider),
                    amount: line.grant,
                    unit: .fen,
                    pending: true
                )
            )
        }
        if line.traffic > 0 {
            transfers.append(
                Transfer(
                    id: line.transferID(.traffic),
                    debit: program.budget(.impressions),
                    credit: LedgerAccounts.trafficGrant(line.provider),
                    amount: line.traffic,
                    unit: .impressions,
                    pending: true
                )
            )
        }
        return transfers
    }

    /// The posted transfers that pay a line out: settling a receivable, then the payout to clearing.
    static func payouts(of line: EntitlementLine) -> [Transfer] {
        let provider = line.provider
        return Self.posted(
            line,
            [
                (.settle, LedgerAccounts.payable(provider), LedgerAccounts.receivable(provider), line.deducted, .fen),
                (.payout, LedgerAccounts.payable(provider), LedgerAccounts.clearing, line.payout, .fen),
            ]
        )
    }

    /// The posted transfers of an adjustment that take back what a revised scorecard no longer earns: cash as a
    /// receivable, impressions from the grant.
    static func recoveries(of line: EntitlementLine, program: Program) -> [Transfer] {
        let provider = line.provider
        return Self.posted(
            line,
            [
                (.clawback, LedgerAccounts.receivable(provider), program.budget(.fen), line.clawback, .fen),
                (
                    .trafficBack, LedgerAccounts.trafficGrant(provider), program.budget(.impressions),
                    line.trafficClawback, .impressions
                ),
            ]
        )
    }

    private static func posted(
        _ line: EntitlementLine,
        _ legs: [(EntitlementLine.Leg, AccountID, AccountID, Int64, LedgerUnit)]
    ) -> [Transfer] {
        legs.filter { $0.3 > 0 }.map { leg, debit, credit, amount, unit in
            Transfer(id: line.transferID(leg), debit: debit, credit: credit, amount: amount, unit: unit, pending: false)
        }
    }

    private func applyLedger(_ transfers: [Transfer], at time: Timestamp, in sql: Transaction) throws {
        do {
            _ = try self.ledger.apply(transfers, at: time, in: sql)
        } catch let error as LedgerError {
            throw IncentiveError(error)
        }
    }

    private static func transition(_ batch: inout Batch, _ event: BatchState.Event) throws(IncentiveError) {
        guard let next = batch.state.after(event) else {
            throw .failedPrecondition("cannot \(event.rawValue) batch \(batch.id): it is \(batch.state)")
        }
        batch.state = next
    }
}

extension Incentive {
    /// Voids one provider's open line (of a live batch, or held in a posted one), releasing its reservation; the
    /// rest of the batch goes on.
    public func voidLine(
        _ id: BatchID,
        provider: ProviderID,
        reason: String,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> EntitlementLine {
        try sql.lock(Incentive.programLock(id.program))
        let reason = reason.trimmedWhitespace
        if let violation = TextRule.violation(of: reason, field: "reason", maximum: 500) {
            throw IncentiveError.invalidArgument([violation])
        }
        let batch = try self.batch(id, in: sql)
        guard var line = try self.store.lines(id, openOnly: true, in: sql).first(where: { $0.provider == provider })
        else {
            throw IncentiveError.failedPrecondition(
                "batch \(id) (\(batch.state)) has no pending or held line of \(provider) to void"
            )
        }
        let program = try self.program(id.program, in: sql)
        do {
            _ = try self.ledger.finish(
                Self.reservations(of: line, program: program).map(\.id),
                .void,
                at: time,
                in: sql
            )
        } catch let error as LedgerError {
            throw IncentiveError(error)
        }
        line.status = .voided
        // The statement says finance voided it; who did is in the audit trail, not shown to the provider.
        line.explanation.append("voided by finance: \(reason)")
        try self.store.saveLineStatus(line, in: sql)
        try self.store.appendAudit(
            at: time,
            actor: actor,
            action: "void_line",
            program: id.program,
            subject: "\(id) \(provider)",
            detail: reason,
            in: sql
        )
        return line
    }
}
