import WindMakerIncentive
import WindMakerKit
import WindMakerStorage
import WindMakerTestSupport

/// An incentive service's domain over a fresh database, with a program and helpers to build scorecard inputs.
final class IncentiveHarness: Sendable {
    let incentive: Incentive
    let program = try! ProgramID("wm-2021h2")
    let july = try! PeriodID("2021-07")
    let august = try! PeriodID("2021-08")
    let now = Timestamp(microsecondsSinceEpoch: 1_630_000_000_000_000)

    static let rules = """
        {
          "cash": { "basis": "gmv", "rates_bp": { "S": 200, "A": 100 }, "club_bonus_bp": { "100M": 50 },
                    "floor_fen": 1000, "cap_per_period_fen": 5000000, "cap_per_program_fen": 8000000 },
          "traffic": { "impressions": { "S": 5000, "A": 1000 } },
          "hold_days": 7,
          "payout_minimum_fen": 500,
          "over_budget": "fail"
        }
        """

    init(rules: String = IncentiveHarness.rules, cash: Int64 = 100_000_000, traffic: Int64 = 1_000_000) async throws {
        let database = try TestStore.serviceDatabase("incentive")
        try database.migrate(IncentiveSchema.migrations)
        self.incentive = Incentive(database: database)
        try await self.incentive.prepare(at: self.now)
        let (program, july, now) = (self.program, self.july, self.now)
        try await self.write { incentive, sql in
            _ = try incentive.createProgram(
                id: program,
                name: "Wind Maker 2021 H2",
                first: july,
                last: try PeriodID("2021-12"),
                actor: "operator",
                at: now,
                in: sql
            )
            _ = try incentive.fund(program, cash: cash, traffic: traffic, actor: "operator", at: now, in: sql)
            _ = try incentive.publishRules(
                program,
                document: rules,
                effectiveFrom: july,
                actor: "operator",
                at: now,
                in: sql
            )
        }
    }

    @discardableResult
    func write<T: Sendable>(_ body: @escaping @Sendable (Incentive, Transaction) throws -> T) async throws -> T {
        let incentive = self.incentive
        return try await incentive.database.write { sql in try body(incentive, sql) }
    }

    func compute(
        _ period: PeriodID,
        _ inputs: [ScorecardInput],
        by actor: String = "operator"
    ) async throws
        -> Incentive.ComputeOutcome
    {
        let (program, now) = (self.program, self.now)
        return try await self.write { incentive, sql in
            try incentive.computeBatch(program, period: period, inputs: inputs, actor: actor, at: now, in: sql)
        }
    }

    func approve(_ batch: BatchID, by actor: String = "finance-b", at time: Timestamp? = nil) async throws -> Batch {
        let now = time ?? self.now
        return try await self.write { incentive, sql in try incentive.approve(batch, actor: actor, at: now, in: sql) }
    }

    func post(
        _ batch: BatchID,
        _ standings: [ProviderID: ProviderStanding],
        at time: Timestamp
    ) async throws -> Batch {
        try await self.write { incentive, sql in
            try incentive.post(batch, standings: standings, actor: "finance-b", at: time, in: sql).batch
        }
    }

    func budget() throws -> BudgetReport { try self.incentive.budget(self.program, in: self.incentive.database) }

    func lines(_ batch: BatchID) throws -> [EntitlementLine] {
        try self.incentive.lines(batch, in: self.incentive.database)
    }

    func account(_ id: AccountID) throws -> Account? {
        try self.incentive.ledger.account(id, in: self.incentive.database)
    }

    /// Eight days on: past the rules' seven-day hold.
    var afterHold: Timestamp { self.now.adding(seconds: 8 * 86_400) }

    static func provider(_ n: Int) -> ProviderID {
        let letters = Array("abcdefghijklmnopqrstuvwxyz234567")
        let suffix = String((0 ..< 16).map { letters[(n >> (($0 % 3) * 5)) & 31] })
        return try! ProviderID("prv_" + suffix)
    }

    static func input(
        _ n: Int,
        tier: String = "S",
        club: String? = nil,
        gmv: Int64 = 1_000_000,
        revision: Int64 = 1,
        disqualified: Bool = false,
        standing: ProviderStanding = .active
    ) -> ScorecardInput {
        ScorecardInput(
            provider: Self.provider(n),
            providerType: .brand,
            tier: tier,
            club: club,
            gmv: gmv,
            previousGMV: nil,
            disqualified: disqualified,
            revision: revision,
            rulebookVersion: 1,
            inputDigest: "digest-\(n)-\(revision)",
            standing: standing
        )
    }
}
