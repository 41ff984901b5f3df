import WindMakerMessages

/// Incentive results as text for people: money as yuan with two decimals and thousands separators (¥1,234.56),
/// traffic with thousands separators; every cell escaped by ``Table``.
enum IncentiveTables {
    static func program(_ program: IncentiveV1.Program) -> String {
        Table(
            header: ["FIELD", "VALUE"],
            rows: [
                ["program", program.id], ["name", program.name],
                ["periods", "\(program.firstPeriod) to \(program.lastPeriod)"], ["created by", program.createdBy],
                ["created at", TimestampText.text(program.createdAt)],
            ]
        ).rendered
    }

    static func programs(_ programs: [IncentiveV1.Program]) -> String {
        Table(
            header: ["PROGRAM", "NAME", "FIRST", "LAST"],
            rows: programs.map { [$0.id, $0.name, $0.firstPeriod, $0.lastPeriod] }
        ).rendered
    }

    static func budget(_ budget: IncentiveV1.Budget) -> String {
        let cash = budget.cash ?? IncentiveV1.BudgetFigures()
        let traffic = budget.traffic ?? IncentiveV1.BudgetFigures()
        let row = { (name: String, figures: IncentiveV1.BudgetFigures, format: (Int64) -> String) in
            [
                name, format(figures.funded), format(figures.reserved), format(figures.posted),
                format(figures.recovered), format(figures.remaining),
            ]
        }
        return "program \(budget.program?.id ?? "")\n"
            + Table(
                header: ["BUDGET", "FUNDED", "RESERVED", "PAID", "RECOVERED", "REMAINING"],
                rows: [row("cash", cash, FixedText.yuan), row("traffic", traffic, FixedText.count)]
            ).rendered
    }

    static func rules(_ versions: [IncentiveV1.RulesVersion]) -> String {
        Table(
            header: ["VERSION", "EFFECTIVE FROM", "PUBLISHED BY", "PUBLISHED AT"],
            rows: versions.map {
                [String($0.version), $0.effectiveFrom, $0.publishedBy, TimestampText.text($0.publishedAt)]
            }
        ).rendered
    }

    static func batch(_ batch: IncentiveV1.Batch) -> String {
        let totals = batch.totals ?? IncentiveV1.BatchTotals()
        var rows = [
            ["batch", batch.id], ["kind", batch.kind], ["state", batch.state],
            ["rules version", String(batch.rulesVersion)], ["lines", FixedText.count(totals.lines)],
            ["cash", FixedText.yuan(totals.cashFen)], ["traffic", FixedText.count(totals.trafficImpressions)],
            ["carried forward", FixedText.yuan(totals.carriedFen)],
            ["proposed", "\(batch.proposedBy) at \(TimestampText.text(batch.proposedAt))"],
        ]
        if batch.state == "PROPOSED" { rows.append(["expires at", TimestampText.text(batch.expiresAt)]) }
        if totals.clawbackFen > 0 || totals.trafficClawbackImpressions > 0 {
            rows.append(["clawed back", FixedText.yuan(totals.clawbackFen)])
            rows.append(["traffic taken back", FixedText.count(totals.trafficClawbackImpressions)])
        }
        if !batch.approvedBy.isEmpty {
            rows.append(["approved", "\(batch.approvedBy) at \(TimestampText.text(batch.approvedAt))"])
            rows.append(["postable at", TimestampText.text(batch.postableAt)])
        }
        if !batch.closedBy.isEmpty {
            rows.append(["closed", "\(batch.closedBy) at \(TimestampText.text(batch.closedAt)): \(batch.closeReason)"])
        }
        if batch.postedAt != nil { rows.append(["posted at", TimestampText.text(batch.postedAt)]) }
        return Table(header: ["FIELD", "VALUE"], rows: rows).rendered
    }

    static func lines(_ lines: [IncentiveV1.EntitlementLine]) -> String {
        Table(
            header: ["PROVIDER", "TYPE", "TIER", "CLUB", "STATUS", "EARNED", "PAYOUT", "CARRIED", "TRAFFIC"],
            rows: lines.map {
                [
                    $0.providerId, $0.providerType, $0.tier, $0.club, $0.status, FixedText.yuan($0.earnedFen),
                    $0.status == "VOIDED" ? "—" : FixedText.yuan($0.payoutFen), FixedText.yuan($0.carryOutFen),
                    $0.status == "VOIDED" ? "—" : FixedText.count($0.trafficImpressions),
                ]
            }
        ).rendered
    }

