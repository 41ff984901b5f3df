public import WindMakerKit
public import WindMakerStorage

extension Assessment {
    /// Computes `period`: scores every provider in `providers` (the registry's ACTIVE providers) over the facts of
    /// the period's windows, attributed through `snapshot`, under the rulebook effective for the period, and stores
    /// the scorecards (replacing an earlier computation). Allowed while the period is OPEN or COMPUTED.
    /// - Parameter progress: providers scored so far, as the work goes.
    /// - Throws: ``AssessmentError/failedPrecondition(_:)`` naming the state; ``AssessmentError/notFound(what:)``
    ///   when no rulebook is effective for the period.
    public func compute(
        period: PeriodID,
        providers: [PeriodComputation.Provider],
        snapshot: BindingSnapshot,
        actor: String,
        at time: Timestamp,
        progress: (Int) -> Void = { _ in }
    ) async throws -> PeriodRecord {
        let prepared = try self.prepareComputation(
            period: period,
            providers: providers,
            snapshot: snapshot,
            at: time,
            progress: progress
        )
        return try await self.store(prepared, actor: actor)
    }

    /// The dates of facts a computation of `period` reads: from the start of the longer of its windows under the
    /// effective rulebook through the period's last day (the registry's binding snapshot covers the same dates).
    public func inputDates(for period: PeriodID) throws -> (first: CivilDate, last: CivilDate) {
        (try self.effectiveRulebook(for: period).rulebook.firstInputDate(for: period), period.lastDay)
    }

    /// The synchronous, CPU-heavy part of ``compute(period:providers:snapshot:actor:at:progress:)``: reads the facts
    /// and scores every provider, storing nothing. Run it off the event loops.
    public func prepareComputation(
        period: PeriodID,
        providers: [PeriodComputation.Provider],
        snapshot: BindingSnapshot,
        at time: Timestamp,
        progress: (Int) -> Void = { _ in }
    ) throws -> PreparedComputation {
        var record = try self.periodRecord(period)
        try Self.checkTransition(&record, .compute)
        let rulebook = try self.effectiveRulebook(for: period)
        let computation = PeriodComputation(period: period, rulebook: rulebook, snapshot: snapshot)
        let (results, summary) = try computation.compute(
            providers: providers,
            scan: { visit in
                try self.store.scanFacts(
                    from: computation.firstInputDate,
                    through: period.lastDay,
                    in: self.database,
                    visit
                )
            },
            progress: progress
        )
        let scorecards = results.values.sorted { $0.score.providerID < $1.score.providerID }.map { result in
            Scorecard(
                period: period,
                revision: 1,
                score: result.score,
                rank: result.rank,
                rulebookVersion: rulebook.version,
                inputDigest: result.inputDigest,
                createdAt: time
            )
        }
        record.rulebookVersion = rulebook.version
        record.computedAt = time
        record.summary = summary
        record.bindingsDigest = snapshot.digest.hex
        return PreparedComputation(record: record, scorecards: scorecards)
    }

    /// Stores a prepared computation, checking the period's state again: a publish may have landed meanwhile.
    public func store(_ prepared: PreparedComputation, actor: String) async throws -> PeriodRecord {
        let store = self.store
        let record = prepared.record
        return try await self.database.write { sql in
            try sql.lock(Assessment.changeLock)
            var current = try store.period(record.period, in: sql) ?? .open(record.period)
            try Self.checkTransition(&current, .compute)
            try store.replaceScorecards(prepared.scorecards, of: record.period, in: sql)
            try store.savePeriod(record, in: sql)
            try store.appendAudit(
                AuditRecord(
                    at: record.computedAt ?? Timestamp(microsecondsSinceEpoch: 0),
                    actor: actor,
                    action: "compute",
                    period: record.period.description,
                    detail: "rulebook \(record.rulebookVersion ?? 0), \(record.summary.providers) providers, "
                        + "\(record.summary.attributedFacts) facts attributed, \(record.summary.unattributedFacts) unattributed"
                ),
                in: sql
            )
            return record
        }
    }

    /// Publishes a COMPUTED period: its scorecards become visible as final candidates and the appeal window opens
    /// for `appealWindowMicroseconds`.
    public func publish(
        period: PeriodID,
        appealWindowMicroseconds: Int64,
        actor: String,
        at time: Timestamp
    ) async throws -> PeriodRecord {
        try await self.database.write { sql in
            try self.publish(
                period: period,
                appealWindowMicroseconds: appealWindowMicroseconds,
                actor: actor,
                at: time,
                in: sql
            )
        }
    }

