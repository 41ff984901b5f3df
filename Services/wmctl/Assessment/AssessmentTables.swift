import WindMakerMessages

/// Assessment messages as aligned tables for humans.
enum AssessmentTables {
    static func ingest(_ response: AssessmentV1.IngestResponse) -> String {
        var text = Table(
            header: ["ACCEPTED", "DUPLICATE", "CONFLICT", "REJECTED", "LATE"],
            rows: [
                [response.accepted, response.duplicate, response.conflict, response.rejected, response.late].map(
                    String.init
                )
            ]
        ).rendered
        if !response.problems.isEmpty {
            text +=
                "\n\n"
                + Table(
                    header: ["#", "FACT", "PROBLEM", "FIELD", "REASON"],
                    rows: response.problems.map { [String($0.index + 1), $0.factId, $0.kind, $0.field, $0.reason] }
                ).rendered
        }
        return text
    }

    static func period(_ period: AssessmentV1.Period) -> String {
        let summary = period.summary ?? AssessmentV1.PeriodSummary()
        return Table(
            header: ["FIELD", "VALUE"],
            rows: [
                ["period", period.period], ["state", period.state],
                ["rulebook", period.rulebookVersion == 0 ? "" : String(period.rulebookVersion)],
                ["computed", TimestampText.text(period.computedAt)],
                ["published", TimestampText.text(period.publishedAt)],
                ["appeals until", TimestampText.text(period.appealDeadline)],
                ["finalized", TimestampText.text(period.finalizedAt)], ["providers", String(summary.providers)],
                ["facts attributed", String(summary.attributedFacts)],
                ["facts unattributed", String(summary.unattributedFacts)], ["bindings", String(summary.bindings)],
                ["bindings digest", summary.bindingsDigest],
            ]
        ).rendered
    }

    /// A scorecard as a readable breakdown: the headline, then every dimension with its indicators.
    static func scorecard(_ card: AssessmentV1.Scorecard) -> String {
        var text = Table(
            header: ["FIELD", "VALUE"],
            rows: [
                ["provider", "\(card.providerId) (\(card.providerType))"], ["period", card.period],
                ["revision", String(card.revision)], ["composite", FixedText.score(card.composite)],
                ["tier", card.tier], ["rank", card.rank == 0 ? "not ranked" : String(card.rank)],
                ["club", card.club.isEmpty ? "none" : card.club],
                ["club GMV (12 months, net)", FixedText.yuan(card.clubGmvFen)],
                ["gates", card.gates.joined(separator: ", ")], ["disqualified", card.disqualified ? "yes" : "no"],
                ["rulebook", String(card.rulebookVersion)], ["input digest", card.inputDigest],
            ]
        ).rendered
        var rows: [[String]] = []
        for dimension in card.dimensions {
            let capped =
                dimension.uncapped != dimension.score ? " (capped from \(FixedText.score(dimension.uncapped)))" : ""
            rows.append([
                dimension.dimension, "", "", "", "", FixedText.score(dimension.score) + capped,
                String(dimension.weight),
            ])
            for indicator in dimension.indicators {
                rows.append([
                    "", indicator.id + (indicator.overridden ? " *" : ""),
                    indicator.hasValue ? FixedText.value(indicator.value) : "n/a", FixedText.score(indicator.points),
                    String(indicator.weight), FixedText.score(indicator.contribution), "",
                ])
            }
        }
        text +=
            "\n\n"
            + Table(
                header: ["DIMENSION", "INDICATOR", "VALUE", "POINTS", "WEIGHT", "SCORE", "TYPE WEIGHT"],
                rows: rows
            ).rendered
        if !card.totals.isEmpty {
            text +=
                "\n\n"
                + Table(
                    header: ["METRIC", "TOTAL"],
                    rows: card.totals.map { [$0.metric, String($0.value)] }
                ).rendered
        }
        if !card.overrides.isEmpty {
            text +=
                "\n\n* overridden: "
                + card.overrides.map {
                    "\($0.dimension).\($0.indicator) = \(FixedText.value($0.value)) (\($0.justification))"
                }.joined(separator: "; ")
        }
        return text
    }

