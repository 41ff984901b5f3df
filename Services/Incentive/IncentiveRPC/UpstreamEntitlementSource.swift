public import WindMakerIncentive
public import WindMakerKit
import WindMakerMessages
public import WindMakerRPC
import WindMakerServiceAPI
import WindMakerServiceKit

/// ``EntitlementSource`` over the assessment's and the registry's RPC APIs, called with the incentive service's
/// own identity, page by page, each call inheriting the remaining deadline of the call it serves. When either
/// cannot answer, the operation fails with `UNAVAILABLE` and nothing is computed.
public struct UpstreamEntitlementSource: EntitlementSource {
    private let assessment: AssessmentV1.Assessment.Client
    private let registry: RegistryV1.Registry.Client

    public init(assessment: RPCClient, registry: RPCClient) {
        self.assessment = AssessmentV1.Assessment.Client(assessment)
        self.registry = RegistryV1.Registry.Client(registry)
    }

    public func scorecards(_ period: PeriodID) async throws -> PeriodScorecards? {
        try await UpstreamCall.run("assessment", for: "incentive service") {
            var cards: [FinalScorecard] = []
            var state = ""
            var token = ""
            repeat {
                let page: AssessmentV1.ListScorecardsResponse
                do {
                    page = try await self.assessment.listScorecards(
                        AssessmentV1.ListScorecardsRequest(
                            period: period.description,
                            page: CommonV1.PageRequest(pageSize: 500, pageToken: token)
                        ),
                        options: CallOptions(isIdempotent: true)
                    )
                } catch let error as RPCError where error.code == .notFound {
                    return nil
                }
                state = page.period?.state ?? ""
                for card in page.scorecards { cards.append(try Self.card(card)) }
                token = page.page?.nextPageToken ?? ""
            } while !token.isEmpty
            return PeriodScorecards(state: state, cards: cards)
        }
    }

    public func standings() async throws -> [ProviderID: ProviderStanding] {
        try await UpstreamCall.run("registry", for: "incentive service") {
            var standings: [ProviderID: ProviderStanding] = [:]
            var token = ""
            repeat {
                let page = try await self.registry.listProviders(
                    RegistryV1.ListProvidersRequest(page: CommonV1.PageRequest(pageSize: 500, pageToken: token)),
                    options: CallOptions(isIdempotent: true)
                )
                for provider in page.providers {
                    guard let id = try? ProviderID(provider.id) else {
                        throw UnreadableReply(what: "provider \(provider.id)")
                    }
                    standings[id] = Self.standing(provider.status)
                }
                token = page.page?.nextPageToken ?? ""
            } while !token.isEmpty
            return standings
        }
    }

    private static func standing(_ status: RegistryV1.ProviderStatus) -> ProviderStanding {
        switch status {
        case .active: .active
        case .suspended: .suspended
        case .terminated: .ineligible("provider is TERMINATED")
        case .applied: .ineligible("provider is not yet approved")
        case .rejected: .ineligible("provider was rejected")
        default: .ineligible("provider has no known status")
        }
    }

    private static func card(_ wire: AssessmentV1.Scorecard) throws -> FinalScorecard {
        guard let provider = try? ProviderID(wire.providerId), let type = ProviderType(rawValue: wire.providerType)
        else { throw UnreadableReply(what: "scorecard of \(wire.providerId)") }
        let total = { (metric: String) in wire.totals.first { $0.metric == metric }?.value ?? 0 }
        let (gmv, overflow) = total("PAID_GMV").subtractingReportingOverflow(total("REFUNDS"))
        guard !overflow else { throw UnreadableReply(what: "the GMV of \(wire.providerId)'s scorecard") }
        return FinalScorecard(
            provider: provider,
            providerType: type,
            tier: wire.tier,
            club: wire.club.isEmpty ? nil : wire.club,
            gmv: gmv,
            disqualified: wire.disqualified,
            revision: wire.revision,
            rulebookVersion: wire.rulebookVersion,
            inputDigest: wire.inputDigest
        )
    }
}
