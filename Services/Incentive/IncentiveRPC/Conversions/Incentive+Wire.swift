import WindMakerIncentive
import WindMakerKit
import WindMakerMessages
import WindMakerServiceKit

extension IncentiveV1.Program {
    init(_ program: Program) {
        self.init(
            id: program.id.rawValue,
            name: program.name,
            firstPeriod: program.first.description,
            lastPeriod: program.last.description,
            createdBy: program.createdBy,
            createdAt: program.createdAt.wire
        )
    }
}

extension IncentiveV1.BudgetFigures {
    init(_ figures: BudgetFigures) {
        self.init(
            funded: figures.funded,
            reserved: figures.reserved,
            posted: figures.posted,
            recovered: figures.recovered,
            remaining: figures.remaining
        )
    }
}

extension IncentiveV1.Budget {
    init(_ report: BudgetReport) {
        self.init(
            program: IncentiveV1.Program(report.program),
            cash: IncentiveV1.BudgetFigures(report.cash),
            traffic: IncentiveV1.BudgetFigures(report.traffic)
        )
    }
}

extension IncentiveV1.RulesVersion {
    init(_ version: RulesVersion) {
        self.init(
            programId: version.program.rawValue,
            version: version.version,
            effectiveFrom: version.effectiveFrom.description,
            document: version.document,
            publishedBy: version.publishedBy,
            publishedAt: version.publishedAt.wire
        )
    }
}

extension IncentiveV1.Batch {
    init(_ batch: Batch) {
        self.init(
            id: batch.id.description,
            programId: batch.id.program.rawValue,
            period: batch.id.period.description,
            sequence: batch.id.sequence,
            kind: batch.kind.rawValue,
            state: batch.state.rawValue,
            rulesVersion: batch.rulesVersion,
            proposedBy: batch.proposedBy,
            proposedAt: batch.proposedAt.wire,
            expiresAt: batch.expiresAt.wire,
            approvedBy: batch.approvedBy ?? "",
            approvedAt: batch.approvedAt?.wire,
            postableAt: batch.postableAt?.wire,
            closedBy: batch.closedBy ?? "",
            closeReason: batch.closeReason ?? "",
            closedAt: batch.closedAt?.wire,
            postedAt: batch.postedAt?.wire,
            totals: IncentiveV1.BatchTotals(
                lines: batch.totals.lines,
                cashFen: batch.totals.cash,
                trafficImpressions: batch.totals.traffic,
                clawbackFen: batch.totals.clawback,
                trafficClawbackImpressions: batch.totals.trafficClawback,
                carriedFen: batch.totals.carried
            )
        )
    }
}

extension IncentiveV1.Batch {
    /// The batch as a provider's statement shows it: what it is and where it stands, without the identities that
    /// proposed, approved or closed it and without the totals of every provider's lines.
    var asSeenByProvider: IncentiveV1.Batch {
        IncentiveV1.Batch(
            id: self.id,
            programId: self.programId,
            period: self.period,
            sequence: self.sequence,
            kind: self.kind,
            state: self.state,
            rulesVersion: self.rulesVersion,
            proposedAt: self.proposedAt,
            approvedAt: self.approvedAt,
            postableAt: self.postableAt,
            closedAt: self.closedAt,
            postedAt: self.postedAt
        )
    }
}

extension IncentiveV1.EntitlementLine {
    init(_ line: EntitlementLine) {
        self.init(
            batchId: line.batch.description,
            providerId: line.provider.rawValue,
            providerType: line.providerType.rawValue,
            tier: line.tier,
            club: line.club ?? "",
            scorecardRevision: line.scorecardRevision,
            rulebookVersion: line.rulebookVersion,
            inputDigest: line.inputDigest,
            status: line.status.rawValue,
            earnedFen: line.earned,
            carriedInFen: line.carriedIn,
            deductedFen: line.deducted,
            payoutFen: line.payout,
            carryOutFen: line.carryOut,
            trafficImpressions: line.traffic,
            clawbackFen: line.clawback,
            trafficClawbackImpressions: line.trafficClawback,
            explanation: line.explanation
        )
    }
}

extension IncentiveV1.DryRunResponse {
    init(_ report: DryRunReport) {
        let groups = { (groups: [DryRunReport.Group]) in
            groups.map {
                IncentiveV1.DryRunGroup(
                    name: $0.name,
                    providers: $0.providers,
                    cashFen: $0.cash,
                    trafficImpressions: $0.traffic
                )
            }
        }
        self.init(
            programId: report.program.rawValue,
            period: report.period.description,
            publishedVersion: report.publishedVersion ?? 0,
            cashFen: report.cash,
            trafficImpressions: report.traffic,
            cashRemainingFen: report.cashRemaining,
            trafficRemainingImpressions: report.trafficRemaining,
            overBudget: report.overBudget ?? "",
            byTier: groups(report.byTier),
            byClub: groups(report.byClub),
            byType: groups(report.byType),
            changes: report.changes.map {
                IncentiveV1.DryRunChange(
                    providerId: $0.provider.rawValue,
                    providerType: $0.providerType.rawValue,
                    publishedFen: $0.published,
                    draftFen: $0.draft,
                    deltaFen: $0.delta
                )
            }
        )
    }
}
