import RegistryRPC
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI

/// The registry's rule table, method by method and role by role.
@Suite struct RegistryAccessTests {
    typealias Method = RegistryV1.Registry.Method
    static let roles = [
        "operator": "spiffe://windmaker/operator/alice",
        "portal": "spiffe://windmaker/provider-portal/portal",
        "service": "spiffe://windmaker/service/assessment",
        "finance": "spiffe://windmaker/finance/bob",
    ]

    @Test(arguments: [
        (Method.apply, ["portal"]),
        (Method.invite, ["operator"]),
        (Method.redeemInvitation, ["portal"]),
        (Method.approve, ["operator"]),
        (Method.reject, ["operator"]),
        (Method.suspend, ["operator"]),
        (Method.reinstate, ["operator"]),
        (Method.terminate, ["operator"]),
        (Method.getProvider, ["operator", "portal", "service"]),
        (Method.listProviders, ["operator", "service"]),
        (Method.providerHistory, ["operator"]),
        (Method.proposeBinding, ["portal"]),
        (Method.confirmBinding, ["operator"]),
        (Method.endBinding, ["operator"]),
        (Method.listBindings, ["operator", "portal", "service"]),
        (Method.resolveAttribution, ["operator", "service"]),
        (Method.streamBindings, ["operator", "service"]),
    ])
    func exactlyTheseRolesMayCall(method: MethodDescriptor, allowed: [String]) {
        for (role, identity) in Self.roles {
            let permitted = RegistryAccess.policy.allows(PeerIdentity(uris: [identity]), toCall: method)
            #expect(permitted == allowed.contains(role), "\(role) calling \(method)")
        }
    }
}
