public import WindMakerKit

/// Turns scorecards, standings and the ledger's history into a batch's lines: pure arithmetic, no store, no clock.
///
/// A regular batch pays each provider's entitlement under the rules (``EntitlementCalculator``). An adjustment
/// batch pays, for each provider whose scorecard was revised since the period was paid, the difference between
/// what the new scorecard earns and what was earned: a top-up when positive, a clawback when negative. When the
/// budget cannot cover the batch, the rules decide: fail, naming the shortfall, or scale every payout pro rata.
public enum BatchPlanner {
    /// The budget a batch may still take.
    public struct Budget: Hashable, Sendable {
        public var cash: Int64
        public var traffic: Int64

        public init(cash: Int64, traffic: Int64) {
            self.cash = cash
            self.traffic = traffic
        }
    }

    public static func plan(
        _ batch: BatchID,
        kind: BatchKind,
        rules: EntitlementRules,
        inputs: [ScorecardInput],
        history: [ProviderID: ProviderHistory],
        budget: Budget
    ) throws(IncentiveError) -> [EntitlementLine] {
        var lines: [EntitlementLine] = []
        lines.reserveCapacity(inputs.count)
        for input in inputs {
            let past = history[input.provider] ?? ProviderHistory()
            switch kind {
            case .regular:
                lines.append(Self.regularLine(batch, input, past, rules))
            case .adjustment:
                if let line = Self.adjustmentLine(batch, input, past, rules) { lines.append(line) }
            }
        }
        try Self.fit(&lines, to: budget, rules: rules)
        for index in lines.indices where lines[index].status.isOpen && !lines[index].moves {
            lines[index].status = .nothing
        }
        return lines
    }

    private static func regularLine(
        _ batch: BatchID,
        _ input: ScorecardInput,
        _ past: ProviderHistory,
        _ rules: EntitlementRules
    ) -> EntitlementLine {
        var line = Self.line(batch, input)
        let ineligibility = Self.ineligibility(input)
        let result = EntitlementCalculator.calculate(
            EntitlementCalculator.Input(
                tier: input.tier,
                club: input.club,
                gmv: input.gmv,
                previousGMV: input.previousGMV,
                ineligibility: ineligibility,
                paidInProgram: past.earnedInProgram,
                carriedForward: past.carriedForward,
                receivable: past.receivable
            ),
            rules: rules
        )
        line.earned = result.earned
        line.carriedIn = ineligibility == nil ? past.carriedForward : 0
        line.deducted = result.receivableDeducted
        line.payout = result.cash
        line.carryOut = result.carryForward
        line.traffic = ineligibility == nil ? result.traffic : 0
        line.explanation = result.lines
        if input.standing == .suspended {
            line.explanation.append("provider is SUSPENDED: held until reinstated")
        }
        line.status = Self.status(of: line, input)
        return line
    }

    private static func adjustmentLine(
        _ batch: BatchID,
        _ input: ScorecardInput,
        _ past: ProviderHistory,
        _ rules: EntitlementRules
    ) -> EntitlementLine? {
        guard let paidRevision = past.paidRevision, input.revision > paidRevision else { return nil }
        // What the revised scorecard earns; whether the provider may be paid now is decided when the batch is posted.
        let disqualified = input.disqualified ? "disqualified by an assessment gate" : nil
        let result = EntitlementCalculator.calculate(
            EntitlementCalculator.Input(
                tier: input.tier,
                club: input.club,
                gmv: input.gmv,
                previousGMV: input.previousGMV,
                ineligibility: disqualified,
                paidInProgram: past.earnedInProgram
            ),
            rules: rules
        )
        let cash = result.earned - past.earnedThisPeriod
        let traffic = (disqualified == nil ? result.traffic : 0) - past.trafficThisPeriod
        guard cash != 0 || traffic != 0 else { return nil }
        var line = Self.line(batch, input)
        line.earned = cash
        line.payout = max(0, cash)
        line.clawback = max(0, -cash)
        line.traffic = max(0, traffic)
        line.trafficClawback = max(0, -traffic)
        line.explanation = ["scorecard revised from revision \(paidRevision) to \(input.revision)"] + result.lines
        line.explanation.append(
            "earned now \(AmountText.yuan(result.earned)), earned before \(AmountText.yuan(past.earnedThisPeriod)): "
                + (cash >= 0
                    ? "top-up \(AmountText.yuan(cash))" : "clawback \(AmountText.yuan(-cash)), owed as a receivable")
        )
        if traffic != 0 {
            line.explanation.append(
                traffic > 0
                    ? "traffic top-up \(AmountText.count(traffic))" : "traffic taken back \(AmountText.count(-traffic))"
            )
        }
        line.status = Self.status(of: line, input)
        return line
    }

