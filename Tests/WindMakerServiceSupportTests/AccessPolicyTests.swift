import Testing
import WindMakerRPC
import WindMakerServiceSupport

@Suite struct AccessPolicyTests {
    static let approve = MethodDescriptor(service: "windmaker.test.v1.Ledger", method: "Approve", kind: .unary)
    static let read = MethodDescriptor(service: "windmaker.test.v1.Ledger", method: "Read", kind: .unary)
    static let unlisted = MethodDescriptor(service: "windmaker.test.v1.Ledger", method: "Drop", kind: .unary)

    static let policy = AccessPolicy([
        approve: [.finance],
        read: [.operators, .service("assessment")],
    ])

    @Test(arguments: [
        ("spiffe://windmaker/finance/bob", approve, true),
        ("spiffe://windmaker/operator/alice", approve, false),
        ("spiffe://windmaker/operator/alice", read, true),
        ("spiffe://windmaker/service/assessment", read, true),
        ("spiffe://windmaker/service/incentive", read, false),
        ("spiffe://windmaker/finance/bob", unlisted, false),
        ("spiffe://elsewhere/operator/alice", read, false),
    ])
    func rulesDecideWhoMayCall(identity: String, method: MethodDescriptor, allowed: Bool) {
        #expect(Self.policy.allows(PeerIdentity(uris: [identity]), toCall: method) == allowed)
    }

    @Test func aPeerWithoutASpiffeIdentityMatchesNothing() {
        var policy = Self.policy
        policy.allow([.anyAuthenticated], toCall: Self.unlisted)
        #expect(!policy.allows(PeerIdentity(dnsNames: ["localhost"]), toCall: Self.unlisted))
        #expect(policy.allows(PeerIdentity(uris: ["spiffe://windmaker/provider-portal/p"]), toCall: Self.unlisted))
    }

    @Test func theTableListsEveryRuleSorted() {
        #expect(Self.policy.table.map(\.method) == [Self.approve.fullName, Self.read.fullName])
    }
}
