import Testing
import WindMakerIncentive
import WindMakerKit
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerStorage
import WindMakerTestSupport

@testable import IncentiveRPC

/// The adapter in process, with the assessment and registry replaced by a fixed source: the period's state, the
/// four-eyes rule, idempotency keys, the hold period, statements by identity, operator transfers, and concurrent
/// approvals and posts.
@Suite struct IncentiveServiceTests {
    typealias Method = IncentiveV1.Incentive.Method

    final class FixedSource: EntitlementSource {
        let state: String
        let cards: [FinalScorecard]

        init(state: String, cards: [FinalScorecard]) {
            self.state = state
            self.cards = cards
        }

        func scorecards(_ period: PeriodID) async throws -> PeriodScorecards? {
            period.description == "2021-07" ? PeriodScorecards(state: self.state, cards: self.cards) : nil
        }

        func standings() async throws -> [ProviderID: ProviderStanding] {
            Dictionary(uniqueKeysWithValues: self.cards.map { ($0.provider, .active) })
        }
    }

    static let alice = PeerIdentity(uris: ["spiffe://windmaker/operator/alice"])
    static let bob = PeerIdentity(uris: ["spiffe://windmaker/finance/bob"])
    static let carol = PeerIdentity(uris: ["spiffe://windmaker/finance/carol"])
    static let providerA = "prv_aaaaaaaaaaaaaaaa"
    static let providerB = "prv_bbbbbbbbbbbbbbbb"
    static let start = Timestamp(microsecondsSinceEpoch: 1_630_000_000_000_000)
    static let rules = """
        { "cash": { "basis": "gmv", "rates_bp": { "S": 200 }, "floor_fen": 0, "cap_per_period_fen": 10000000,
                    "cap_per_program_fen": 10000000 },
          "traffic": { "impressions": { "S": 1000 } }, "hold_days": 7, "payout_minimum_fen": 0, "over_budget": "fail" }
        """

    let service: IncentiveService
    /// On PostgreSQL, a second instance of the service on the same store; the concurrency test spreads its calls
    /// over both.
    let secondInstance: IncentiveService?
    let clock: SettableClock

    init(state: String = "FINAL") async throws {
        let database = try TestStore.serviceDatabase("incentive")
        try database.migrate(IncentiveSchema.migrations)
        let incentive = Incentive(database: database)
        try await incentive.prepare(at: Self.start)
        let cards = [Self.providerA, Self.providerB].map { id in
            FinalScorecard(
                provider: try! ProviderID(id),
                providerType: .brand,
                tier: "S",
                club: nil,
                gmv: 1_000_000,
                disqualified: false,
                revision: 1,
                rulebookVersion: 1,
                inputDigest: "d-\(id)"
            )
        }
        let clock = SettableClock(Self.start)
        self.clock = clock
        let source = FixedSource(state: state, cards: cards)
        self.service = IncentiveService(incentive: incentive, source: source, clock: { clock.now })
        self.secondInstance = try TestStore.secondInstance(of: database).map { database in
            IncentiveService(incentive: Incentive(database: database), source: source, clock: { clock.now })
        }
        _ = try await self.service.createProgram(
            request: IncentiveV1.CreateProgramRequest(
                programId: "wm-2021h2",
                name: "Wind Maker 2021 H2",
                firstPeriod: "2021-07",
                lastPeriod: "2021-12"
            ),
            context: .testing(Method.createProgram, peer: Self.alice)
        )
        _ = try await self.service.fundProgram(
            request: IncentiveV1.FundProgramRequest(
                programId: "wm-2021h2",
                cashFen: 1_000_000,
                trafficImpressions: 10_000
            ),
            context: .testing(Method.fundProgram, peer: Self.alice, metadata: ["idempotency-key": "initial-funding"])
        )
        _ = try await self.service.publishRules(
            request: IncentiveV1.PublishRulesRequest(
                programId: "wm-2021h2",
                document: Self.rules,
                effectiveFrom: "2021-07"
            ),
            context: .testing(Method.publishRules, peer: Self.alice)
        )
    }