    private static func line(_ batch: BatchID, _ input: ScorecardInput) -> EntitlementLine {
        EntitlementLine(
            batch: batch,
            provider: input.provider,
            providerType: input.providerType,
            tier: input.tier,
            club: input.club,
            scorecardRevision: input.revision,
            rulebookVersion: input.rulebookVersion,
            inputDigest: input.inputDigest,
            status: .nothing
        )
    }

    private static func ineligibility(_ input: ScorecardInput) -> String? {
        if input.disqualified { return "disqualified by an assessment gate" }
        if case .ineligible(let reason) = input.standing { return reason }
        return nil
    }

    private static func status(of line: EntitlementLine, _ input: ScorecardInput) -> EntitlementLine.Status {
        guard line.moves else { return .nothing }
        return input.standing == .suspended ? .held : .pending
    }

    /// Checks the batch against the budget; over it, fails or scales payouts (and traffic) down to what is left.
    private static func fit(
        _ lines: inout [EntitlementLine],
        to budget: Budget,
        rules: EntitlementRules
    ) throws(IncentiveError) {
        // In 128 bits: the rules allow amounts per provider whose sum over thousands of providers passes 64 bits.
        let cash = lines.reduce(Int128(0)) { $0 + Int128($1.grant) }
        let traffic = lines.reduce(Int128(0)) { $0 + Int128($1.traffic) }
        if cash > Int128(budget.cash) {
            guard rules.overBudget == .proRata else {
                throw .failedPrecondition(
                    "the batch needs \(AmountText.yuan(decimal: String(cash))) of cash but the budget has "
                        + "\(AmountText.yuan(budget.cash)) left: short by "
                        + "\(AmountText.yuan(decimal: String(cash - Int128(budget.cash)))); fund the program or publish "
                        + "rules with \"over_budget\": \"pro_rata\""
                )
            }
            let deducted = lines.reduce(Int64(0)) { $0 + $1.deducted }
            let scaled = EntitlementCalculator.scaled(lines.map(\.payout), toBudget: max(0, budget.cash - deducted))
            for index in lines.indices where scaled[index] != lines[index].payout {
                let cut = lines[index].payout - scaled[index]
                lines[index].explanation.append(
                    "scaled pro rata to the budget: \(AmountText.yuan(lines[index].payout)) → \(AmountText.yuan(scaled[index]))"
                )
                lines[index].payout = scaled[index]
                lines[index].earned -= cut
            }
        }
        if traffic > Int128(budget.traffic) {
            guard rules.overBudget == .proRata else {
                throw .failedPrecondition(
                    "the batch needs \(AmountText.count(decimal: String(traffic))) impressions but the traffic budget "
                        + "has \(AmountText.count(budget.traffic)) left: short by "
                        + AmountText.count(decimal: String(traffic - Int128(budget.traffic)))
                )
            }
            let scaled = EntitlementCalculator.scaled(lines.map(\.traffic), toBudget: budget.traffic)
            for index in lines.indices where scaled[index] != lines[index].traffic {
                lines[index].explanation.append(
                    "traffic scaled pro rata to the budget: \(AmountText.count(lines[index].traffic)) → "
                        + AmountText.count(scaled[index])
                )
                lines[index].traffic = scaled[index]
            }
        }
    }
}
