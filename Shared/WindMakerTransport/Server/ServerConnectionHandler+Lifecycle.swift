import Logging
import NIOCore
import WindMakerMessages
import WindMakerRPC

/// Draining, closing, timers and batched output of a server connection.
extension ServerConnectionHandler {
    func beginDraining(reason: String) {
        guard self.state == .active else { return }
        self.state = .draining
        let goAway = RPCV1.GoAway(
            lastCallId: self.lastCallID,
            code: RPCError.Code.unavailable.rawValue,
            message: reason
        )
        self.enqueue { try? $0.writeFrame(.goAway, callID: 0, message: goAway) }
        self.logger.debug("draining connection", metadata: ["rpc.open_calls": "\(self.calls.count)"])
        if self.calls.isEmpty { self.close() }
    }

    func goAwayAndClose(code: RPCError.Code, message: String) {
        guard self.state != .closed else { return }
        let goAway = RPCV1.GoAway(lastCallId: self.lastCallID, code: code.rawValue, message: message)
        self.enqueue { try? $0.writeFrame(.goAway, callID: 0, message: goAway) }
        self.close()
    }

    func protocolViolation(_ message: String) {
        ServerMetrics.refused("protocol_violation")
        self.logger.warning("closing connection: protocol violation: \(message)")
        self.goAwayAndClose(code: .internal, message: "protocol violation: \(message)")
    }

    func close() {
        guard self.state != .closed else { return }
        self.output.flush()
        self.state = .closed
        self.context.close(promise: nil)
    }

    func startTimers(context: ChannelHandlerContext) {
        // Called from handlerAdded or channelActive, whichever sees the channel active first.
        guard !self.timersStarted else { return }
        self.timersStarted = true
        let this = NIOLoopBound(self, eventLoop: context.eventLoop)
        self.keepalive.start(on: context.eventLoop) {
            this.value.enqueue { $0.writeFrame(.ping, callID: 0, payload: ByteBuffer(integer: UInt64(0))) }
        } peerIsGone: {
            // While we hold back reads, answers cannot arrive: that says nothing about the peer.
            guard !this.value.readPending else { return }
            this.value.logger.warning("closing connection: keepalive ping was not answered")
            this.value.close()
        }
        self.armIdleTimer()
    }

    func armIdleTimer() {
        guard let idle = self.configuration.idleTimeout, self.idleTimer == nil, self.state == .active else { return }
        self.idleTimer = self.context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(idle)) {
            self.idleTimer = nil
            guard self.calls.isEmpty else { return }
            self.logger.debug("closing idle connection")
            self.beginDraining(reason: "idle for \(idle)")
        }
    }

    func releaseInbound(_ bytes: Int) {
        guard bytes > 0 else { return }
        self.bufferedInboundBytes -= bytes
        self.resumeReadingIfPossible()
    }

    func resumeReadingIfPossible() {
        guard self.readPending, self.bufferedInboundBytes <= self.configuration.maximumBufferedInboundBytes,
            self.context.channel.isWritable
        else { return }
        self.readPending = false
        self.context.read()
    }

    /// Appends frames to this tick's batch, unless the connection is closed.
    func enqueue(_ write: (inout ByteBuffer) -> Void) {
        guard self.state != .closed else { return }
        self.output.append(write)
    }
}