    private func status(_ body: () async throws -> some Any) async -> RPCError? {
        do {
            _ = try await body()
            return nil
        } catch {
            return (error as? any RPCErrorConvertible)?.rpcError ?? (error as? RPCError)
        }
    }

    private func compute(
        as peer: PeerIdentity = Self.bob,
        key: String? = nil
    ) async throws -> IncentiveV1.ComputeProgress {
        let io = RecordingCallIO()
        try await self.service.compute(
            request: IncentiveV1.PeriodRequest(programId: "wm-2021h2", period: "2021-07"),
            responses: ResponseWriter(io: io),
            context: .testing(Method.compute, peer: peer, metadata: key.map { ["idempotency-key": $0] } ?? [:])
        )
        return try #require(io.sent(as: IncentiveV1.ComputeProgress.self).last)
    }

    private func approve(
        as peer: PeerIdentity,
        key: String? = nil,
        on instance: IncentiveService? = nil
    ) async throws -> IncentiveV1.BatchResponse {
        try await (instance ?? self.service).approveBatch(
            request: IncentiveV1.BatchRequest(batchId: "wm-2021h2.2021-07.1"),
            context: .testing(Method.approveBatch, peer: peer, metadata: key.map { ["idempotency-key": $0] } ?? [:])
        )
    }

    private func post(
        key: String? = nil,
        on instance: IncentiveService? = nil
    ) async throws
        -> IncentiveV1.PostBatchResponse
    {
        try await (instance ?? self.service).postBatch(
            request: IncentiveV1.BatchRequest(batchId: "wm-2021h2.2021-07.1"),
            context: .testing(Method.postBatch, peer: Self.carol, metadata: key.map { ["idempotency-key": $0] } ?? [:])
        )
    }

    @Test func onlyFinalPeriodsArePaid() async throws {
        let service = try await IncentiveServiceTests(state: "PUBLISHED")
        let refused = await service.status { try await service.compute() }
        #expect(refused?.code == .failedPrecondition)
        #expect(refused?.message.contains("only FINAL scorecards are paid") == true)
    }

    @Test func theProposerCannotApproveAndPostingWaitsForTheHold() async throws {
        let computed = try await self.compute()
        #expect(computed.created && computed.batch?.state == "PROPOSED" && computed.batch?.totals?.cashFen == 40_000)
        let ownApproval = await self.status { try await self.approve(as: Self.bob) }
        #expect(ownApproval?.code == .permissionDenied && ownApproval?.message.contains("four-eyes") == true)
        let approved = try await self.approve(as: Self.carol)
        #expect(approved.batch?.state == "APPROVED" && approved.batch?.approvedBy == Self.carol.description)
        let early = await self.status { try await self.post() }
        #expect(early?.code == .failedPrecondition && early?.message.contains("hold period") == true)
        self.clock.set(Self.start.adding(seconds: 7 * 86_400))
        let posted = try await self.post()
        #expect(posted.batch?.state == "POSTED")
        let again = await self.status { try await self.post() }
        #expect(again?.code == .failedPrecondition)

        let own = try await self.service.getStatement(
            request: IncentiveV1.StatementRequest(
                programId: "wm-2021h2",
                period: "2021-07",
                providerId: Self.providerA
            ),
            context: .testing(
                Method.getStatement,
                peer: PeerIdentity(uris: ["spiffe://windmaker/provider/\(Self.providerA)"])
            )
        )
        #expect(own.paidFen == 20_000 && own.entries.first?.line?.inputDigest == "d-\(Self.providerA)")
        #expect(own.entries.first?.batch?.approvedBy == "" && own.entries.first?.batch?.totals == nil)
        let other = await self.status {
            try await self.service.getStatement(
                request: IncentiveV1.StatementRequest(
                    programId: "wm-2021h2",
                    period: "2021-07",
                    providerId: Self.providerB
                ),
                context: .testing(
                    Method.getStatement,
                    peer: PeerIdentity(uris: ["spiffe://windmaker/provider/\(Self.providerA)"])
                )
            )
        }
        #expect(other?.code == .permissionDenied)
        let report = try await self.service.reconcile(
            request: IncentiveV1.ReconcileRequest(),
            context: .testing(Method.reconcile, peer: Self.alice)
        )
        #expect(report.violations.isEmpty && report.postedFen != "0")
    }

