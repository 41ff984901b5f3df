import NIOCore

/// Pings the peer every interval and closes the connection when an answer does not come in time.
/// Owned by a connection handler; used only on its event loop.
final class Keepalive {
    private let policy: KeepalivePolicy
    private var pingTimer: RepeatedTask?
    private var answerTimer: Scheduled<Void>?

    init(policy: KeepalivePolicy) {
        self.policy = policy
    }

    /// Starts pinging; `sendPing` writes a ping frame, `peerIsGone` is called when an answer is late.
    func start(on eventLoop: any EventLoop, sendPing: @escaping () -> Void, peerIsGone: @escaping () -> Void) {
        guard let interval = self.policy.interval else { return }
        let timeout = TimeAmount(self.policy.timeout)
        let sendPing = NIOLoopBound(sendPing, eventLoop: eventLoop)
        let peerIsGone = NIOLoopBound(peerIsGone, eventLoop: eventLoop)
        let this = NIOLoopBound(self, eventLoop: eventLoop)
        self.pingTimer = eventLoop.scheduleRepeatedTask(initialDelay: TimeAmount(interval), delay: TimeAmount(interval))
        {
            _ in
            guard this.value.answerTimer == nil else { return }
            sendPing.value()
            this.value.answerTimer = eventLoop.scheduleTask(in: timeout) {
                this.value.answerTimer = nil
                peerIsGone.value()
            }
        }
    }

    /// The peer answered the outstanding ping.
    func answered() {
        self.answerTimer?.cancel()
        self.answerTimer = nil
    }

    func stop() {
        self.pingTimer?.cancel()
        self.pingTimer = nil
        self.answered()
    }
}
