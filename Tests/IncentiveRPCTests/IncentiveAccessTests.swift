import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI

@testable import IncentiveRPC

@Suite struct IncentiveAccessTests {
    typealias Method = IncentiveV1.Incentive.Method

    static let roles = [
        ("operator", "spiffe://windmaker/operator/alice"),
        ("finance", "spiffe://windmaker/finance/bob"),
        ("service", "spiffe://windmaker/service/assessment"),
        ("provider", "spiffe://windmaker/provider/prv_aaaaaaaaaaaaaaaa"),
        ("portal", "spiffe://windmaker/provider-portal/portal"),
    ]

    @Test(arguments: [
        (Method.createProgram, ["operator"]),
        (Method.getProgram, ["operator", "finance"]),
        (Method.listPrograms, ["operator", "finance"]),
        (Method.fundProgram, ["operator"]),
        (Method.getBudget, ["operator", "finance"]),
        (Method.publishRules, ["operator"]),
        (Method.getRules, ["operator", "finance"]),
        (Method.compute, ["operator", "finance"]),
        (Method.getBatch, ["operator", "finance"]),
        (Method.approveBatch, ["finance"]),
        (Method.rejectBatch, ["finance"]),
        (Method.postBatch, ["finance"]),
        (Method.voidLine, ["finance"]),
        (Method.getStatement, ["operator", "finance", "provider"]),
        (Method.reconcile, ["operator", "finance"]),
        (Method.createTransfers, ["operator"]),
        (Method.dryRun, ["operator"]),
    ])
    func exactlyTheseRolesMayCall(method: MethodDescriptor, allowed: [String]) {
        for (role, identity) in Self.roles {
            let permitted = IncentiveAccess.policy.allows(PeerIdentity(uris: [identity]), toCall: method)
            #expect(permitted == allowed.contains(role), "\(role) calling \(method)")
        }
    }

    @Test func everyMethodHasARule() {
        for method in Method.all {
            #expect(!IncentiveAccess.policy.principals(for: method).isEmpty, "\(method)")
        }
    }
}