    @Test func aKeyedRetryMovesNothingTwiceAndAReusedKeyIsRefused() async throws {
        let fund = IncentiveV1.FundProgramRequest(programId: "wm-2021h2", cashFen: 500, trafficImpressions: 0)
        let context = ServerContext.testing(
            Method.fundProgram,
            peer: Self.alice,
            metadata: ["idempotency-key": "fund-1"]
        )
        let first = try await self.service.fundProgram(request: fund, context: context)
        let retry = try await self.service.fundProgram(request: fund, context: context)
        #expect(retry == first && retry.budget?.cash?.funded == 1_000_500)
        let different = await self.status {
            try await self.service.fundProgram(
                request: IncentiveV1.FundProgramRequest(programId: "wm-2021h2", cashFen: 900),
                context: context
            )
        }
        #expect(different != nil && different?.code != .ok)
        let budget = try await self.service.getBudget(
            request: IncentiveV1.ProgramRequest(programId: "wm-2021h2"),
            context: .testing(Method.getBudget, peer: Self.alice)
        )
        #expect(budget.budget?.cash?.funded == 1_000_500)

        let computed = try await self.compute(key: "compute-1")
        let recomputed = try await self.compute(key: "compute-2")
        #expect(computed.created && !recomputed.created && recomputed.batch?.id == computed.batch?.id)
    }

    @Test func fundingWithoutAnIdempotencyKeyIsRefused() async throws {
        let refused = await self.status {
            try await self.service.fundProgram(
                request: IncentiveV1.FundProgramRequest(programId: "wm-2021h2", cashFen: 500),
                context: .testing(Method.fundProgram, peer: Self.alice)
            )
        }
        #expect(refused?.code == .invalidArgument && refused?.message.contains("idempotency-key") == true)
    }