    /// ``publish(period:appealWindowMicroseconds:actor:at:)`` inside the caller's write.
    public func publish(
        period: PeriodID,
        appealWindowMicroseconds: Int64,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> PeriodRecord {
        try sql.lock(Assessment.changeLock)
        let store = self.store
        var record = try store.period(period, in: sql) ?? .open(period)
        try Self.checkTransition(&record, .publish)
        record.publishedAt = time
        record.appealDeadline = Timestamp(
            microsecondsSinceEpoch: time.microsecondsSinceEpoch + appealWindowMicroseconds
        )
        try store.savePeriod(record, in: sql)
        try store.appendAudit(
            AuditRecord(
                at: time,
                actor: actor,
                action: "publish",
                period: period.description,
                detail: "appeals until \(BusinessCalendar.text(of: record.appealDeadline!))"
            ),
            in: sql
        )
        return record
    }

    /// Makes a PUBLISHED period FINAL once its appeal window has passed and no appeal is pending; its scorecards
    /// change after that only by an operator's late revision (``reviseFinal(period:provider:override:actor:at:in:)``).
    /// - Throws: ``AssessmentError/failedPrecondition(_:)`` naming what is still open.
    public func finalize(period: PeriodID, actor: String, at time: Timestamp) async throws -> PeriodRecord {
        try await self.database.write { sql in try self.finalize(period: period, actor: actor, at: time, in: sql) }
    }

    /// ``finalize(period:actor:at:)`` inside the caller's write.
    public func finalize(
        period: PeriodID,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> PeriodRecord {
        try sql.lock(Assessment.changeLock)
        let store = self.store
        var record = try store.period(period, in: sql) ?? .open(period)
        if record.state == .published, let deadline = record.appealDeadline, time < deadline {
            throw AssessmentError.failedPrecondition(
                "period \(period) cannot be finalized yet: its appeal window runs until "
                    + BusinessCalendar.text(of: deadline)
            )
        }
        let pending = try store.pendingAppeals(period: period, in: sql)
        if record.state == .published && !pending.isEmpty {
            throw AssessmentError.failedPrecondition(
                "period \(period) cannot be finalized: \(pending.count) appeal\(pending.count == 1 ? " is" : "s are") "
                    + "pending (\(pending.prefix(10).map(\.id.rawValue).joined(separator: ", ")))"
            )
        }
        try Self.checkTransition(&record, .finalize)
        record.finalizedAt = time
        try store.savePeriod(record, in: sql)
        try store.appendAudit(
            AuditRecord(at: time, actor: actor, action: "finalize", period: period.description, detail: ""),
            in: sql
        )
        return record
    }

    /// Refuses a period that has not ended by `today` (its facts are still coming) or ended before the program began
    /// (no fact can be dated in it): computing either would score on nothing.
    /// - Throws: ``AssessmentError/failedPrecondition(_:)`` saying which.
    public static func checkComputable(
        _ period: PeriodID,
        today: CivilDate,
        programStart: CivilDate
    ) throws(AssessmentError) {
        guard period.lastDay < today else {
            throw .failedPrecondition(
                "period \(period) has not ended: it can be computed from \(period.lastDay.dayAfter.map(String.init(describing:)) ?? "never") (today is \(today))"
            )
        }
        guard period.lastDay >= programStart else {
            throw .failedPrecondition("period \(period) ended before the program started on \(programStart)")
        }
    }

    /// Whether a provider may see the scorecards of `period` yet: only once published.
    /// - Throws: ``AssessmentError/failedPrecondition(_:)`` while the period is OPEN or COMPUTED.
    public func checkPublished(_ period: PeriodID) throws {
        let state = try self.periodRecord(period).state
        guard state == .published || state == .final else {
            throw AssessmentError.failedPrecondition(
                "the scorecards of \(period) are not published yet (the period is \(state))"
            )
        }
    }

    /// The period as stored, or OPEN when never computed.
    public func periodRecord(_ period: PeriodID) throws -> PeriodRecord {
        try self.store.period(period, in: self.database) ?? .open(period)
    }

    /// Every computed period, oldest first.
    public func periods() throws -> [PeriodRecord] {
        try self.store.periods(in: self.database)
    }

    /// The newest rulebook effective for `period`.
    func effectiveRulebook(for period: PeriodID) throws -> RulebookRecord {
        guard let record = try self.store.rulebook(effectiveFor: period, in: self.database) else {
            throw AssessmentError.notFound(what: "a rulebook effective for \(period)")
        }
        return record
    }

    static func checkTransition(_ record: inout PeriodRecord, _ event: PeriodState.Event) throws(AssessmentError) {
        try record.state.applyChecked(event, period: record.period)
    }
}
