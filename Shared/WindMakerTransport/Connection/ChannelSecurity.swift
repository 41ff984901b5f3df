public import NIOCore

/// Secures a connection's pipeline before the RPC handlers are added; the TLS module implements it.
///
/// Implementations add their handlers first in the pipeline and, once the peer is authenticated, fire
/// ``ConnectionAuthenticatedEvent`` so the RPC layer learns who is calling.
public protocol ChannelSecurity: Sendable {
    /// Adds the server side of the security handlers to a newly accepted channel (on its event loop).
    func configureServerPipeline(_ channel: any Channel) throws
    /// Adds the client side of the security handlers to a newly connected channel (on its event loop).
    func configureClientPipeline(_ channel: any Channel, serverName: String) throws
}
