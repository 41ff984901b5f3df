public import WindMakerRPC

/// Who an access rule lets in, matched against the caller's certificate identity (its `spiffe://` URI).
public enum Principal: Sendable, Hashable, CustomStringConvertible {
    /// Any caller with a certificate from the deployment's CA.
    case anyAuthenticated
    /// Every identity under a path, e.g. all operators: `spiffe://windmaker/operator/`.
    case prefix(String)
    /// Exactly one identity, e.g. `spiffe://windmaker/service/assessment`.
    case exactly(String)

    /// Every service of the deployment.
    public static let services = Principal.prefix("spiffe://windmaker/service/")
    /// Every operator.
    public static let operators = Principal.prefix("spiffe://windmaker/operator/")
    /// Every finance approver.
    public static let finance = Principal.prefix("spiffe://windmaker/finance/")
    /// The provider portal.
    public static let providerPortal = Principal.prefix("spiffe://windmaker/provider-portal/")
    /// One service by name.
    public static func service(_ name: String) -> Principal { .exactly("spiffe://windmaker/service/\(name)") }

    /// Whether `peer` is this principal.
    public func matches(_ peer: PeerIdentity) -> Bool {
        switch self {
        case .anyAuthenticated: return peer.spiffeID != nil
        case .prefix(let prefix): return peer.spiffeID?.hasPrefix(prefix) ?? false
        case .exactly(let identity): return peer.spiffeID == identity
        }
    }

    public var description: String {
        switch self {
        case .anyAuthenticated: "any authenticated caller"
        case .prefix(let prefix): "\(prefix)*"
        case .exactly(let identity): identity
        }
    }
}
