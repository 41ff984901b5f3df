public import WindMakerKit
import WindMakerStorage

extension Assessment {
    /// Scores `period` under a draft rulebook without storing anything, and compares with its current scorecards.
    /// - Throws: ``AssessmentError/invalidArgument(_:)`` for an invalid draft (every violation by path);
    ///   ``AssessmentError/failedPrecondition(_:)`` when the period has no scorecards to compare with.
    public func dryRun(
        period: PeriodID,
        draft: String,
        providers: [PeriodComputation.Provider],
        snapshot: BindingSnapshot,
        at time: Timestamp
    ) throws -> DryRunReport {
        let record = try self.periodRecord(period)
        guard record.state != .open else {
            throw AssessmentError.failedPrecondition(
                "period \(period) is OPEN: compute it before a dry run compares with it"
            )
        }
        let rulebook = try AssessmentError.checking { () throws(InvalidRequest) in
            try RulebookRecord(
                version: 0,
                effectiveFrom: period,
                document: draft,
                publishedBy: "draft",
                publishedAt: time
            )
        }
        let computation = PeriodComputation(period: period, rulebook: rulebook, snapshot: snapshot)
        let published = try self.store.outcomes(period: period, in: self.database)
        let overrides = Dictionary(
            published.filter { !$0.overrides.isEmpty }.map { ($0.providerID, $0.overrides) },
            uniquingKeysWith: { a, _ in a }
        )
        let (results, _) = try computation.compute(
            providers: providers,
            scan: { visit in
                try self.store.scanFacts(
                    from: computation.firstInputDate,
                    through: period.lastDay,
                    in: self.database,
                    visit
                )
            },
            overrides: overrides
        )
        let before = Dictionary(published.map { ($0.providerID, $0) }, uniquingKeysWith: { a, _ in a })
        let publishedRules = try record.rulebookVersion.flatMap {
            try self.store.rulebook(version: $0, in: self.database)
        }
        let changes = results.values.sorted { $0.score.providerID < $1.score.providerID }.map { result in
            DryRunReport.Change(
                providerID: result.score.providerID,
                providerType: result.score.providerType,
                before: before[result.score.providerID].map { outcome in
                    Self.outcome(
                        composite: outcome.composite,
                        tier: outcome.tier,
                        club: outcome.club,
                        publishedRules?.rulebook ?? rulebook.rulebook
                    )
                },
                after: Self.outcome(
                    composite: result.score.composite,
                    tier: result.score.tier,
                    club: result.score.club,
                    rulebook.rulebook
                )
            )
        }
        return DryRunReport(period: period, publishedRulebookVersion: record.rulebookVersion, changes: changes)
    }

    private static func outcome(
        composite: Int64,
        tier: String,
        club: String?,
        _ rulebook: Rulebook
    ) -> DryRunReport.Outcome {
        DryRunReport.Outcome(
            composite: composite,
            tier: tier,
            tierLevel: rulebook.tiers.firstIndex { $0.name == tier } ?? rulebook.tiers.count,
            club: club
        )
    }

    /// The club counts of every computed period against the targets.
    public func progress(targetBillion: Int, targetHundredMillion: Int) throws -> ProgressReport {
        var periods: [ProgressReport.Period] = []
        for record in try self.store.periods(in: self.database) where record.state != .open {
            var overall = ProgressReport.Counts()
            var byType: [ProviderType: ProgressReport.Counts] = [:]
            for card in try self.store.outcomes(period: record.period, in: self.database) {
                let gmv = card.clubGMV
                var typeCounts = byType[card.providerType] ?? ProgressReport.Counts()
                overall.providers += 1
                typeCounts.providers += 1
                if gmv >= ProgressReport.billion {
                    overall.billion += 1
                    typeCounts.billion += 1
                }
                if gmv >= ProgressReport.hundredMillion {
                    overall.hundredMillion += 1
                    typeCounts.hundredMillion += 1
                }
                byType[card.providerType] = typeCounts
            }
            periods.append(
                ProgressReport.Period(period: record.period, state: record.state, overall: overall, byType: byType)
            )
        }
        return ProgressReport(
            targetBillion: targetBillion,
            targetHundredMillion: targetHundredMillion,
            periods: periods
        )
    }
}
