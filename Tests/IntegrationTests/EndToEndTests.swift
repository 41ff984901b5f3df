import Foundation
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// A whole program period through the three real executables over mutual TLS, driven by the typed clients and by
/// `wmctl`, checked to the fen, on SQLite and on PostgreSQL with two instances of every service; the same period with
/// a service stopped mid-flow (SIGTERM, then `kill -9`), which callers see as `UNAVAILABLE` and which completes after
/// a restart with nothing lost or doubled; and, scaled out, one instance of every service killed mid-flow while the
/// others carry it.
@Suite(.serialized)
struct EndToEndTests {
    static let program = "wm-2021h2"
    static let gmv: [(merchant: String, fen: Int64)] = [
        ("m_1", 300_000_000_000), ("m_2", 50_000_000_000), ("m_3", 10_000_000),
    ]
    /// IncentiveTestStack.rules: basis points of the window's GMV by tier, capped at ¥1M a period; impressions by
    /// tier.
    static let rates: [String: Int64] = ["S": 200, "A": 150, "B": 100, "C": 50]
    static let impressions: [String: Int64] = ["S": 50_000, "A": 20_000, "B": 10_000, "C": 5_000]
    static let capPerPeriod: Int64 = 100_000_000
    static let fundedCash: Int64 = 100_000_000_000
    static let fundedTraffic: Int64 = 10_000_000

    /// What the rules pay a scorecard, worked out here from its tier and its window's GMV, not by the service.
    static func expected(_ scorecard: AssessmentV1.Scorecard, gmv: Int64) -> (cash: Int64, traffic: Int64) {
        guard !scorecard.disqualified else { return (0, 0) }
        let cash = min(gmv * (Self.rates[scorecard.tier] ?? 0) / 10_000, Self.capPerPeriod)
        return (cash, Self.impressions[scorecard.tier] ?? 0)
    }

    struct Period {
        let providers: [String]
        let scorecards: [AssessmentV1.Scorecard]
    }

    /// Three providers bound to one merchant each, September 2021 ingested, scored and FINAL, and the program
    /// created, funded and given its rules.
    static func finalPeriod(_ stack: IncentiveTestStack) async throws -> Period {
        let registry = stack.assessmentStack
        let providers = [
            try await registry.activeProvider(1, merchant: "m_1"),
            try await registry.activeProvider(2, type: .brand, merchant: "m_2"),
            try await registry.activeProvider(3, merchant: "m_3"),
        ]
        try await stack.program(cash: Self.fundedCash, traffic: Self.fundedTraffic)
        try await stack.finalSeptember(Self.gmv)
        let operators = try registry.client("operator-alice")
        defer { Task { await operators.test.connection.close() } }
        var scorecards: [AssessmentV1.Scorecard] = []
        for provider in providers {
            let card = try await operators.assessment.getScorecard(
                AssessmentV1.GetScorecardRequest(period: "2021-09", providerId: provider)
            ).scorecard
            scorecards.append(try #require(card))
        }
        return Period(providers: providers, scorecards: scorecards)
    }

    static func wmctl(_ stack: IncentiveTestStack, _ identity: String, _ arguments: [String]) async throws -> CommandRun
    {
        try await CommandRun.wmctl(arguments + ["--server", stack.incentiveAddresses], as: identity)
    }

    static func json(_ run: CommandRun) throws -> [String: Any] {
        let start = try #require(run.output.firstIndex(of: "{"), "\(run.output)")
        return try #require(
            try JSONSerialization.jsonObject(with: Data(run.output[start...].utf8)) as? [String: Any],
            "\(run.output)"
        )
    }

