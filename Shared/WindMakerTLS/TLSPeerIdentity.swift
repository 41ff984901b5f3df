/// Who the peer proved to be: the names in its verified certificate.
///
/// The RPC layer maps this to its `PeerIdentity`; authorization rules match on `uriSANs`
/// (`spiffe://windmaker/service/registry`, `spiffe://windmaker/operator/alice`, …).
public struct TLSPeerIdentity: Sendable, Hashable {
    /// URI subject alternative names, in certificate order.
    public var uriSANs: [String]
    /// DNS subject alternative names, in certificate order.
    public var dnsSANs: [String]
    /// IP address subject alternative names as text (`127.0.0.1`, `::1`), in certificate order.
    public var ipSANs: [String]
    /// The subject's common name, if it has one.
    public var commonName: String?
    /// The SHA-256 digest of the DER certificate as lowercase hex, for logs and pinning.
    public var fingerprintSHA256: String

    /// Creates an identity.
    public init(
        uriSANs: [String] = [],
        dnsSANs: [String] = [],
        ipSANs: [String] = [],
        commonName: String? = nil,
        fingerprintSHA256: String
    ) {
        self.uriSANs = uriSANs
        self.dnsSANs = dnsSANs
        self.ipSANs = ipSANs
        self.commonName = commonName
        self.fingerprintSHA256 = fingerprintSHA256
    }
}

/// Fired as a user inbound event by ``OpenSSLHandler`` once the handshake succeeded and the peer was verified.
public struct TLSHandshakeCompleted: Sendable, Hashable {
    /// The negotiated ALPN protocol; always one of the configured protocols.
    public var alpnProtocol: String?
    /// The verified peer.
    public var peer: TLSPeerIdentity
    /// The protocol version as OpenSSL names it (`TLSv1.3`).
    public var tlsVersion: String

    /// Creates an event.
    public init(alpnProtocol: String?, peer: TLSPeerIdentity, tlsVersion: String) {
        self.alpnProtocol = alpnProtocol
        self.peer = peer
        self.tlsVersion = tlsVersion
    }
}
