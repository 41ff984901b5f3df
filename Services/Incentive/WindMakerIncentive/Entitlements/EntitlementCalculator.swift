import WindMakerKit

/// One provider's entitlement for a period under ``EntitlementRules``, with every step of the arithmetic in words
/// for its statement. Integer fen throughout; a share of GMV is rounded down (never paying a fraction of a fen the
/// budget does not have).
public enum EntitlementCalculator {
    /// What the calculation needs about the provider and its FINAL scorecard.
    public struct Input: Hashable, Sendable {
        public var tier: String
        public var club: String?
        /// Net attributed GMV of the scorecard's window (fen).
        public var gmv: Int64
        /// The same for the previous period, for a growth basis; `nil` when there was none (growth is then the GMV).
        public var previousGMV: Int64?
        /// `nil` when eligible; otherwise why not (not ACTIVE, scorecard not FINAL, disqualified).
        public var ineligibility: String?
        /// Cash already paid to the provider in this program (fen), for the program cap.
        public var paidInProgram: Int64
        /// Cash carried forward from earlier periods below the payout minimum (fen).
        public var carriedForward: Int64
        /// Clawbacks owed by the provider (fen), deducted from this payout.
        public var receivable: Int64

        public init(
            tier: String,
            club: String? = nil,
            gmv: Int64,
            previousGMV: Int64? = nil,
            ineligibility: String? = nil,
            paidInProgram: Int64 = 0,
            carriedForward: Int64 = 0,
            receivable: Int64 = 0
        ) {
            self.tier = tier
            self.club = club
            self.gmv = gmv
            self.previousGMV = previousGMV
            self.ineligibility = ineligibility
            self.paidInProgram = paidInProgram
            self.carriedForward = carriedForward
            self.receivable = receivable
        }
    }

    /// The result: what to pay now, what to carry, what was deducted, and why.
    public struct Result: Hashable, Sendable {
        /// Cash earned this period after floor and caps, before carried amounts, deductions and the minimum.
        public var earned: Int64 = 0
        public var cash: Int64 = 0
        public var traffic: Int64 = 0
        /// Carried to the next period (below the payout minimum).
        public var carryForward: Int64 = 0
        /// Taken from the payout against the provider's clawback receivable.
        public var receivableDeducted: Int64 = 0
        public var lines: [String] = []
    }

    public static func calculate(_ input: Input, rules: EntitlementRules) -> Result {
        var result = Result()
        if let reason = input.ineligibility {
            result.carryForward = input.carriedForward
            result.lines.append(
                "not eligible: \(reason); nothing paid"
                    + (input.carriedForward > 0 ? ", \(AmountText.yuan(input.carriedForward)) still carried" : "")
            )
            return result
        }
        let base: Int64
        switch rules.basis {
        case .gmv:
            base = max(0, input.gmv)
            result.lines.append("basis: net GMV \(AmountText.yuan(base))")
        case .growth:
            let (growth, overflow) = input.gmv.subtractingReportingOverflow(input.previousGMV ?? 0)
            base = overflow ? (input.gmv > 0 ? .max : 0) : max(0, growth)
            result.lines.append(
                "basis: growth \(AmountText.yuan(input.gmv)) − \(AmountText.yuan(input.previousGMV ?? 0)) = "
                    + AmountText.yuan(base)
            )
        }
        let tierRate = rules.tierRates[input.tier] ?? 0
        let bonus = input.club.flatMap { rules.clubBonuses[$0] } ?? 0
        let rate = tierRate + bonus
        // In 128 bits, then at most what 64 bits hold: the caps below bring it down to what may be paid.
        var cash = Int64(min(Int128(base) * Int128(rate) / 10_000, Int128(Int64.max)))
        result.lines.append(
            "rate: tier \(input.tier) \(tierRate) bp" + (bonus > 0 ? " + club \(input.club ?? "") \(bonus) bp" : "")
                + " → \(AmountText.yuan(cash))"
        )
        if rate > 0 && cash < rules.floor {
            cash = rules.floor
            result.lines.append("floor: raised to \(AmountText.yuan(cash))")
        }
        if cash > rules.capPerPeriod {
            cash = rules.capPerPeriod
            result.lines.append("cap per period: cut to \(AmountText.yuan(cash))")
        }
        let programRoom = max(0, rules.capPerProgram - input.paidInProgram)
        if cash > programRoom {
            cash = programRoom
            result.lines.append(
                "cap per program: \(AmountText.yuan(input.paidInProgram)) already earned, cut to \(AmountText.yuan(cash))"
            )
        }
        result.earned = cash
        var gross = cash.addingReportingOverflow(input.carriedForward).overflow ? .max : cash + input.carriedForward
        if input.carriedForward > 0 {
            result.lines.append("carried forward: + \(AmountText.yuan(input.carriedForward))")
        }
        let deducted = min(gross, input.receivable)
        if deducted > 0 {
            gross -= deducted
            result.receivableDeducted = deducted
            result.lines.append("clawback deducted: − \(AmountText.yuan(deducted))")
        }
        if gross < rules.payoutMinimum {
            result.carryForward = gross
            if gross > 0 {
                result.lines.append(
                    "below the payout minimum of \(AmountText.yuan(rules.payoutMinimum)): \(AmountText.yuan(gross)) "
                        + "carried forward"
                )
            }
        } else {
            result.cash = gross
        }
        result.traffic = rules.trafficPerTier[input.tier] ?? 0
        result.lines.append("traffic: \(AmountText.count(result.traffic)) impressions for tier \(input.tier)")
        return result
    }

    /// `amounts` scaled down to total exactly `budget`, in proportion, by largest remainder (ties to the earlier
    /// entry); unchanged when they already fit.
    public static func scaled(_ amounts: [Int64], toBudget budget: Int64) -> [Int64] {
        let total = amounts.reduce(Int128(0)) { $0 + Int128($1) }
        guard total > Int128(budget), total > 0 else { return amounts }
        let shares = amounts.map { Int128($0) * Int128(budget) }
        var result = shares.map { Int64($0 / total) }
        var left = budget - result.reduce(0, +)
        let order = shares.indices.sorted { first, second in
            let (a, b) = (shares[first] % total, shares[second] % total)
            return a != b ? a > b : first < second
        }
        for index in order where left > 0 {
            result[index] += 1
            left -= 1
        }
        return result
    }
}
