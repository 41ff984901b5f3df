import Testing
import WindMakerAssessment
import WindMakerKit
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerStorage
import WindMakerTestSupport

@testable import AssessmentRPC

/// The adapter in process, with a registry that is not called: the checks that need the server's settings and the
/// caller's identity.
@Suite struct AssessmentServiceTests {
    struct NoRegistry: RegistrySource {
        func activeProviders() async throws -> [PeriodComputation.Provider] { [] }
        func bindings(from first: CivilDate, through last: CivilDate) async throws -> [BindingSpan] { [] }
    }

    static let operatorPeer = PeerIdentity(uris: ["spiffe://windmaker/operator/alice"])
    static let providerPeer = PeerIdentity(uris: ["spiffe://windmaker/provider/prv_aaaaaaaaaaaaaaaa"])
    /// 2021-10-15T00:00:00+08:00.
    static let now = Timestamp(microsecondsSinceEpoch: 1_634_227_200_000_000)

    let service: AssessmentService

    init() throws {
        let database = try TestStore.serviceDatabase("assessment")
        try database.migrate(AssessmentSchema.migrations)
        let assessment = Assessment(database: database)
        try assessment.publishDefaultRulebookIfNone(effectiveFrom: try PeriodID("2021-07"), at: Self.now)
        self.service = AssessmentService(
            assessment: assessment,
            registry: NoRegistry(),
            settings: AssessmentSettings(programStart: try CivilDate("2021-07-01")),
            clock: { Self.now }
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

    @Test func periodsThatHaveNotEndedOrPrecedeTheProgramAreNotComputed() async throws {
        for (period, message) in [
            ("2021-10", "has not ended"), ("9999-12", "has not ended"), ("2021-06", "before the program"),
        ] {
            let refused = await self.status {
                try await self.service.compute(
                    request: AssessmentV1.PeriodRequest(period: period),
                    responses: ResponseWriter(io: RecordingCallIO()),
                    context: .testing(AssessmentV1.Assessment.Method.compute, peer: Self.operatorPeer)
                )
            }
            #expect(refused?.code == .failedPrecondition, "\(period)")
            #expect(refused?.message.contains(message) == true, "\(refused?.message ?? "")")
        }
    }

    /// A period being computed (here by another instance on the same store) is not computed a second time at once.
    @Test func aPeriodBeingComputedElsewhereIsNotComputedAgain() async throws {
        let database =
            try TestStore.secondInstance(of: self.service.assessment.database) ?? self.service.assessment.database
        let refused = try await database.exclusively("compute 2021-09") {
            await self.status {
                try await self.service.compute(
                    request: AssessmentV1.PeriodRequest(period: "2021-09"),
                    responses: ResponseWriter(io: RecordingCallIO()),
                    context: .testing(AssessmentV1.Assessment.Method.compute, peer: Self.operatorPeer)
                )
            }
        }
        #expect(refused?.code == .aborted, "\(String(describing: refused))")
        #expect(refused?.message.contains("compute 2021-09 is already running") == true)
    }

    @Test func rulebooksCannotTakeEffectBeforeTheProgram() async throws {
        let refused = await self.status {
            try await self.service.publishRulebook(
                request: AssessmentV1.PublishRulebookRequest(
                    document: String(decoding: Rulebook.defaultDocument, as: UTF8.self),
                    effectiveFrom: "2021-06"
                ),
                context: .testing(AssessmentV1.Assessment.Method.publishRulebook, peer: Self.operatorPeer)
            )
        }
        #expect(refused?.code == .invalidArgument)
        #expect(refused?.message.contains("effective_from") == true)
    }

    @Test func providersSeeNoDraftScorecards() async throws {
        let refused = await self.status {
            try await self.service.getScorecard(
                request: AssessmentV1.GetScorecardRequest(period: "2021-09", providerId: "prv_aaaaaaaaaaaaaaaa"),
                context: .testing(AssessmentV1.Assessment.Method.getScorecard, peer: Self.providerPeer)
            )
        }
        #expect(refused?.code == .failedPrecondition)
        #expect(refused?.message.contains("not published yet") == true)
        // An operator gets to the same question and is told there is no scorecard.
        let operatorAnswer = await self.status {
            try await self.service.getScorecard(
                request: AssessmentV1.GetScorecardRequest(period: "2021-09", providerId: "prv_aaaaaaaaaaaaaaaa"),
                context: .testing(AssessmentV1.Assessment.Method.getScorecard, peer: Self.operatorPeer)
            )
        }
        #expect(operatorAnswer?.code == .notFound)
    }

    @Test func anOverrideWithoutUpholdIsRefused() async throws {
        let refused = await self.status {
            try await self.service.resolveAppeal(
                request: AssessmentV1.ResolveAppealRequest(
                    appealId: "apl_aaaaaaaaaaaaaaaa",
                    uphold: false,
                    reason: "no",
                    override: AssessmentV1.IndicatorOverride(dimension: "traffic", indicator: "ad_roi", value: 1)
                ),
                context: .testing(AssessmentV1.Assessment.Method.resolveAppeal, peer: Self.operatorPeer)
            )
        }
        #expect(refused?.code == .invalidArgument)
        #expect(refused?.message.contains("override") == true)
    }
}
