/// Who is on the other end of a connection, as its TLS certificate says.
public struct PeerIdentity: Hashable, Sendable, CustomStringConvertible {
    /// URI subject alternative names, e.g. `spiffe://windmaker/operator/alice`.
    public var uris: [String]
    /// DNS subject alternative names.
    public var dnsNames: [String]
    /// The subject common name, if any.
    public var commonName: String?

    public init(uris: [String] = [], dnsNames: [String] = [], commonName: String? = nil) {
        self.uris = uris
        self.dnsNames = dnsNames
        self.commonName = commonName
    }

    /// The first `spiffe://` URI: the identity access rules are written against.
    public var spiffeID: String? { self.uris.first { $0.hasPrefix("spiffe://") } }

    /// A peer with no certificate identity (only in-process tests produce one).
    public static let anonymous = PeerIdentity()

    public var description: String { self.spiffeID ?? self.commonName ?? "anonymous" }
}
