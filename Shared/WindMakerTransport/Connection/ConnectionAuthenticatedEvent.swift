public import WindMakerRPC

/// Fired inbound by the security layer once the peer is authenticated; carries who the peer is.
public struct ConnectionAuthenticatedEvent: Sendable, Hashable {
    /// The peer's identity from its certificate.
    public var peer: PeerIdentity
    /// The application protocol both sides agreed on.
    public var applicationProtocol: String?

    public init(peer: PeerIdentity, applicationProtocol: String?) {
        self.peer = peer
        self.applicationProtocol = applicationProtocol
    }
}
