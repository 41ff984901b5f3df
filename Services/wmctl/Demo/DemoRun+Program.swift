import WindMakerKit
import WindMakerMessages
import WindMakerServiceAPI

extension DemoRun {
    /// The incentive rules of the demo program: cash by tier on the quarter's net GMV with club bonuses, scaled pro
    /// rata if the budget runs short, traffic by tier, paid without a hold so that a period is paid as soon as it is
    /// approved.
    static let rules = """
        { "cash": { "basis": "gmv", "rates_bp": { "S": 40, "A": 25, "B": 10 },
                    "club_bonus_bp": { "1B": 10, "100M": 5 },
                    "floor_fen": 0, "cap_per_period_fen": \(capPerPeriodFen), "cap_per_program_fen": 800000000 },
          "traffic": { "impressions": { "S": 2000000, "A": 800000, "B": 300000 } },
          "hold_days": 0, "payout_minimum_fen": 50000, "over_budget": "pro_rata" }
        """

    /// ¥1M per provider and period.
    static let capPerPeriodFen: Int64 = 100_000_000
    /// The budget: funded at the start, topped up when the second half-year begins; with the default 300 providers
    /// a year pays about three quarters of it.
    static let initialCashFen: Int64 = 80_000_000_000
    static let initialTrafficImpressions: Int64 = 3_000_000_000
    static let topUpCashFen: Int64 = 50_000_000_000
    static let topUpMonth = 6

    /// Creates the program for the twelve periods, funds it and publishes its rules, as the operator.
    func createProgram() async throws {
        let incentive = try self.incentive(as: "operator-alice")
        _ = try await incentive.createProgram(
            IncentiveV1.CreateProgramRequest(
                programId: self.programID,
                name: "Wind Maker 2021–22 (demo)",
                firstPeriod: SyntheticProgram.periods.first!,
                lastPeriod: SyntheticProgram.periods.last!
            ),
            options: self.keyed("program")
        )
        _ = try await incentive.fundProgram(
            IncentiveV1.FundProgramRequest(
                programId: self.programID,
                cashFen: Self.initialCashFen,
                trafficImpressions: Self.initialTrafficImpressions
            ),
            options: self.keyed("funding-1")
        )
        _ = try await incentive.publishRules(
            IncentiveV1.PublishRulesRequest(
                programId: self.programID,
                document: Self.rules,
                effectiveFrom: SyntheticProgram.periods.first!
            ),
            options: self.keyed("rules-1")
        )
        Self.say(
            "program \(self.programID): funded \(AmountText.yuan(Self.initialCashFen)) and "
                + "\(AmountText.count(Self.initialTrafficImpressions)) impressions, rules published"
        )
    }

    /// The top-up at the start of the second half-year.
    func topUp() async throws {
        _ = try await self.incentive(as: "operator-alice").fundProgram(
            IncentiveV1.FundProgramRequest(programId: self.programID, cashFen: Self.topUpCashFen),
            options: self.keyed("funding-2")
        )
        Self.say("program \(self.programID): topped up by \(AmountText.yuan(Self.topUpCashFen))")
    }
}