    static func statement(_ statement: IncentiveV1.StatementResponse) -> String {
        var text = "statement of \(statement.providerId), program \(statement.programId), period \(statement.period)\n"
        for entry in statement.entries {
            let batch = entry.batch ?? IncentiveV1.Batch()
            let line = entry.line ?? IncentiveV1.EntitlementLine()
            text +=
                "\n"
                + Table(
                    header: ["FIELD", "VALUE"],
                    rows: [
                        ["batch", "\(batch.id) (\(batch.kind), \(batch.state))"], ["line", line.status],
                        ["rules version", String(batch.rulesVersion)],
                        [
                            "scorecard",
                            "revision \(line.scorecardRevision), rulebook v\(line.rulebookVersion), "
                                + "tier \(line.tier)\(line.club.isEmpty ? "" : ", club \(line.club)")",
                        ],
                        ["input digest", line.inputDigest], ["earned", FixedText.yuan(line.earnedFen)],
                        ["carried in", FixedText.yuan(line.carriedInFen)],
                        ["clawback deducted", FixedText.yuan(line.deductedFen)],
                        ["payout", FixedText.yuan(line.payoutFen)], ["carried on", FixedText.yuan(line.carryOutFen)],
                        ["traffic", FixedText.count(line.trafficImpressions)],
                        ["clawed back", FixedText.yuan(line.clawbackFen)],
                    ]
                ).rendered
            text += "\n" + line.explanation.map { "  · " + TerminalText.escaped($0) }.joined(separator: "\n")
        }
        return text + "\n\npaid in this period: \(FixedText.yuan(statement.paidFen))"
    }

    static func reconcile(_ report: IncentiveV1.ReconcileResponse) -> String {
        var text = Table(
            header: ["ACCOUNTS", "TRANSFERS", "PENDING CASH", "POSTED CASH", "PENDING TRAFFIC", "POSTED TRAFFIC"],
            rows: [
                [
                    FixedText.count(report.accounts), FixedText.count(report.transfers),
                    FixedText.yuan(decimal: report.pendingFen), FixedText.yuan(decimal: report.postedFen),
                    FixedText.count(decimal: report.pendingImpressions),
                    FixedText.count(decimal: report.postedImpressions),
                ]
            ]
        ).rendered
        switch report.violations.count {
        case 0: text += "\nthe ledger reconciles"
        case let count:
            text +=
                "\n\(count) \(count == 1 ? "violation" : "violations"):\n"
                + report.violations.map { "  - " + TerminalText.escaped($0) }.joined(separator: "\n")
        }
        return text
    }

    static func dryRun(_ report: IncentiveV1.DryRunResponse) -> String {
        var text =
            "draft rules for \(report.programId) \(report.period) (published: "
            + (report.publishedVersion == 0 ? "none" : "v\(report.publishedVersion)") + ")\n"
        text +=
            Table(
                header: ["BUDGET", "DRAFT WOULD TAKE", "REMAINING"],
                rows: [
                    ["cash", FixedText.yuan(report.cashFen), FixedText.yuan(report.cashRemainingFen)],
                    [
                        "traffic", FixedText.count(report.trafficImpressions),
                        FixedText.count(report.trafficRemainingImpressions),
                    ],
                ]
            ).rendered
        if !report.overBudget.isEmpty { text += "\nover budget: " + TerminalText.escaped(report.overBudget) }
        for (title, groups) in [("tier", report.byTier), ("club", report.byClub), ("type", report.byType)] {
            text +=
                "\n\n"
                + Table(
                    header: [title.uppercased(), "PROVIDERS", "CASH", "TRAFFIC"],
                    rows: groups.map {
                        [
                            $0.name.isEmpty ? "(none)" : $0.name, FixedText.count($0.providers),
                            FixedText.yuan($0.cashFen),
                            FixedText.count($0.trafficImpressions),
                        ]
                    }
                ).rendered
        }
        if !report.changes.isEmpty {
            text +=
                "\n\nlargest changes against the published rules\n"
                + Table(
                    header: ["PROVIDER", "TYPE", "PUBLISHED", "DRAFT", "CHANGE"],
                    rows: report.changes.map {
                        [
                            $0.providerId, $0.providerType, FixedText.yuan($0.publishedFen),
                            FixedText.yuan($0.draftFen),
                            ($0.deltaFen > 0 ? "+" : "") + FixedText.yuan($0.deltaFen),
                        ]
                    }
                ).rendered
        }
        return text
    }
}
