public import WindMakerKit
public import WindMakerStorage

extension Assessment {
    /// The longest reason or justification accepted, in characters.
    public static let maximumReasonLength = 1_000

    /// Files a provider's appeal against one dimension of its published scorecard.
    /// - Throws: ``AssessmentError/failedPrecondition(_:)`` naming the rule broken (window closed, a pending or upheld
    ///   appeal, two already), ``AssessmentError/notFound(what:)`` without a scorecard,
    ///   ``AssessmentError/invalidArgument(_:)`` for the reason.
    public func fileAppeal(
        period: PeriodID,
        provider: ProviderID,
        dimension: Dimension,
        reason: String,
        id: AppealID,
        actor: String,
        at time: Timestamp
    ) async throws -> Appeal {
        try Self.checkText(reason, field: "reason")
        return try await self.database.write { sql in
            try self.fileAppeal(
                period: period,
                provider: provider,
                dimension: dimension,
                reason: reason,
                id: id,
                actor: actor,
                at: time,
                in: sql
            )
        }
    }

    /// ``fileAppeal(period:provider:dimension:reason:id:actor:at:)`` inside the caller's write (the adapter's
    /// idempotent one), after the caller checked `reason` with ``checkText(_:field:)``.
    public func fileAppeal(
        period: PeriodID,
        provider: ProviderID,
        dimension: Dimension,
        reason: String,
        id: AppealID,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> Appeal {
        try sql.lock(Assessment.changeLock)
        let store = self.store
        let record = try store.period(period, in: sql) ?? .open(period)
        guard try store.scorecard(period: period, provider: provider, revision: nil, in: sql) != nil else {
            throw AssessmentError.notFound(what: "a scorecard of \(provider) for \(period)")
        }
        let earlier = try store.appeals(period: period, provider: provider, in: sql)
        try AppealRules.check(period: record, earlier: earlier, at: time)
        let appeal = Appeal(
            id: id,
            period: period,
            providerID: provider,
            dimension: dimension,
            reason: reason,
            filedBy: actor,
            filedAt: time
        )
        try store.saveAppeal(appeal, in: sql)
        try store.appendAudit(
            AuditRecord(
                at: time,
                actor: actor,
                action: "appeal",
                period: period.description,
                providerID: provider,
                detail: "\(id) on \(dimension): \(reason)"
            ),
            in: sql
        )
        return appeal
    }

    /// Resolves a pending appeal. Upholding replaces one indicator of the appealed dimension with the override's
    /// value and recomputes the scorecard as a new revision (the old one stays in its history), re-ranking the
    /// provider's type.
    public func resolveAppeal(
        _ id: AppealID,
        decision: AppealDecision,
        actor: String,
        at time: Timestamp
    ) async throws -> (appeal: Appeal, scorecard: Scorecard) {
        try Self.check(decision)
        return try await self.database.write { sql in
            try self.resolveAppeal(id, decision: decision, actor: actor, at: time, in: sql)
        }
    }

    /// Checks the text of a decision before its write is queued.
    public static func check(_ decision: AppealDecision) throws(AssessmentError) {
        switch decision {
        case .reject(let reason): try Self.checkText(reason, field: "reason")
        case .uphold(let override):
            try Self.checkText(override.justification, field: "override.justification")
            guard (0 ... Self.maximumOverrideValue).contains(override.value) else {
                throw .invalidArgument([
                    FieldViolation(
                        field: "override.value",
                        description:
                            "must be between 0 and \(Self.maximumOverrideValue) ten-thousandths, found \(override.value)"
                    )
                ])
            }
        }
    }

    /// ``resolveAppeal(_:decision:actor:at:)`` inside the caller's write, after ``check(_:)``.
    public func resolveAppeal(
        _ id: AppealID,
        decision: AppealDecision,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> (appeal: Appeal, scorecard: Scorecard) {
        try sql.lock(Assessment.changeLock)
        let store = self.store
        guard var appeal = try store.appeal(id, in: sql) else {
            throw AssessmentError.notFound(what: "appeal \(id)")
        }
        guard appeal.state == .pending else {
            throw AssessmentError.failedPrecondition("appeal \(id) is already \(appeal.state.rawValue)")
        }
        let record = try store.period(appeal.period, in: sql) ?? .open(appeal.period)
        guard record.state == .published else {
            throw AssessmentError.failedPrecondition(
                "period \(appeal.period) is \(record.state); appeals are resolved while it is PUBLISHED"
            )
        }
        guard
            var scorecard = try store.scorecard(
                period: appeal.period,
                provider: appeal.providerID,
                revision: nil,
                in: sql
            )
        else {
            throw AssessmentError.notFound(what: "a scorecard of \(appeal.providerID) for \(appeal.period)")
        }
        appeal.resolvedBy = actor
        appeal.resolvedAt = time
        switch decision {
        case .reject(let reason):
            appeal.state = .rejected
            appeal.resolution = reason
        case .uphold(let override):
            guard override.dimension == appeal.dimension else {
                throw AssessmentError.invalidArgument([
                    FieldViolation(
                        field: "override.dimension",
                        description: "the appeal is about \(appeal.dimension), not \(override.dimension)"
                    )
                ])
            }
            let rulebook = try Self.rulebook(for: scorecard, checking: override, in: sql, store: store)
            appeal.state = .upheld
            appeal.resolution = override.justification
            appeal.override = override
            scorecard = try Self.revise(
                scorecard,
                with: override,
                rulebook: rulebook,
                at: time,
                in: sql,
                store: store
            )
        }
        try store.saveAppeal(appeal, in: sql)
        try store.appendAudit(
            AuditRecord(
                at: time,
                actor: actor,
                action: appeal.state == .upheld ? "uphold_appeal" : "reject_appeal",
                period: appeal.period.description,
                providerID: appeal.providerID,
                detail: "\(id): \(appeal.resolution ?? "")"
            ),
            in: sql
        )
        return (appeal, scorecard)
    }

    /// The appeals on one scorecard, oldest first.
    public func appeals(period: PeriodID, provider: ProviderID) throws -> [Appeal] {
        try self.store.appeals(period: period, provider: provider, in: self.database)
    }

    /// The appeal with `id`.
    public func appeal(_ id: AppealID) throws -> Appeal {
        guard let appeal = try self.store.appeal(id, in: self.database) else {
            throw AssessmentError.notFound(what: "appeal \(id)")
        }
        return appeal
    }

    static func revise(
        _ current: Scorecard,
        with override: IndicatorOverride,
        rulebook: RulebookRecord,
        at time: Timestamp,
        in sql: Transaction,
        store: SQLiteAssessmentStore
    ) throws -> Scorecard {
        let old = current.score
        let inputs = ScoringEngine.Inputs(
            providerID: old.providerID,
            providerType: old.providerType,
            totals: old.totals,
            clubGMV: old.clubGMV
        )
        let score = ScoringEngine.score(inputs, rulebook: rulebook.rulebook, overrides: old.overrides + [override])
        var hash = SHA256()
        hash.update("\(current.inputDigest)\noverride \(override.dimension) \(override.indicator) \(override.value)\n")
        var revised = Scorecard(
            period: current.period,
            revision: current.revision + 1,
            score: score,
            rank: nil,
            rulebookVersion: current.rulebookVersion,
            inputDigest: hash.finish().hex,
            createdAt: time
        )
        let peers = try store.currentScorecards(period: current.period, type: old.providerType, in: sql)
        let ranks = Ranking.ranks(peers.map { $0.providerID == old.providerID ? score : $0.score })
        revised.rank = ranks[old.providerID]
        try store.insertRevision(revised, in: sql)
        for peer in peers where peer.providerID != old.providerID && peer.rank != ranks[peer.providerID] {
            try store.setRank(ranks[peer.providerID], period: current.period, provider: peer.providerID, in: sql)
        }
        return revised
    }

    /// The rulebook `scorecard` was computed under, once `override` names one of its indicators.
    static func rulebook(
        for scorecard: Scorecard,
        checking override: IndicatorOverride,
        in sql: Transaction,
        store: SQLiteAssessmentStore
    ) throws -> RulebookRecord {
        guard let rulebook = try store.rulebook(version: scorecard.rulebookVersion, in: sql) else {
            throw AssessmentError.notFound(what: "rulebook version \(scorecard.rulebookVersion)")
        }
        guard rulebook.rulebook.dimensions[override.dimension]?.contains(where: { $0.id == override.indicator }) == true
        else {
            throw AssessmentError.invalidArgument([
                FieldViolation(
                    field: "override.indicator",
                    description:
                        "\(override.dimension) has no indicator \"\(override.indicator)\" in rulebook \(rulebook.version)"
                )
            ])
        }
        return rulebook
    }

    public static func checkText(_ text: String, field: String) throws(AssessmentError) {
        if let violation = TextRule.violation(of: text, field: field, maximum: Self.maximumReasonLength) {
            throw .invalidArgument([violation])
        }
        if text.trimmedWhitespace.isEmpty {
            throw .invalidArgument([FieldViolation(field: field, description: "must not be only whitespace")])
        }
    }

    /// The largest indicator value an override may set, in ten-thousandths (10^11 in the indicator's unit).
    public static let maximumOverrideValue: Int64 = 1_000_000_000_000_000
}
