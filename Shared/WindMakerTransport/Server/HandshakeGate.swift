import NIOCore

/// First in a server connection's pipeline: counts the connection as handshaking from its peer's first byte and
/// closes it at once when too many handshakes are in progress. ``Completion``, after the TLS handlers, ends the
/// count when the peer is authenticated; closing ends it too.
final class HandshakeGate: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private enum State {
        case waitingForFirstByte
        case handshaking
        case done
        case refused
    }

    private let admission: ConnectionAdmission
    private var state = State.waitingForFirstByte

    init(admission: ConnectionAdmission) {
        self.admission = admission
    }

    /// The handler that tells this gate the handshake is over; it goes after the security handlers.
    var completion: Completion { Completion(gate: self) }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch self.state {
        case .refused:
            return
        case .waitingForFirstByte:
            guard self.admission.beginHandshake() else {
                self.state = .refused
                context.close(promise: nil)
                return
            }
            self.state = .handshaking
        case .handshaking, .done:
            break
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.finish()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.finish()
    }

    fileprivate func finish() {
        guard case .handshaking = self.state else { return }
        self.admission.endHandshake()
        self.state = .done
    }

    /// Ends the gate's count when the connection is authenticated.
    final class Completion: ChannelInboundHandler {
        typealias InboundIn = NIOAny

        private let gate: HandshakeGate

        fileprivate init(gate: HandshakeGate) {
            self.gate = gate
        }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if event is ConnectionAuthenticatedEvent { self.gate.finish() }
            context.fireUserInboundEventTriggered(event)
        }
    }
}
