import Foundation
import Testing
import WindMakerIncentive
import WindMakerKit

@Suite struct EntitlementTests {
    static let document = #"""
        {
          "cash": { "basis": "gmv", "rates_bp": { "S": 200, "A": 100 }, "club_bonus_bp": { "100M": 50 },
                    "floor_fen": 100000, "cap_per_period_fen": 5000000, "cap_per_program_fen": 8000000 },
          "traffic": { "impressions": { "S": 5000000, "A": 1000000 } },
          "hold_days": 7,
          "payout_minimum_fen": 50000,
          "over_budget": "pro_rata"
        }
        """#

    private func rules(_ replacing: String = "", with new: String = "") throws(InvalidRequest) -> EntitlementRules {
        try EntitlementRules.read(Array(Self.document.replacingOccurrences(of: replacing, with: new).utf8))
    }

    @Test func theDocumentReads() throws {
        let rules = try self.rules()
        #expect(rules.tierRates == ["S": 200, "A": 100] && rules.clubBonuses == ["100M": 50])
        #expect(rules.overBudget == .proRata && rules.holdDays == 7)
    }

    @Test(arguments: [
        (#""basis": "gmv""#, #""basis": "sales""#, "cash.basis"),
        (#""S": 200"#, #""S": 20000"#, "cash.rates_bp.S"),
        (#""floor_fen": 100000"#, #""floor_fen": 9000000"#, "cash.floor_fen"),
        (#""cap_per_period_fen": 5000000"#, #""cap_per_period_fen": 9000000"#, "cash.cap_per_period_fen"),
        (#""over_budget": "pro_rata""#, #""over_budget": "maybe""#, "over_budget"),
        (#""hold_days": 7,"#, #""hold_days": 7, "holds": 1,"#, "holds"),
        (#""S": 5000000"#, #""s": 5000000"#, "traffic.impressions.s"),
    ])
    func violationsNameTheirPath(old: String, new: String, field: String) {
        do {
            _ = try self.rules(old, with: new)
            Issue.record("accepted \(new)")
        } catch {
            #expect(error.violations.map(\.field).contains(field), "\(error.violations)")
        }
    }

    @Test func anOversizedDocumentIsRefusedBeforeItIsParsed() {
        let padding = String(repeating: " ", count: EntitlementRules.maximumDocumentBytes)
        #expect {
            try EntitlementRules.read(Array((padding + "{}").utf8))
        } throws: { error in
            (error as? InvalidRequest)?.violations.first?.field == "document"
        }
    }

    @Test func rateFloorCapsCarryAndClawback() throws {
        let rules = try self.rules()
        // 1% of ¥1,000,000 = ¥10,000, plus the 100M club's 0.5% = ¥15,000.
        var result = EntitlementCalculator.calculate(.init(tier: "A", club: "100M", gmv: 100_000_000), rules: rules)
        #expect(result.cash == 1_500_000 && result.traffic == 1_000_000)
        // A small GMV is raised to the floor.
        result = EntitlementCalculator.calculate(.init(tier: "A", gmv: 1_000_000), rules: rules)
        #expect(result.cash == 100_000)
        // Per period and per program caps.
        result = EntitlementCalculator.calculate(.init(tier: "S", gmv: 1_000_000_000), rules: rules)
        #expect(result.cash == 5_000_000)
        result = EntitlementCalculator.calculate(
            .init(tier: "S", gmv: 1_000_000_000, paidInProgram: 7_000_000),
            rules: rules
        )
        #expect(result.cash == 1_000_000)
        // A clawback is deducted; what is left below the minimum is carried forward.
        result = EntitlementCalculator.calculate(.init(tier: "A", gmv: 10_000_000, receivable: 80_000), rules: rules)
        #expect(result.receivableDeducted == 80_000 && result.cash == 0 && result.carryForward == 20_000)
        result = EntitlementCalculator.calculate(
            .init(tier: "A", gmv: 10_000_000, carriedForward: 20_000),
            rules: rules
        )
        #expect(result.cash == 120_000)
        // A tier without a rate earns nothing, not the floor.
        result = EntitlementCalculator.calculate(.init(tier: "C", gmv: 10_000_000), rules: rules)
        #expect(result.cash == 0 && result.traffic == 0)
        // Ineligible: nothing, carried amounts kept.
        result = EntitlementCalculator.calculate(
            .init(tier: "S", gmv: 1_000_000_000, ineligibility: "disqualified by a fake-order gate", carriedForward: 7),
            rules: rules
        )
        #expect(result.cash == 0 && result.carryForward == 7 && result.lines.first?.contains("disqualified") == true)
    }

    @Test func growthBasisPaysOnlyOnGrowth() throws {
        let rules = try self.rules(#""basis": "gmv""#, with: #""basis": "growth""#)
        #expect(
            EntitlementCalculator.calculate(.init(tier: "S", gmv: 300_000_000, previousGMV: 200_000_000), rules: rules)
                .cash == 2_000_000
        )
        #expect(
            EntitlementCalculator.calculate(.init(tier: "S", gmv: 100_000_000, previousGMV: 200_000_000), rules: rules)
                .cash == 100_000
        )
    }

    @Test func proRataScalingHitsTheBudgetExactly() {
        let scaled = EntitlementCalculator.scaled([100, 200, 300], toBudget: 100)
        #expect(scaled.reduce(0, +) == 100)
        #expect(scaled == [17, 33, 50])
        #expect(EntitlementCalculator.scaled([1, 1, 1], toBudget: 2) == [1, 1, 0])
        #expect(EntitlementCalculator.scaled([5, 5], toBudget: 100) == [5, 5])
        #expect(EntitlementCalculator.scaled([.max, .max], toBudget: 3).reduce(0, +) == 3)
    }
}
