import WindMakerMessages

/// Assessment messages as `--json` values: snake-case keys, fixed-point numbers as the integers the wire carries
/// (scores in hundredths, indicator values in ten-thousandths, money in fen), timestamps RFC 3339.
enum AssessmentJSON {
    typealias Value = JSONOutput.Value

    static func ingest(_ response: AssessmentV1.IngestResponse) -> [String: Value] {
        [
            "accepted": .number(response.accepted), "duplicate": .number(response.duplicate),
            "conflict": .number(response.conflict), "rejected": .number(response.rejected),
            "late": .number(response.late),
            "problems": .array(
                response.problems.map {
                    .object([
                        "index": .number($0.index), "fact_id": .string($0.factId), "kind": .string($0.kind),
                        "field": .string($0.field), "reason": .string($0.reason),
                    ])
                }
            ),
        ]
    }

    static func period(_ period: AssessmentV1.Period) -> Value {
        let summary = period.summary ?? AssessmentV1.PeriodSummary()
        return .object([
            "period": .string(period.period), "state": .string(period.state),
            "rulebook_version": .number(period.rulebookVersion),
            "computed_at": .string(TimestampText.text(period.computedAt)),
            "published_at": .string(TimestampText.text(period.publishedAt)),
            "appeal_deadline": .string(TimestampText.text(period.appealDeadline)),
            "finalized_at": .string(TimestampText.text(period.finalizedAt)),
            "providers": .number(summary.providers), "attributed_facts": .number(summary.attributedFacts),
            "unattributed_facts": .number(summary.unattributedFacts), "bindings": .number(summary.bindings),
            "bindings_digest": .string(summary.bindingsDigest),
        ])
    }

    static func scorecard(_ card: AssessmentV1.Scorecard) -> Value {
        .object([
            "period": .string(card.period), "provider_id": .string(card.providerId),
            "provider_type": .string(card.providerType), "revision": .number(card.revision),
            "composite": .number(card.composite), "tier": .string(card.tier), "club": .string(card.club),
            "club_gmv_fen": .number(card.clubGmvFen), "rank": .number(card.rank),
            "gates": .array(card.gates.map(Value.string)), "disqualified": .bool(card.disqualified),
            "rulebook_version": .number(card.rulebookVersion), "input_digest": .string(card.inputDigest),
            "totals": .object(
                Dictionary(uniqueKeysWithValues: card.totals.map { ($0.metric, Value.number($0.value)) })
            ),
            "dimensions": .array(
                card.dimensions.map { dimension in
                    .object([
                        "dimension": .string(dimension.dimension), "score": .number(dimension.score),
                        "uncapped": .number(dimension.uncapped), "weight": .number(dimension.weight),
                        "indicators": .array(
                            dimension.indicators.map { indicator in
                                .object([
                                    "id": .string(indicator.id),
                                    "value": indicator.hasValue ? .number(indicator.value) : .null,
                                    "points": .number(indicator.points), "weight": .number(indicator.weight),
                                    "contribution": .number(indicator.contribution),
                                    "overridden": .bool(indicator.overridden),
                                ])
                            }
                        ),
                    ])
                }
            ),
            "overrides": .array(card.overrides.map(Self.override)),
            "created_at": .string(TimestampText.text(card.createdAt)),
        ])
    }

    static func override(_ override: AssessmentV1.IndicatorOverride) -> Value {
        .object([
            "dimension": .string(override.dimension), "indicator": .string(override.indicator),
            "value": .number(override.value), "justification": .string(override.justification),
        ])
    }

    static func appeal(_ appeal: AssessmentV1.Appeal) -> Value {
        .object([
            "id": .string(appeal.id), "period": .string(appeal.period), "provider_id": .string(appeal.providerId),
            "dimension": .string(appeal.dimension), "reason": .string(appeal.reason), "state": .string(appeal.state),
            "filed_by": .string(appeal.filedBy), "filed_at": .string(TimestampText.text(appeal.filedAt)),
            "resolution": .string(appeal.resolution), "resolved_by": .string(appeal.resolvedBy),
            "resolved_at": .string(TimestampText.text(appeal.resolvedAt)),
            "override": appeal.override.map(Self.override) ?? .null,
        ])
    }

    static func rulebook(_ rulebook: AssessmentV1.Rulebook, document: Bool) -> Value {
        var fields: [String: Value] = [
            "version": .number(rulebook.version), "effective_from": .string(rulebook.effectiveFrom),
            "digest": .string(rulebook.digest), "published_by": .string(rulebook.publishedBy),
            "published_at": .string(TimestampText.text(rulebook.publishedAt)),
        ]
        if document { fields["document"] = .string(rulebook.document) }
        return .object(fields)
    }

    static func dryRun(_ report: AssessmentV1.DryRunResponse) -> [String: Value] {
        [
            "period": .string(report.period),
            "published_rulebook_version": .number(report.publishedRulebookVersion),
            "summary": .array(
                report.summary.map { row in
                    .object([
                        "provider_type": .string(row.providerType), "providers": .number(row.providers),
                        "tier_up": .number(row.tierUp), "tier_down": .number(row.tierDown),
                        "clubs": .array(
                            row.clubs.map {
                                .object([
                                    "club": .string($0.club), "entered": .number($0.entered), "left": .number($0.left),
                                ])
                            }
                        ),
                    ])
                }
            ),
            "changes": .array(
                report.changes.map { change in
                    .object([
                        "provider_id": .string(change.providerId), "provider_type": .string(change.providerType),
                        "had_scorecard": .bool(change.hadScorecard),
                        "composite_before": .number(change.compositeBefore),
                        "composite_after": .number(change.compositeAfter),
                        "composite_delta": .number(change.compositeDelta),
                        "tier_before": .string(change.tierBefore), "tier_after": .string(change.tierAfter),
                        "club_before": .string(change.clubBefore), "club_after": .string(change.clubAfter),
                    ])
                }
            ),
        ]
    }

    static func progress(_ report: AssessmentV1.ProgressResponse) -> [String: Value] {
        func counts(_ counts: AssessmentV1.ClubCounts) -> Value {
            .object([
                "provider_type": .string(counts.providerType), "billion": .number(counts.billion),
                "hundred_million": .number(counts.hundredMillion), "providers": .number(counts.providers),
            ])
        }
        return [
            "target_billion": .number(report.targetBillion),
            "target_hundred_million": .number(report.targetHundredMillion),
            "periods": .array(
                report.periods.map { period in
                    .object([
                        "period": .string(period.period), "state": .string(period.state),
                        "overall": counts(period.overall ?? AssessmentV1.ClubCounts()),
                        "by_type": .array(period.byType.map(counts)),
                    ])
                }
            ),
        ]
    }
}
