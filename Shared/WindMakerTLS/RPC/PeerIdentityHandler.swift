import NIOCore
import WindMakerRPC
import WindMakerTransport

/// Turns the TLS handshake's outcome into the transport's ``ConnectionAuthenticatedEvent``, so the RPC layer
/// learns the caller's certificate identity without knowing about TLS.
final class PeerIdentityHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let handshake = event as? TLSHandshakeCompleted else {
            return context.fireUserInboundEventTriggered(event)
        }
        let peer = PeerIdentity(
            uris: handshake.peer.uriSANs,
            dnsNames: handshake.peer.dnsSANs,
            commonName: handshake.peer.commonName
        )
        context.fireUserInboundEventTriggered(
            ConnectionAuthenticatedEvent(peer: peer, applicationProtocol: handshake.alpnProtocol)
        )
    }
}
