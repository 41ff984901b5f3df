public import WindMakerKit
public import WindMakerStorage

/// Late revisions: a FINAL scorecard corrected after the period closed (an appeal the platform's review upheld after
/// the window, a fake-order finding confirmed late). The correction is an indicator override, like an upheld appeal,
/// recorded as a new revision with the old one kept and the actor audited; the incentive service pays or claws back
/// the difference through an adjustment batch that finance approves.
extension Assessment {
    /// Revises the current scorecard of `provider` in the FINAL period `period` with `override`.
    /// - Throws: `FAILED_PRECONDITION` unless the period is FINAL (earlier, appeals are the way), `NOT_FOUND` for a
    ///   missing scorecard, `INVALID_ARGUMENT` for an override the rulebook does not know or without justification.
    public func reviseFinal(
        period: PeriodID,
        provider: ProviderID,
        override: IndicatorOverride,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> Scorecard {
        try sql.lock(Assessment.changeLock)
        try Self.check(.uphold(override))
        let store = self.store
        let record = try store.period(period, in: sql) ?? .open(period)
        guard record.state == .final else {
            throw AssessmentError.failedPrecondition(
                "period \(period) is \(record.state): scorecards are revised late only once FINAL; before, through appeals"
            )
        }
        guard let current = try store.scorecard(period: period, provider: provider, revision: nil, in: sql) else {
            throw AssessmentError.notFound(what: "a scorecard of \(provider) for \(period)")
        }
        let rulebook = try Self.rulebook(for: current, checking: override, in: sql, store: store)
        let revised = try Self.revise(current, with: override, rulebook: rulebook, at: time, in: sql, store: store)
        try store.appendAudit(
            AuditRecord(
                at: time,
                actor: actor,
                action: "late_revision",
                period: period.description,
                providerID: provider,
                detail:
                    "revision \(revised.revision): \(override.dimension).\(override.indicator) = \(override.value): "
                    + override.justification
            ),
            in: sql
        )
        return revised
    }
}
