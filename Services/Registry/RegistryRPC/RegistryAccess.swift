import WindMakerMessages
import WindMakerServiceAPI
public import WindMakerServiceSupport

/// Who may call which registry method: the one rule table (docs/REGISTRY.md shows it for operators).
///
/// Operators review, invite, suspend and terminate, confirm and end bindings, and read everything; the provider
/// portal applies, redeems invitations, proposes bindings and reads providers and bindings; other services read
/// and resolve attribution. Anyone else is refused with `PERMISSION_DENIED`.
public enum RegistryAccess {
    public static let policy: AccessPolicy = {
        typealias Method = RegistryV1.Registry.Method
        var policy = AccessPolicy()
        for method in [Method.apply, Method.redeemInvitation, Method.proposeBinding] {
            policy.allow([.providerPortal], toCall: method)
        }
        for method in [
            Method.invite, Method.approve, Method.reject, Method.suspend, Method.reinstate, Method.terminate,
            Method.providerHistory, Method.confirmBinding, Method.endBinding,
        ] {
            policy.allow([.operators], toCall: method)
        }
        policy.allow([.operators, .providerPortal, .services], toCall: Method.getProvider)
        policy.allow([.operators, .providerPortal, .services], toCall: Method.listBindings)
        policy.allow([.operators, .services], toCall: Method.listProviders)
        policy.allow([.operators, .services], toCall: Method.resolveAttribution)
        policy.allow([.operators, .services], toCall: Method.streamBindings)
        return policy
    }()
}