    @Test func badInputIsRefusedNamingTheRule() async throws {
        func fund(_ program: String, cash: Int64, key: String) async -> RPCError? {
            await self.status {
                try await self.service.fundProgram(
                    request: IncentiveV1.FundProgramRequest(programId: program, cashFen: cash),
                    context: .testing(Method.fundProgram, peer: Self.alice, metadata: ["idempotency-key": key])
                )
            }
        }
        let negative = await fund("wm-2021h2", cash: -1, key: "k1")
        #expect(negative?.code == .invalidArgument && negative?.message.contains("cash_fen") == true)
        #expect(await fund("wm-2021h2", cash: 0, key: "k2")?.code == .invalidArgument)
        #expect(await fund("no-such-program", cash: 1, key: "k3")?.code == .notFound)
        #expect(await fund("Not A Program", cash: 1, key: "k4")?.code == .invalidArgument)
        #expect(await fund("wm-2021h2", cash: .max, key: "k5")?.code == .invalidArgument)
        let unknownBatch = await self.status {
            try await self.service.approveBatch(
                request: IncentiveV1.BatchRequest(batchId: "wm-2021h2.2021-07.9"),
                context: .testing(Method.approveBatch, peer: Self.carol)
            )
        }
        #expect(unknownBatch?.code == .notFound && unknownBatch?.message.contains("wm-2021h2.2021-07.9") == true)
        let malformed = await self.status {
            try await self.service.postBatch(
                request: IncentiveV1.BatchRequest(batchId: "july"),
                context: .testing(Method.postBatch, peer: Self.carol)
            )
        }
        #expect(malformed?.code == .invalidArgument && malformed?.message.contains("batch_id") == true)
        let unknownAccount = await self.status {
            try await self.service.createTransfers(
                request: IncentiveV1.CreateTransfersRequest(transfers: [
                    IncentiveV1.Transfer(
                        id: "t1",
                        debitAccount: "funding:cash",
                        creditAccount: "program:nope:cash",
                        amount: 1,
                        unit: "FEN"
                    )
                ]),
                context: .testing(Method.createTransfers, peer: Self.alice)
            )
        }
        #expect(
            unknownAccount?.code == .notFound && unknownAccount?.message.contains("program:nope:cash") == true
        )
        _ = try await self.compute()
        _ = try await self.service.rejectBatch(
            request: IncentiveV1.RejectBatchRequest(batchId: "wm-2021h2.2021-07.1", reason: "wrong rules"),
            context: .testing(Method.rejectBatch, peer: Self.carol)
        )
        self.clock.set(Self.start.adding(seconds: 8 * 86_400))
        let voided = await self.status { try await self.post() }
        #expect(voided?.code == .failedPrecondition && voided?.message.contains("REJECTED") == true)
    }

    /// On PostgreSQL the sixteen callers alternate between two instances on one store.
    @Test func sixteenConcurrentApprovalsAndPostsTakeEffectOnce() async throws {
        _ = try await self.compute(as: Self.alice)
        let instances = [self.service, self.secondInstance ?? self.service]
        let approvals = await withTaskGroup(of: RPCError?.self) { group in
            for index in 0 ..< 16 {
                group.addTask {
                    await self.status {
                        try await self.approve(
                            as: index % 4 < 2 ? Self.bob : Self.carol,
                            key: "approve-\(index)",
                            on: instances[index % 2]
                        )
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(approvals.filter { $0 == nil }.count == 1)
        #expect(approvals.compactMap { $0 }.allSatisfy { $0.code == .failedPrecondition })
        self.clock.set(Self.start.adding(seconds: 8 * 86_400))
        let posts = await withTaskGroup(of: String?.self) { group in
            for index in 0 ..< 16 {
                group.addTask { try? await self.post(key: "post-once", on: instances[index % 2]).batch?.state }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(posts == Array(repeating: "POSTED", count: 16))
        // The same top-up retried by sixteen callers on both instances funds once.
        let topUps = await withTaskGroup(of: RPCError?.self) { group in
            for index in 0 ..< 16 {
                group.addTask {
                    await self.status {
                        try await instances[index % 2].fundProgram(
                            request: IncentiveV1.FundProgramRequest(programId: "wm-2021h2", cashFen: 500),
                            context: .testing(
                                Method.fundProgram,
                                peer: Self.alice,
                                metadata: ["idempotency-key": "top-up"]
                            )
                        )
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(topUps.allSatisfy { $0 == nil }, "\(topUps)")
        #expect(try self.service.incentive.reconcile().violations.isEmpty)
        let budget = try await self.service.getBudget(
            request: IncentiveV1.ProgramRequest(programId: "wm-2021h2"),
            context: .testing(Method.getBudget, peer: Self.alice)
        )
        #expect(budget.budget?.cash?.posted == 40_000 && budget.budget?.cash?.reserved == 0)
        #expect(budget.budget?.cash?.funded == 1_000_500)
    }

    @Test func operatorTransfersAreCheckedWhole() async throws {
        func send(_ transfers: [IncentiveV1.Transfer]) async -> RPCError? {
            await self.status {
                try await self.service.createTransfers(
                    request: IncentiveV1.CreateTransfersRequest(transfers: transfers),
                    context: .testing(Method.createTransfers, peer: Self.alice)
                )
            }
        }
        let ok = IncentiveV1.Transfer(
            id: "correction-1",
            debitAccount: "funding:cash",
            creditAccount: "program:wm-2021h2:cash",
            amount: 100,
            unit: "FEN"
        )
        #expect(await send([ok]) == nil)
        #expect(await send([ok]) == nil)
        var reserved = ok
        reserved.id = "wm-2021h2.2021-07.1:prv_aaaaaaaaaaaaaaaa:grant"
        #expect(await send([reserved])?.code == .invalidArgument)
        var mixed = ok
        mixed.id = "mixed"
        mixed.creditAccount = "program:wm-2021h2:traffic"
        #expect(await send([mixed])?.code == .invalidArgument)
        var overdraft = ok
        overdraft.id = "too-much"
        overdraft.debitAccount = "program:wm-2021h2:cash"
        overdraft.creditAccount = "funding:cash"
        overdraft.amount = 2_000_000
        let refused = await send([overdraft])
        #expect(refused?.code == .failedPrecondition && refused?.message.contains("below zero") == true)
        var zero = ok
        zero.id = "zero"
        zero.amount = 0
        #expect(await send([zero])?.code == .invalidArgument)
        var changed = ok
        changed.amount = 101
        #expect(await send([changed])?.code == .alreadyExists)
        for (debit, credit) in [
            ("funding:cash", "clearing:cash"), ("program:wm-2021h2:cash", "clearing:cash"),
            ("funding:cash", "provider:prv_aaaaaaaaaaaaaaaa:payable"),
            ("provider:prv_aaaaaaaaaaaaaaaa:receivable", "funding:cash"), ("funding:traffic", "program:wm-2021h2:cash"),
        ] {
            var sideways = ok
            sideways.id = "sideways"
            sideways.debitAccount = debit
            sideways.creditAccount = credit
            let refused = await send([sideways])
            #expect(
                refused?.code == .invalidArgument && refused?.message.contains("approved batches") == true,
                "\(debit)"
            )
        }
        var correction = ok
        correction.id = "correction-2"
        correction.corrects = "correction-1"
        correction.debitAccount = ok.creditAccount
        correction.creditAccount = ok.debitAccount
        correction.amount = 60
        #expect(await send([correction]) == nil)
        #expect(await send([correction]) == nil)  // a retry of the same correction
        var twice = correction
        twice.id = "correction-twice"
        twice.amount = 1
        #expect(await send([twice, twice]) == nil)  // the same correction twice in one request
        var overflowing = correction
        overflowing.id = "correction-overflow"
        overflowing.amount = .max
        #expect(await send([twice, overflowing])?.code == .invalidArgument)
        var tooMuch = correction
        tooMuch.id = "correction-2b"
        #expect(await send([tooMuch])?.code == .failedPrecondition)
        var sameWay = correction
        sameWay.id = "correction-2c"
        sameWay.debitAccount = ok.debitAccount
        sameWay.creditAccount = ok.creditAccount
        sameWay.amount = 1
        #expect(await send([sameWay])?.code == .invalidArgument)
        var ofAFunding = correction
        ofAFunding.id = "correction-2d"
        ofAFunding.corrects = "fund.wm-2021h2.1.cash"
        ofAFunding.amount = 1
        #expect(await send([ofAFunding]) == nil)
        let budget = try await self.service.getBudget(
            request: IncentiveV1.ProgramRequest(programId: "wm-2021h2"),
            context: .testing(Method.getBudget, peer: Self.alice)
        )
        #expect(budget.budget?.cash?.funded == 1_000_000 + 100 - 60 - 1 - 1 && budget.budget?.cash?.recovered == 0)
        var dangling = ok
        dangling.id = "correction-3"
        dangling.corrects = "no-such-transfer"
        let missing = await send([dangling])
        #expect(missing?.code == .notFound && missing?.message.contains("no-such-transfer") == true)
    }
}
