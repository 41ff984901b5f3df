public import WindMakerKit
public import WindMakerRPC

/// What the caller's certificate says about whose data it may see: a provider sees only its own (its scorecards,
/// its appeals, its statements), in every service.
public enum ProviderCaller {
    /// The SPIFFE identity prefix of provider certificates: `spiffe://windmaker/provider/<provider id>`.
    public static let providerPrefix = "spiffe://windmaker/provider/"

    /// The provider the caller is, or `nil` for operators and services.
    /// - Throws: `PERMISSION_DENIED` for a provider identity whose id is not a valid provider id.
    public static func provider(_ peer: PeerIdentity) throws -> ProviderID? {
        guard let identity = peer.spiffeID, identity.hasPrefix(Self.providerPrefix) else { return nil }
        do {
            return try ProviderID(String(identity.dropFirst(Self.providerPrefix.count)))
        } catch {
            throw RPCError(.permissionDenied, "the certificate's provider identity is not a valid provider id")
        }
    }

    /// Refuses a provider caller acting for another provider.
    /// - Throws: `PERMISSION_DENIED` naming both.
    public static func checkOwn(_ provider: ProviderID, _ peer: PeerIdentity, action: String, what: String) throws {
        if let caller = try Self.provider(peer), caller != provider {
            throw RPCError(
                .permissionDenied,
                "provider \(caller) may \(action) only its own \(what), not \(provider)'s"
            )
        }
    }
}
