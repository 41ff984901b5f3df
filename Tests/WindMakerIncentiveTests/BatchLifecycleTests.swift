import Testing
import WindMakerIncentive
import WindMakerKit
import WindMakerStorage

@Suite struct BatchLifecycleTests {
    typealias H = IncentiveHarness

    @Test func computingProposesOneBatchWhosePendingTransfersReserveTheBudget() async throws {
        let h = try await H()
        let inputs = [
            H.input(1, gmv: 1_000_000), H.input(2, tier: "A", club: "100M", gmv: 2_000_000), H.input(3, tier: "C"),
        ]
        let first = try await h.compute(h.july, inputs)
        #expect(first.created && first.batch.state == .proposed && first.batch.id.description == "wm-2021h2.2021-07.1")
        // S: 2% of ¥10,000.00 = 20,000 fen; A + 100M club: 1.5% of 2,000,000 = 30,000 fen; C earns nothing.
        #expect(first.batch.totals.cash == 50_000 && first.batch.totals.traffic == 6_000)
        let lines = try h.lines(first.batch.id)
        #expect(lines.map(\.payout) == [20_000, 30_000, 0])
        #expect(lines.map(\.status) == [.pending, .pending, .nothing])
        let budget = try h.budget()
        #expect(budget.cash.reserved == 50_000 && budget.cash.remaining == 100_000_000 - 50_000)
        #expect(budget.traffic.reserved == 6_000)

        let again = try await h.compute(h.july, inputs + [H.input(4)])
        #expect(!again.created && again.batch.id == first.batch.id)
        #expect(try h.budget().cash.reserved == 50_000)
        #expect(try h.incentive.reconcile().violations.isEmpty)
    }

    @Test func overBudgetFailsNamingTheShortfallOrScalesProRataExactly() async throws {
        let failing = try await H(cash: 30_000)
        await #expect {
            try await failing.compute(failing.july, [H.input(1), H.input(2)])
        } throws: { error in
            guard case .failedPrecondition(let message) = error as? IncentiveError else { return false }
            return message.contains("needs ¥400.00") && message.contains("short by ¥100.00")
        }
        #expect(try failing.budget().cash.reserved == 0)