    /// The stack on SQLite, one instance each; or on PostgreSQL with two instances of every service, every client
    /// (wmctl and the services' own) given both addresses.
    static func start(_ engine: StorageEngine) async throws -> IncentiveTestStack {
        switch engine {
        case .sqlite: try await IncentiveTestStack.start()
        case .postgres: try await IncentiveTestStack.scaled(store: try PostgresTestCluster.freshDatabase())
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func aPeriodThroughTheClientsAndWmctlComesOutToTheFen(_ engine: StorageEngine) async throws {
        let stack = try await Self.start(engine)
        defer { stack.stop() }
        let period = try await Self.finalPeriod(stack)

        // The scorecards: FINAL, first revision, the window's GMV and the club it reaches, the tier its composite
        // earns under the default rulebook.
        for (card, gmv) in zip(period.scorecards, Self.gmv) {
            #expect(card.revision == 1 && card.clubGmvFen == gmv.fen)
            #expect(card.club == (gmv.fen >= 100_000_000_000 ? "1B" : gmv.fen >= 10_000_000_000 ? "100M" : ""))
            let tier =
                card.composite >= 8_500 ? "S" : card.composite >= 7_000 ? "A" : card.composite >= 5_500 ? "B" : "C"
            #expect(card.tier == tier, "composite \(card.composite)")
        }

        // Computed by the operator through the typed client, approved and posted by finance through wmctl.
        let operators = try stack.client("operator-alice")
        defer { Task { await operators.test.connection.close() } }
        var batch: IncentiveV1.Batch?
        try await operators.incentive.compute(IncentiveV1.PeriodRequest(programId: Self.program, period: "2021-09")) {
            for try await step in $0 where step.batch != nil { batch = step.batch }
        }
        let proposed = try #require(batch)
        let approve = try await Self.wmctl(stack, "finance-bob", ["incentive", "approve", proposed.id])
        #expect(approve.status == 0, "\(approve.output)")
        let post = try await Self.wmctl(stack, "finance-carol", ["incentive", "post", proposed.id, "--json"])
        #expect(post.status == 0, "\(post.output)")

        // Every line to the fen, the batch's totals, the budgets and each provider's statement.
        let lines = try await operators.incentive.getBatch(IncentiveV1.GetBatchRequest(batchId: proposed.id)).lines
        var cash: Int64 = 0
        var traffic: Int64 = 0
        for (provider, (card, gmv)) in zip(period.providers, zip(period.scorecards, Self.gmv)) {
            let expected = Self.expected(card, gmv: gmv.fen)
            let line = try #require(lines.first { $0.providerId == provider })
            #expect(line.status == "PAID" && line.payoutFen == expected.cash, "\(card.tier): \(line.payoutFen)")
            #expect(line.trafficImpressions == expected.traffic)
            cash += expected.cash
            traffic += expected.traffic
            let statement = try await Self.wmctl(
                stack,
                "operator-alice",
                ["incentive", "statement", Self.program, "2021-09", provider, "--json"]
            )
            #expect(try Self.json(statement)["paid_fen"] as? Int64 == expected.cash, "\(statement.output)")
        }
        let posted = try await operators.incentive.getBatch(IncentiveV1.GetBatchRequest(batchId: proposed.id)).batch
        #expect(posted?.state == "POSTED" && posted?.totals?.cashFen == cash)
        let budgetRun = try await Self.wmctl(stack, "finance-bob", ["incentive", "budget", Self.program, "--json"])
        let budget = try #require(try Self.json(budgetRun)["budget"] as? [String: Any], "\(budgetRun.output)")
        let cashFigures = try #require(budget["cash_fen"] as? [String: Any])
        #expect(cashFigures["funded"] as? Int64 == Self.fundedCash)
        #expect(cashFigures["posted"] as? Int64 == cash && cashFigures["reserved"] as? Int64 == 0)
        #expect(cashFigures["remaining"] as? Int64 == Self.fundedCash - cash)
        let trafficFigures = try #require(budget["traffic_impressions"] as? [String: Any])
        #expect(trafficFigures["remaining"] as? Int64 == Self.fundedTraffic - traffic)
        let reconcile = try await Self.wmctl(stack, "operator-alice", ["incentive", "reconcile"])
        #expect(reconcile.status == 0, "\(reconcile.output)")
    }

    @Test func aServiceStoppedMidFlowIsUnavailableAndTheFlowCompletesAfterARestart() async throws {
        let stack = try await IncentiveTestStack.start()
        var incentive = stack.incentive
        var assessment = stack.assessmentStack.assessment
        defer {
            incentive.stop()
            assessment.stop()
            stack.assessmentStack.registry.stop()
        }
        let period = try await Self.finalPeriod(stack)
        let registryAddress = "127.0.0.1:\(stack.assessmentStack.registry.server.port)"

        // SIGTERM: the assessment drains and exits; computing needs its scorecards, so the caller gets UNAVAILABLE
        // and nothing is proposed.
        let assessmentPort = assessment.server.port
        assessment.server.terminate()
        try await Self.waitForExit(assessment.server)
        let operators = try stack.client("operator-alice")
        defer { Task { await operators.test.connection.close() } }
        let request = IncentiveV1.PeriodRequest(programId: Self.program, period: "2021-09")
        let refused = await rpcStatus { try await operators.incentive.compute(request) { for try await _ in $0 {} } }
        #expect(refused?.code == .unavailable, "\(String(describing: refused))")

        // Back on its own data and port: the same scorecards, and the flow goes on.
        assessment = try await ServiceTestServer.start(
            "assessment",
            certificate: "assessment",
            dataDirectory: assessment.dataDirectory,
            arguments: [
                "--registry", registryAddress, "--appeal-seconds", "1", "--listen", "127.0.0.1:\(assessmentPort)",
            ]
        )
        var batch: IncentiveV1.Batch?
        try await Self.eventually {
            try await operators.incentive.compute(request) {
                for try await step in $0 where step.batch != nil { batch = step.batch }
            }
        }
        let proposed = try #require(batch)
        #expect(proposed.totals?.lines == 3)
        let approved = try await Self.wmctl(stack, "finance-bob", ["incentive", "approve", proposed.id])
        #expect(approved.status == 0, "\(approved.output)")

        // kill -9 the incentive service after the approval: the caller's connection fails, and a restarted server
        // on the same files has the approval and posts the batch once.
        let incentivePort = incentive.server.port
        incentive.server.kill()
        let down = try await Self.wmctl(
            stack,
            "finance-carol",
            ["incentive", "post", proposed.id, "--idempotency-key", "post-1"]
        )
        #expect(down.status != 0 && down.output.contains("UNAVAILABLE"), "\(down.output)")
        incentive = try await ServiceTestServer.start(
            "incentive",
            certificate: "incentive",
            dataDirectory: incentive.dataDirectory,
            arguments: [
                "--registry", registryAddress, "--assessment", "127.0.0.1:\(assessmentPort)",
                "--listen", "127.0.0.1:\(incentivePort)",
            ]
        )
        let post = try await Self.wmctl(
            stack,
            "finance-carol",
            ["incentive", "post", proposed.id, "--idempotency-key", "post-1"]
        )
        #expect(post.status == 0, "\(post.output)")
        // The retry with the same key answers the stored outcome; a new post is refused; nothing is paid twice.
        let retry = try await Self.wmctl(
            stack,
            "finance-carol",
            ["incentive", "post", proposed.id, "--idempotency-key", "post-1"]
        )
        #expect(retry.status == 0, "\(retry.output)")
        let again = try await Self.wmctl(stack, "finance-carol", ["incentive", "post", proposed.id])
        #expect(again.status != 0 && again.output.contains("FAILED_PRECONDITION"), "\(again.output)")

        let restarted = try incentive.client("operator-alice")
        defer { Task { await restarted.connection.close() } }
        let client = IncentiveV1.Incentive.Client(restarted.client)
        let expectedCash = zip(period.scorecards, Self.gmv).reduce(Int64(0)) {
            $0 + Self.expected($1.0, gmv: $1.1.fen).cash
        }
        let budget = try await client.getBudget(IncentiveV1.ProgramRequest(programId: Self.program)).budget
        #expect(budget?.cash?.posted == expectedCash && budget?.cash?.reserved == 0)
        #expect(budget?.cash?.remaining == Self.fundedCash - expectedCash)
        let lines = try await client.getBatch(IncentiveV1.GetBatchRequest(batchId: proposed.id)).lines
        #expect(lines.count == 3 && lines.allSatisfy { $0.status == "PAID" })
        let report = try await client.reconcile(IncentiveV1.ReconcileRequest())
        #expect(report.violations.isEmpty)
    }

    static func waitForExit(_ server: ServerProcess) async throws {
        let deadline = ContinuousClock.now.advanced(by: .seconds(40))
        while server.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!server.isRunning)
    }

    /// Retries `body` while the callee is still coming back (`UNAVAILABLE`), for up to ten seconds.
    static func eventually(_ body: () async throws -> Void) async throws {
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        while true {
            do {
                return try await body()
            } catch let error as RPCError where error.code == .unavailable && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }
}
