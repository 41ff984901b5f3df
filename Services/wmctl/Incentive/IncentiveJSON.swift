import WindMakerMessages

/// Incentive messages as `--json` values: snake-case keys, money as integer fen, traffic as integer impressions,
/// timestamps RFC 3339.
enum IncentiveJSON {
    typealias Value = JSONOutput.Value

    static func program(_ program: IncentiveV1.Program) -> Value {
        .object([
            "id": .string(program.id), "name": .string(program.name), "first_period": .string(program.firstPeriod),
            "last_period": .string(program.lastPeriod), "created_by": .string(program.createdBy),
            "created_at": .string(TimestampText.text(program.createdAt)),
        ])
    }

    static func budget(_ budget: IncentiveV1.Budget) -> Value {
        let figures = { (figures: IncentiveV1.BudgetFigures?) -> Value in
            let figures = figures ?? IncentiveV1.BudgetFigures()
            return .object([
                "funded": .number(figures.funded), "reserved": .number(figures.reserved),
                "posted": .number(figures.posted), "recovered": .number(figures.recovered),
                "remaining": .number(figures.remaining),
            ])
        }
        return .object([
            "program_id": .string(budget.program?.id ?? ""), "cash_fen": figures(budget.cash),
            "traffic_impressions": figures(budget.traffic),
        ])
    }

    static func rules(_ version: IncentiveV1.RulesVersion) -> Value {
        .object([
            "program_id": .string(version.programId), "version": .number(version.version),
            "effective_from": .string(version.effectiveFrom), "document": .string(version.document),
            "published_by": .string(version.publishedBy),
            "published_at": .string(TimestampText.text(version.publishedAt)),
        ])
    }

    static func batch(_ batch: IncentiveV1.Batch) -> Value {
        let totals = batch.totals ?? IncentiveV1.BatchTotals()
        return .object([
            "id": .string(batch.id), "program_id": .string(batch.programId), "period": .string(batch.period),
            "sequence": .number(batch.sequence), "kind": .string(batch.kind), "state": .string(batch.state),
            "rules_version": .number(batch.rulesVersion), "proposed_by": .string(batch.proposedBy),
            "proposed_at": .string(TimestampText.text(batch.proposedAt)),
            "expires_at": .string(TimestampText.text(batch.expiresAt)), "approved_by": .string(batch.approvedBy),
            "approved_at": .string(TimestampText.text(batch.approvedAt)),
            "postable_at": .string(TimestampText.text(batch.postableAt)), "closed_by": .string(batch.closedBy),
            "close_reason": .string(batch.closeReason), "closed_at": .string(TimestampText.text(batch.closedAt)),
            "posted_at": .string(TimestampText.text(batch.postedAt)),
            "totals": .object([
                "lines": .number(totals.lines), "cash_fen": .number(totals.cashFen),
                "traffic_impressions": .number(totals.trafficImpressions), "clawback_fen": .number(totals.clawbackFen),
                "traffic_clawback_impressions": .number(totals.trafficClawbackImpressions),
                "carried_fen": .number(totals.carriedFen),
            ]),
        ])
    }

    static func line(_ line: IncentiveV1.EntitlementLine) -> Value {
        .object([
            "batch_id": .string(line.batchId), "provider_id": .string(line.providerId),
            "provider_type": .string(line.providerType), "tier": .string(line.tier), "club": .string(line.club),
            "scorecard_revision": .number(line.scorecardRevision), "rulebook_version": .number(line.rulebookVersion),
            "input_digest": .string(line.inputDigest), "status": .string(line.status),
            "earned_fen": .number(line.earnedFen), "carried_in_fen": .number(line.carriedInFen),
            "deducted_fen": .number(line.deductedFen), "payout_fen": .number(line.payoutFen),
            "carry_out_fen": .number(line.carryOutFen), "traffic_impressions": .number(line.trafficImpressions),
            "clawback_fen": .number(line.clawbackFen),
            "traffic_clawback_impressions": .number(line.trafficClawbackImpressions),
            "explanation": .array(line.explanation.map(Value.string)),
        ])
    }

    static func statement(_ statement: IncentiveV1.StatementResponse) -> [String: Value] {
        [
            "program_id": .string(statement.programId), "period": .string(statement.period),
            "provider_id": .string(statement.providerId), "paid_fen": .number(statement.paidFen),
            "entries": .array(
                statement.entries.map {
                    .object([
                        "batch": Self.batch($0.batch ?? IncentiveV1.Batch()),
                        "line": Self.line($0.line ?? IncentiveV1.EntitlementLine()),
                    ])
                }
            ),
        ]
    }

    static func dryRun(_ report: IncentiveV1.DryRunResponse) -> [String: Value] {
        let groups = { (groups: [IncentiveV1.DryRunGroup]) -> Value in
            .array(
                groups.map {
                    .object([
                        "name": .string($0.name), "providers": .number($0.providers), "cash_fen": .number($0.cashFen),
                        "traffic_impressions": .number($0.trafficImpressions),
                    ])
                }
            )
        }
        return [
            "program_id": .string(report.programId), "period": .string(report.period),
            "published_version": .number(report.publishedVersion), "cash_fen": .number(report.cashFen),
            "traffic_impressions": .number(report.trafficImpressions),
            "cash_remaining_fen": .number(report.cashRemainingFen),
            "traffic_remaining_impressions": .number(report.trafficRemainingImpressions),
            "over_budget": .string(report.overBudget), "by_tier": groups(report.byTier),
            "by_club": groups(report.byClub),
            "by_type": groups(report.byType),
            "changes": .array(
                report.changes.map {
                    .object([
                        "provider_id": .string($0.providerId), "provider_type": .string($0.providerType),
                        "published_fen": .number($0.publishedFen), "draft_fen": .number($0.draftFen),
                        "delta_fen": .number($0.deltaFen),
                    ])
                }
            ),
        ]
    }
}