        let proRata = try await H(
            rules: H.rules.replacingOccurrences(of: "\"fail\"", with: "\"pro_rata\""),
            cash: 30_001
        )
        let batch = try await proRata.compute(proRata.july, [H.input(1), H.input(2, gmv: 2_000_000), H.input(3)])
        let lines = try proRata.lines(batch.batch.id)
        #expect(lines.map(\.payout).reduce(0, +) == 30_001)
        #expect(
            lines.map(\.payout) == [7_500, 15_001, 7_500] || lines.map(\.payout).sorted() == [7_500, 7_500, 15_001]
        )
        #expect(lines.allSatisfy { $0.explanation.contains { $0.hasPrefix("scaled pro rata") } })
        #expect(try proRata.budget().cash.remaining == 0)
    }

    @Test func fourEyesHoldPeriodAndExactlyOncePosting() async throws {
        let h = try await H()
        let batch = try await h.compute(h.july, [H.input(1), H.input(2)], by: "finance-a").batch
        await #expect {
            try await h.approve(batch.id, by: "finance-a")
        } throws: { error in
            guard case .permissionDenied(let message) = error as? IncentiveError else { return false }
            return message.contains("four-eyes")
        }
        let approved = try await h.approve(batch.id)
        #expect(approved.state == .approved && approved.approvedBy == "finance-b")
        #expect(approved.postableAt == h.now.adding(seconds: 7 * 86_400))
        await #expect(throws: IncentiveError.self) { try await h.approve(batch.id, by: "finance-c") }

        let active: [ProviderID: ProviderStanding] = [H.provider(1): .active, H.provider(2): .active]
        await #expect {
            try await h.post(batch.id, active, at: h.now.adding(seconds: 86_400))
        } throws: { error in
            guard case .failedPrecondition(let message) = error as? IncentiveError else { return false }
            return message.contains("hold period")
        }
        let posted = try await h.post(batch.id, active, at: h.afterHold)
        #expect(posted.state == .posted)
        #expect(try h.lines(batch.id).allSatisfy { $0.status == .paid })
        let budget = try h.budget()
        #expect(budget.cash.reserved == 0 && budget.cash.posted == 40_000 && budget.traffic.posted == 10_000)
        #expect(try h.account(LedgerAccounts.clearing)?.creditsPosted == 40_000)
        #expect(try h.account(LedgerAccounts.payable(H.provider(1)))?.postedBalance == 0)

        await #expect {
            try await h.post(batch.id, active, at: h.afterHold)
        } throws: { error in
            guard case .failedPrecondition(let message) = error as? IncentiveError else { return false }
            return message.contains("already POSTED")
        }
        #expect(try h.budget().cash.posted == 40_000)
        #expect(try h.incentive.reconcile().violations.isEmpty)
    }

    @Test func rejectionAndExpiryReleaseTheReservation() async throws {
        let h = try await H()
        let batch = try await h.compute(h.july, [H.input(1)]).batch
        let rejected = try await h.write { incentive, sql in
            try incentive.reject(batch.id, reason: "wrong period", actor: "finance-b", at: h.now, in: sql)
        }
        #expect(rejected.state == .rejected && rejected.closeReason == "wrong period")
        #expect(try h.budget().cash.reserved == 0 && h.budget().cash.remaining == 100_000_000)
        await #expect(throws: IncentiveError.self) {
            try await h.post(batch.id, [H.provider(1): .active], at: h.afterHold)
        }

        let second = try await h.compute(h.july, [H.input(1)])
        #expect(second.created && second.batch.id.sequence == 2)
        let later = h.now.adding(seconds: 15 * 86_400)
        await #expect(throws: IncentiveError.self) { try await h.approve(second.batch.id, at: later) }
        let expired = try await h.write { incentive, sql in try incentive.expireProposals(at: later, in: sql) }
        #expect(expired.map(\.id) == [second.batch.id] && expired[0].state == .expired)
        #expect(try h.budget().cash.reserved == 0)
        #expect(try h.lines(second.batch.id).allSatisfy { $0.status == .voided })
        #expect(try h.incentive.reconcile().violations.isEmpty)
    }

    @Test func suspendedProvidersAreHeldUntilReinstatedAndTerminatedOnesVoided() async throws {
        let h = try await H()
        let batch = try await h.compute(h.july, [H.input(1), H.input(2), H.input(3)]).batch
        _ = try await h.approve(batch.id)
        _ = try await h.post(
            batch.id,
            [H.provider(1): .active, H.provider(2): .suspended, H.provider(3): .ineligible("provider is TERMINATED")],
            at: h.afterHold
        )
        #expect(try h.lines(batch.id).map(\.status) == [.paid, .held, .voided])
        #expect(try h.budget().cash.reserved == 20_000 && h.budget().cash.posted == 20_000)
        #expect(try h.incentive.reconcile().violations.isEmpty)

        await #expect {
            try await h.post(batch.id, [H.provider(2): .suspended], at: h.afterHold)
        } throws: { error in
            guard case .failedPrecondition(let message) = error as? IncentiveError else { return false }
            return message.contains("still SUSPENDED")
        }
        _ = try await h.post(batch.id, [H.provider(2): .active], at: h.afterHold)
        #expect(try h.lines(batch.id).map(\.status) == [.paid, .paid, .voided])
        #expect(try h.lines(batch.id)[1].explanation.last == "released: the provider is ACTIVE again; paid")
        #expect(try h.budget().cash.reserved == 0 && h.budget().cash.posted == 40_000)
        await #expect(throws: IncentiveError.self) { try await h.post(batch.id, [:], at: h.afterHold) }
        #expect(try h.incentive.reconcile().violations.isEmpty)
    }

    @Test func ineligibleProvidersGetNothingAndSmallAmountsAreCarriedForward() async throws {
        let h = try await H()
        // 2% of 20,000 fen is 400 fen: the floor (1,000) lifts it; A at 1% of 40,000 is 400 → floor 1,000 too.
        let small = H.rules.replacingOccurrences(
            of: "\"payout_minimum_fen\": 500",
            with: "\"payout_minimum_fen\": 1500"
        )
        _ = try await h.write { incentive, sql in
            try incentive.publishRules(
                h.program,
                document: small,
                effectiveFrom: h.july,
                actor: "operator",
                at: h.now,
                in: sql
            )
        }
        let july = try await h.compute(h.july, [H.input(1, gmv: 20_000), H.input(2, disqualified: true)]).batch
        let lines = try h.lines(july.id)
        #expect(lines[0].payout == 0 && lines[0].carryOut == 1_000 && lines[0].status == .pending)
        #expect(lines[1].payout == 0 && lines[1].explanation[0].contains("disqualified") && lines[1].status == .nothing)
        _ = try await h.approve(july.id)
        _ = try await h.post(july.id, [H.provider(1): .active, H.provider(2): .active], at: h.afterHold)

        let august = try await h.compute(h.august, [H.input(1, gmv: 20_000)]).batch
        let line = try h.lines(august.id)[0]
        #expect(line.carriedIn == 1_000 && line.payout == 2_000 && line.carryOut == 0)
    }

    @Test func periodsArePaidInOrder() async throws {
        let h = try await H()
        let september = try PeriodID("2021-09")
        let august = try await h.compute(h.august, [H.input(1)]).batch
        _ = try await h.approve(august.id)
        _ = try await h.post(august.id, [H.provider(1): .active], at: h.afterHold)
        await #expect {
            try await h.compute(h.july, [H.input(1)])
        } throws: { error in
            guard case .failedPrecondition(let message) = error as? IncentiveError else { return false }
            return message.contains("2021-07 can no longer be paid")
        }
        let pending = try await h.compute(september, [H.input(1)]).batch
        let october = try PeriodID("2021-10")
        await #expect {
            try await h.compute(october, [H.input(1)])
        } throws: { error in
            guard case .failedPrecondition(let message) = error as? IncentiveError else { return false }
            return message.contains("paid in order") && message.contains(pending.id.description)
        }
    }

    @Test func aRevisedScorecardAdjustsByTheDifferenceAndClawbacksAreDeductedLater() async throws {
        let h = try await H()
        let july = try await h.compute(h.july, [H.input(1, gmv: 1_000_000), H.input(2, gmv: 1_000_000)]).batch
        _ = try await h.approve(july.id)
        let standings: [ProviderID: ProviderStanding] = [H.provider(1): .active, H.provider(2): .active]
        _ = try await h.post(july.id, standings, at: h.afterHold)

        // Unchanged scorecards: nothing to adjust, the posted batch comes back.
        let unchanged = try await h.compute(h.july, [H.input(1, gmv: 1_000_000), H.input(2, gmv: 1_000_000)])
        #expect(!unchanged.created && unchanged.batch.id == july.id)

        // An upheld appeal lifted provider 1 (revision 2); another revision cut provider 2 to tier A.
        let revised = [H.input(1, gmv: 1_500_000, revision: 2), H.input(2, tier: "A", gmv: 1_000_000, revision: 2)]
        let adjustment = try await h.compute(h.july, revised)
        #expect(adjustment.created && adjustment.batch.kind == .adjustment && adjustment.batch.id.sequence == 2)
        let lines = try h.lines(adjustment.batch.id)
        #expect(lines.map(\.payout) == [10_000, 0] && lines.map(\.clawback) == [0, 10_000])
        #expect(lines.map(\.traffic) == [0, 0] && lines.map(\.trafficClawback) == [0, 4_000])
        _ = try await h.approve(adjustment.batch.id)
        _ = try await h.post(adjustment.batch.id, standings, at: h.afterHold)
        #expect(try h.account(LedgerAccounts.receivable(H.provider(2)))?.postedBalance == -10_000)
        #expect(try h.incentive.reconcile().violations.isEmpty)

        let august = try await h.compute(h.august, [H.input(2, gmv: 3_000_000)]).batch
        let line = try h.lines(august.id)[0]
        #expect(line.earned == 60_000 && line.deducted == 10_000 && line.payout == 50_000 && line.grant == 60_000)
        _ = try await h.approve(august.id)
        _ = try await h.post(august.id, standings, at: h.afterHold)
        #expect(try h.account(LedgerAccounts.receivable(H.provider(2)))?.postedBalance == 0)
        let statement = try h.incentive.statement(
            h.program,
            period: h.august,
            provider: H.provider(2),
            in: h.incentive.database
        )
        #expect(statement.paid == 50_000)
        #expect(statement.entries[0].line.explanation.contains("clawback deducted: − ¥100.00"))
        #expect(try h.incentive.reconcile().violations.isEmpty)
    }

    @Test func oneLineIsVoidedAndTheRestOfTheBatchGoesOn() async throws {
        let h = try await H()
        let batch = try await h.compute(h.july, [H.input(1), H.input(2)]).batch
        let line = try await h.write { incentive, sql in
            try incentive.voidLine(
                batch.id,
                provider: H.provider(1),
                reason: "under review",
                actor: "finance-b",
                at: h.now,
                in: sql
            )
        }
        #expect(line.status == .voided && line.explanation.last == "voided by finance: under review")
        #expect(try h.budget().cash.reserved == 20_000)
        await #expect(throws: IncentiveError.self) {
            try await h.write { incentive, sql in
                try incentive.voidLine(
                    batch.id,
                    provider: H.provider(1),
                    reason: "again",
                    actor: "finance-b",
                    at: h.now,
                    in: sql
                )
            }
        }
        #expect(try h.incentive.reconcile().violations.isEmpty)
        _ = try await h.approve(batch.id)
        _ = try await h.post(batch.id, [H.provider(1): .active, H.provider(2): .active], at: h.afterHold)
        #expect(try h.lines(batch.id).map(\.status) == [.voided, .paid])
        #expect(try h.budget().cash.posted == 20_000)
        #expect(try h.incentive.reconcile().violations.isEmpty)
    }

    @Test func theRulesInForceAreThoseWithTheLatestEffectiveDate() async throws {
        let h = try await H()
        let richer = H.rules.replacingOccurrences(of: "\"S\": 200", with: "\"S\": 400")
        let poorer = H.rules.replacingOccurrences(of: "\"S\": 200", with: "\"S\": 100")
        // v2 from August, then v3 published later but effective from July: August keeps v2.
        _ = try await h.write { incentive, sql in
            _ = try incentive.publishRules(
                h.program,
                document: richer,
                effectiveFrom: h.august,
                actor: "operator",
                at: h.now,
                in: sql
            )
            return try incentive.publishRules(
                h.program,
                document: poorer,
                effectiveFrom: h.july,
                actor: "operator",
                at: h.now,
                in: sql
            )
        }
        let database = h.incentive.database
        #expect(try h.incentive.rules(h.program, for: h.august, in: database).version == 2)
        #expect(try h.incentive.rules(h.program, for: h.july, in: database).version == 3)
    }

    @Test func aDryRunComparesADraftWithThePublishedRulesAndMovesNothing() async throws {
        let h = try await H(cash: 50_000)
        let draft = H.rules.replacingOccurrences(of: "\"S\": 200", with: "\"S\": 400")
        let inputs = [H.input(1), H.input(2, tier: "A"), H.input(3, tier: "A", club: "100M")]
        let report = try h.incentive.dryRun(
            h.program,
            period: h.july,
            document: draft,
            inputs: inputs,
            in: h.incentive.database
        )
        // S doubles to 40,000 fen; the A lines (10,000 and 15,000) do not change.
        #expect(report.publishedVersion == 1 && report.cash == 65_000 && report.cashRemaining == 50_000)
        #expect(report.overBudget == "computing would fail: short by ¥150.00 of cash")
        #expect(report.changes.map(\.provider) == [H.provider(1)] && report.changes[0].delta == 20_000)
        #expect(report.byTier.map(\.name) == ["A", "S"] && report.byTier.map(\.providers) == [2, 1])
        #expect(report.byClub.map(\.name) == ["", "100M"])
        #expect(try h.budget().cash.reserved == 0)
        #expect(throws: IncentiveError.self) {
            try h.incentive.dryRun(h.program, period: h.july, document: "{}", inputs: inputs, in: h.incentive.database)
        }
    }

    @Test func aRevisionIsJudgedOnTheScorecardAndAVoidedAdjustmentIsNotProposedAgain() async throws {
        let h = try await H()
        let july = try await h.compute(h.july, [H.input(1, gmv: 1_000_000), H.input(2, gmv: 1_000_000)]).batch
        _ = try await h.approve(july.id)
        _ = try await h.post(july.id, [H.provider(1): .active, H.provider(2): .active], at: h.afterHold)
        // Provider 1, since terminated, is revised up: the line is worked out on the scorecard (a top-up), then
        // voided at payout, and computing again does not propose it anew.
        let up = try await h.compute(
            h.july,
            [H.input(1, gmv: 2_000_000, revision: 2, standing: .ineligible("TERMINATED"))]
        )
        let upLines = try h.lines(up.batch.id)
        #expect(up.created && upLines.map(\.payout) == [20_000])
        _ = try await h.approve(up.batch.id)
        _ = try await h.post(up.batch.id, [H.provider(1): .ineligible("provider is TERMINATED")], at: h.afterHold)
        let again = try await h.compute(h.july, [H.input(1, gmv: 2_000_000, revision: 2)])
        #expect(!again.created && again.batch.id == up.batch.id)

        // Provider 2 is revised down while suspended: nothing is clawed back until the line is paid, and a line
        // voided instead books no receivable.
        let down = try await h.compute(h.july, [H.input(2, gmv: 500_000, revision: 2)])
        #expect(try h.lines(down.batch.id).map(\.clawback) == [10_000])
        _ = try await h.approve(down.batch.id)
        _ = try await h.post(down.batch.id, [H.provider(2): .suspended], at: h.afterHold)
        #expect(try h.account(LedgerAccounts.receivable(H.provider(2)))?.postedBalance == 0)
        _ = try await h.write { incentive, sql in
            try incentive.voidLine(
                down.batch.id,
                provider: H.provider(2),
                reason: "waived",
                actor: "finance-b",
                at: h.now,
                in: sql
            )
        }
        #expect(try h.account(LedgerAccounts.receivable(H.provider(2)))?.postedBalance == 0)
        #expect(try h.lines(down.batch.id)[0].explanation.last == "voided by finance: waived")
        let recomputed = try await h.compute(h.july, [H.input(2, gmv: 500_000, revision: 2)])
        #expect(!recomputed.created)
        #expect(try h.incentive.reconcile().violations.isEmpty)
    }

    @Test func anAdjustmentRatesUnderTheRulesThePeriodWasPaidUnder() async throws {
        let h = try await H()
        let july = try await h.compute(h.july, [H.input(1, gmv: 1_000_000)]).batch
        _ = try await h.approve(july.id)
        _ = try await h.post(july.id, [H.provider(1): .active], at: h.afterHold)
        let doubled = H.rules.replacingOccurrences(of: "\"S\": 200", with: "\"S\": 400")
        _ = try await h.write { incentive, sql in
            try incentive.publishRules(
                h.program,
                document: doubled,
                effectiveFrom: h.july,
                actor: "operator",
                at: h.now,
                in: sql
            )
        }
        // Revised from 1,000,000 to 1,500,000 of GMV: 2% of the difference under the paid rules, not 4%.
        let adjustment = try await h.compute(h.july, [H.input(1, gmv: 1_500_000, revision: 2)])
        let lines = try h.lines(adjustment.batch.id)
        #expect(adjustment.batch.rulesVersion == 1 && lines.map(\.payout) == [10_000])
    }

    @Test func aDraftThatWouldPayMoreThan64BitsIsRefusedNotACrash() async throws {
        let h = try await H()
        let huge = H.rules.replacingOccurrences(of: "\"S\": 5000,", with: "\"S\": 1000000000000000,")
        let inputs = (0 ..< 10_000).map { H.input($0) }
        #expect {
            try h.incentive.dryRun(h.program, period: h.july, document: huge, inputs: inputs, in: h.incentive.database)
        } throws: { error in
            guard case .invalidArgument(let violations) = error as? IncentiveError else { return false }
            return violations.first?.description.contains("64 bits") == true
        }
    }

    @Test func reconciliationNamesABatchTransferOutOfStepWithItsLine() async throws {
        let h = try await H()
        let batch = try await h.compute(h.july, [H.input(1), H.input(2)]).batch
        _ = try await h.approve(batch.id)
        _ = try await h.post(batch.id, [H.provider(1): .active, H.provider(2): .active], at: h.afterHold)
        #expect(try h.incentive.reconcile().violations.isEmpty)
        let payout = "\(batch.id):\(H.provider(1)):payout"
        let grant = "\(batch.id):\(H.provider(2)):grant"
        try await h.incentive.database.write { sql in
            _ = try sql.execute("DELETE FROM ledger_transfers WHERE id = ?", [.text(payout)])
            _ = try sql.execute("UPDATE ledger_transfers SET state = 'VOIDED' WHERE id = ?", [.text(grant)])
            _ = try sql.execute(
                "INSERT INTO ledger_transfers (id, debit_account, credit_account, amount, unit, state, corrects, "
                    + "created_at, updated_at) VALUES (?, 'funding:cash', 'clearing:cash', 1, 'FEN', 'POSTED', NULL, 0, 0)",
                [.text("\(batch.id):stray:payout")]
            )
        }
        let violations = try h.incentive.reconcile().violations.map(\.description)
        #expect(violations.contains("transfer \(payout) should be POSTED but is missing"), "\(violations)")
        #expect(
            violations.contains("transfer \(grant) is VOIDED but its line says it should be POSTED"),
            "\(violations)"
        )
        #expect(
            violations.contains("transfer \(batch.id):stray:payout belongs to no line of any batch"),
            "\(violations)"
        )
    }
}
