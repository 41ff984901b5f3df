import NIOCore
import WindMakerRPC

/// Per-call flow control on a server connection (docs/PROTOCOL.md §12.4), on the event loop.
extension ServerConnectionHandler {
    /// Sets up the windows of a call whose client opted in with `clientWindow` bytes for its responses.
    func startFlowControl(_ call: ServerCall, clientWindow: UInt32) {
        call.sendWindow = SendWindow(bytes: Int(clientWindow))
        // Only a client-streaming call can need more than the window a client starts with, so only it gets a grant
        // now, and only while the client may still send: unary and server-streaming calls cost no extra frame.
        guard call.descriptor.kind == .clientStreaming, !call.isInboundFinished else { return }
        var window = ReceiveWindow(
            size: self.configuration.callReceiveWindow,
            peerCredit: FlowControl.initialClientSendWindow
        )
        if let increment = window.openToSize() {
            self.enqueue { $0.writeWindowUpdate(callID: call.id, increment: increment) }
        }
        call.receiveWindow = window
    }

    /// Gives the client back the window its taken messages used, when a grant is due.
    func sendDueGrant(_ call: ServerCall) {
        guard !call.isClosed, let increment = call.takeDueGrant() else { return }
        self.enqueue { $0.writeWindowUpdate(callID: call.id, increment: increment) }
    }

    /// Ends a call whose client sent a request with no window left. Its later messages are dropped (the call is
    /// closed); the connection and its other calls carry on.
    func windowExceeded(_ call: ServerCall) {
        self.logger.debug("client sent past its window", metadata: ["rpc.call": "\(call.id)"])
        let error = RPCError(
            .resourceExhausted,
            "flow-control window exceeded: call \(call.id) sent a message with no window left"
                + " (the server grants \(self.configuration.callReceiveWindow) bytes per call)"
        )
        self.finish(callID: call.id, with: error)
    }
}
