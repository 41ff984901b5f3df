import Testing
import WindMakerKit
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerServiceKit

@testable import AssessmentRPC

@Suite struct AssessmentAccessTests {
    typealias Method = AssessmentV1.Assessment.Method

    static let roles = [
        ("operator", "spiffe://windmaker/operator/alice"),
        ("service", "spiffe://windmaker/service/incentive"),
        ("provider", "spiffe://windmaker/provider/prv_aaaaaaaaaaaaaaaa"),
        ("portal", "spiffe://windmaker/provider-portal/portal"),
        ("finance", "spiffe://windmaker/finance/bob"),
    ]

    @Test(arguments: [
        (Method.ingest, ["operator", "service"]),
        (Method.publishRulebook, ["operator"]),
        (Method.getRulebook, ["operator", "service"]),
        (Method.compute, ["operator"]),
        (Method.publish, ["operator"]),
        (Method.finalize, ["operator"]),
        (Method.getPeriod, ["operator", "service"]),
        (Method.getScorecard, ["operator", "service", "provider"]),
        (Method.scorecardHistory, ["operator", "service", "provider"]),
        (Method.listRankings, ["operator", "service"]),
        (Method.listScorecards, ["operator", "service"]),
        (Method.fileAppeal, ["provider"]),
        (Method.resolveAppeal, ["operator"]),
        (Method.reviseScorecard, ["operator"]),
        (Method.listAppeals, ["operator", "service", "provider"]),
        (Method.dryRun, ["operator"]),
        (Method.progress, ["operator", "service"]),
    ])
    func exactlyTheseRolesMayCall(method: MethodDescriptor, allowed: [String]) {
        for (role, identity) in Self.roles {
            let permitted = AssessmentAccess.policy.allows(PeerIdentity(uris: [identity]), toCall: method)
            #expect(permitted == allowed.contains(role), "\(role) calling \(method)")
        }
    }

    @Test func everyMethodHasARule() {
        for method in Method.all {
            #expect(!AssessmentAccess.policy.principals(for: method).isEmpty, "\(method)")
        }
    }

    @Test func providersActOnlyForThemselves() throws {
        let own = try ProviderID("prv_aaaaaaaaaaaaaaaa")
        let other = try ProviderID("prv_bbbbbbbbbbbbbbbb")
        let provider = PeerIdentity(uris: ["spiffe://windmaker/provider/prv_aaaaaaaaaaaaaaaa"])
        #expect(throws: Never.self) { try ProviderCaller.checkOwn(own, provider, action: "read", what: "scorecards") }
        #expect(throws: RPCError.self) {
            try ProviderCaller.checkOwn(other, provider, action: "read", what: "scorecards")
        }
        let operators = PeerIdentity(uris: ["spiffe://windmaker/operator/alice"])
        #expect(throws: Never.self) {
            try ProviderCaller.checkOwn(other, operators, action: "read", what: "scorecards")
        }
        let forged = PeerIdentity(uris: ["spiffe://windmaker/provider/../operator/alice"])
        #expect(throws: RPCError.self) {
            try ProviderCaller.checkOwn(other, forged, action: "read", what: "scorecards")
        }
    }
}
