import WindMakerAssessment
import WindMakerKit
import WindMakerMessages

extension AssessmentV1.IngestResponse {
    init(_ outcome: IngestOutcome) {
        self.init(
            accepted: Int64(outcome.accepted),
            duplicate: Int64(outcome.duplicate),
            conflict: Int64(outcome.conflict),
            rejected: Int64(outcome.rejected),
            late: Int64(outcome.late),
            problems: outcome.problems.map { problem in
                AssessmentV1.FactProblem(
                    index: Int64(problem.index),
                    factId: problem.factID,
                    kind: problem.kind.rawValue,
                    field: problem.field,
                    reason: problem.reason
                )
            }
        )
    }
}

extension AssessmentV1.DryRunResponse {
    init(_ report: DryRunReport) {
        self.init(
            period: report.period.description,
            publishedRulebookVersion: Int64(report.publishedRulebookVersion ?? 0),
            changes: report.changes.map { change in
                AssessmentV1.DryRunChange(
                    providerId: change.providerID.rawValue,
                    providerType: change.providerType.rawValue,
                    hadScorecard: change.before != nil,
                    compositeBefore: change.before?.composite ?? 0,
                    tierBefore: change.before?.tier ?? "",
                    clubBefore: change.before?.club ?? "",
                    compositeAfter: change.after.composite,
                    tierAfter: change.after.tier,
                    clubAfter: change.after.club ?? "",
                    compositeDelta: change.compositeDelta
                )
            },
            summary: ProviderType.allCases.compactMap { type in
                report.summary[type].map { row in
                    AssessmentV1.DryRunTypeSummary(
                        providerType: type.rawValue,
                        providers: Int64(row.providers),
                        tierUp: Int64(row.tierUp),
                        tierDown: Int64(row.tierDown),
                        clubs: Set(row.clubEntries.keys).union(row.clubExits.keys).sorted().map { club in
                            AssessmentV1.ClubMove(
                                club: club,
                                entered: Int64(row.clubEntries[club] ?? 0),
                                left: Int64(row.clubExits[club] ?? 0)
                            )
                        }
                    )
                }
            }
        )
    }
}

extension AssessmentV1.ProgressResponse {
    init(_ report: ProgressReport) {
        func counts(_ counts: ProgressReport.Counts, type: ProviderType?) -> AssessmentV1.ClubCounts {
            AssessmentV1.ClubCounts(
                providerType: type?.rawValue ?? "",
                billion: Int64(counts.billion),
                hundredMillion: Int64(counts.hundredMillion),
                providers: Int64(counts.providers)
            )
        }
        self.init(
            targetBillion: Int64(report.targetBillion),
            targetHundredMillion: Int64(report.targetHundredMillion),
            periods: report.periods.map { period in
                AssessmentV1.PeriodProgress(
                    period: period.period.description,
                    state: period.state.rawValue,
                    overall: counts(period.overall, type: nil),
                    byType: ProviderType.allCases.compactMap { type in
                        period.byType[type].map { counts($0, type: type) }
                    }
                )
            }
        )
    }
}
