import WindMakerAssessment
import WindMakerKit
import WindMakerMessages
import WindMakerServiceKit

extension AssessmentV1.Scorecard {
    init(_ card: Scorecard) {
        let score = card.score
        self.init(
            period: card.period.description,
            providerId: score.providerID.rawValue,
            providerType: score.providerType.rawValue,
            revision: Int64(card.revision),
            totals: Metric.allCases.filter { score.totals[$0] != 0 }.map {
                AssessmentV1.MetricTotal(metric: $0.rawValue, value: score.totals[$0])
            },
            fakeOrders: score.totals.fakeOrders,
            clubGmvFen: score.clubGMV,
            dimensions: score.dimensions.map(AssessmentV1.DimensionScore.init),
            composite: score.composite,
            tier: score.tier,
            club: score.club ?? "",
            rank: Int64(card.rank ?? 0),
            gates: score.gates,
            disqualified: score.disqualified,
            rulebookVersion: Int64(card.rulebookVersion),
            inputDigest: card.inputDigest,
            overrides: score.overrides.map(AssessmentV1.IndicatorOverride.init),
            createdAt: card.createdAt.wire
        )
    }
}

extension AssessmentV1.DimensionScore {
    init(_ dimension: DimensionScore) {
        self.init(
            dimension: dimension.dimension.rawValue,
            score: dimension.score,
            uncapped: dimension.uncapped,
            weight: dimension.weight,
            indicators: dimension.indicators.map { indicator in
                AssessmentV1.IndicatorScore(
                    id: indicator.id,
                    hasValue: indicator.value != nil,
                    value: indicator.value ?? 0,
                    points: indicator.points,
                    weight: indicator.weight,
                    contribution: indicator.contribution,
                    overridden: indicator.overridden
                )
            }
        )
    }
}

extension AssessmentV1.IndicatorOverride {
    init(_ override: IndicatorOverride) {
        self.init(
            dimension: override.dimension.rawValue,
            indicator: override.indicator,
            value: override.value,
            justification: override.justification
        )
    }
}

extension AssessmentV1.Period {
    init(_ record: PeriodRecord) {
        self.init(
            period: record.period.description,
            state: record.state.rawValue,
            rulebookVersion: Int64(record.rulebookVersion ?? 0),
            computedAt: record.computedAt?.wire,
            publishedAt: record.publishedAt?.wire,
            appealDeadline: record.appealDeadline?.wire,
            finalizedAt: record.finalizedAt?.wire,
            summary: AssessmentV1.PeriodSummary(
                providers: Int64(record.summary.providers),
                attributedFacts: Int64(record.summary.attributedFacts),
                unattributedFacts: Int64(record.summary.unattributedFacts),
                bindings: Int64(record.summary.bindings),
                bindingsDigest: record.bindingsDigest
            )
        )
    }
}

extension AssessmentV1.Appeal {
    init(_ appeal: Appeal) {
        self.init(
            id: appeal.id.rawValue,
            period: appeal.period.description,
            providerId: appeal.providerID.rawValue,
            dimension: appeal.dimension.rawValue,
            reason: appeal.reason,
            filedBy: appeal.filedBy,
            filedAt: appeal.filedAt.wire,
            state: appeal.state.rawValue,
            resolution: appeal.resolution ?? "",
            resolvedBy: appeal.resolvedBy ?? "",
            resolvedAt: appeal.resolvedAt?.wire,
            override: appeal.override.map(AssessmentV1.IndicatorOverride.init)
        )
    }
}

extension AssessmentV1.Rulebook {
    init(_ record: RulebookRecord) {
        self.init(
            version: Int64(record.version),
            effectiveFrom: record.effectiveFrom.description,
            digest: record.digest,
            publishedBy: record.publishedBy,
            publishedAt: record.publishedAt.wire,
            document: record.document
        )
    }
}