    static func rankings(_ cards: [AssessmentV1.Scorecard]) -> String {
        Table(
            header: ["RANK", "PROVIDER", "COMPOSITE", "TIER", "CLUB", "CLUB GMV", "DISQUALIFIED"],
            rows: cards.map {
                [
                    String($0.rank), $0.providerId, FixedText.score($0.composite), $0.tier, $0.club,
                    FixedText.yuan($0.clubGmvFen), $0.disqualified ? "yes" : "",
                ]
            }
        ).rendered
    }

    static func appeals(_ appeals: [AssessmentV1.Appeal]) -> String {
        Table(
            header: ["ID", "PROVIDER", "DIMENSION", "STATE", "FILED", "REASON", "RESOLUTION"],
            rows: appeals.map {
                [
                    $0.id, $0.providerId, $0.dimension, $0.state, TimestampText.text($0.filedAt), $0.reason,
                    $0.resolution,
                ]
            }
        ).rendered
    }

    static func rulebook(_ rulebook: AssessmentV1.Rulebook) -> String {
        Table(
            header: ["FIELD", "VALUE"],
            rows: [
                ["version", String(rulebook.version)], ["effective from", rulebook.effectiveFrom],
                ["digest", rulebook.digest], ["published by", rulebook.publishedBy],
                ["published", TimestampText.text(rulebook.publishedAt)],
            ]
        ).rendered
    }

    static func dryRun(_ report: AssessmentV1.DryRunResponse) -> String {
        var text = Table(
            header: ["TYPE", "PROVIDERS", "TIER UP", "TIER DOWN", "CLUBS (entered/left)"],
            rows: report.summary.map { row in
                [
                    row.providerType, String(row.providers), String(row.tierUp), String(row.tierDown),
                    row.clubs.map { "\($0.club) +\($0.entered)/-\($0.left)" }.joined(separator: ", "),
                ]
            }
        ).rendered
        let moved = report.changes.filter {
            $0.compositeDelta != 0 || $0.tierBefore != $0.tierAfter || $0.clubBefore != $0.clubAfter
        }
        text +=
            "\n\n"
            + Table(
                header: ["PROVIDER", "TYPE", "COMPOSITE", "DELTA", "TIER", "CLUB"],
                rows: moved.map {
                    [
                        $0.providerId, $0.providerType,
                        "\(FixedText.score($0.compositeBefore)) → \(FixedText.score($0.compositeAfter))",
                        ($0.compositeDelta > 0 ? "+" : "") + FixedText.score($0.compositeDelta),
                        $0.tierBefore == $0.tierAfter ? $0.tierAfter : "\($0.tierBefore) → \($0.tierAfter)",
                        $0.clubBefore == $0.clubAfter
                            ? $0.clubAfter
                            : "\($0.clubBefore.isEmpty ? "none" : $0.clubBefore) → \($0.clubAfter.isEmpty ? "none" : $0.clubAfter)",
                    ]
                }
            ).rendered
        text +=
            "\n\n\(moved.count) of \(report.changes.count) providers change (published rulebook \(report.publishedRulebookVersion))."
        return text
    }

    static func progress(_ report: AssessmentV1.ProgressResponse) -> String {
        var rows: [[String]] = []
        for period in report.periods {
            let overall = period.overall ?? AssessmentV1.ClubCounts()
            rows.append([
                period.period, period.state, "all", "\(overall.billion)/\(report.targetBillion)",
                "\(overall.hundredMillion)/\(report.targetHundredMillion)", String(overall.providers),
            ])
            for row in period.byType {
                rows.append([
                    "", "", row.providerType, String(row.billion), String(row.hundredMillion), String(row.providers),
                ])
            }
        }
        return Table(header: ["PERIOD", "STATE", "TYPE", "≥ ¥1B", "≥ ¥100M", "PROVIDERS"], rows: rows).rendered
    }
}
