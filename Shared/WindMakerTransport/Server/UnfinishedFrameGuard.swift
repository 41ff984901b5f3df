import Logging
import NIOCore

/// Sits between TLS and the frame decoder and bounds what the decoder may hold for a peer: its bytes are charged
/// against the server-wide ``InboundBudget`` (a connection that would pass it is closed), and a frame whose first
/// byte has arrived must arrive whole within the frame timeout (or the connection is closed).
///
/// The decoder's output is measured by ``DecodedFrameMeter`` after it, through the shared ``InboundAccount``.
/// Both failures reach ``ServerConnectionHandler`` as an ``InboundLimitError``, which sends GOAWAY and closes.
final class UnfinishedFrameGuard: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = Never

    private let account: InboundAccount
    private let timeout: Duration
    /// One rate-limited log per reason, so a burst of one kind does not hide the other.
    private let refusals: (budget: RateLimitedLog, slowFrame: RateLimitedLog)
    private let logger: Logger
    private var timer: Scheduled<Void>?
    /// Whether a read was asked for and has not completed: while the server itself holds back reads, a frame that
    /// does not arrive is not the peer's fault.
    private var readOutstanding = false
    private var refused = false

    init(
        account: InboundAccount,
        timeout: Duration,
        refusals: (budget: RateLimitedLog, slowFrame: RateLimitedLog),
        logger: Logger
    ) {
        self.account = account
        self.timeout = timeout
        self.refusals = refusals
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !self.refused else { return }
        let bytes = Self.unwrapInboundIn(data)
        guard self.account.received(bytes.readableBytes) else {
            return self.refuse(context: context, .budgetSpent(budget: self.account.budget.limit, held: self.held))
        }
        context.fireChannelRead(data)
        self.restartTimerIfNeeded(context: context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.readOutstanding = false
        context.fireChannelReadComplete()
    }

    func read(context: ChannelHandlerContext) {
        self.readOutstanding = true
        context.read()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.stop()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.stop()
    }

    private var held: Int { self.account.held }

    /// Each frame gets the whole timeout from its first byte: the timer restarts when a frame completes and stops
    /// when nothing unfinished is held.
    private func restartTimerIfNeeded(context: ChannelHandlerContext) {
        let completed = self.account.takeCompletedFrames()
        guard self.account.held > 0 else {
            self.timer?.cancel()
            self.timer = nil
            return
        }
        guard completed || self.timer == nil else { return }
        self.timer?.cancel()
        self.armTimer(context: context)
    }

    private func armTimer(context: ChannelHandlerContext) {
        let this = NIOLoopBound(self, eventLoop: context.eventLoop)
        let context = NIOLoopBound(context, eventLoop: context.eventLoop)
        self.timer = context.value.eventLoop.scheduleTask(in: TimeAmount(self.timeout)) {
            let this = this.value
            this.timer = nil
            guard !this.refused, this.account.held > 0 else { return }
            guard this.readOutstanding else { return this.armTimer(context: context.value) }
            this.refuse(context: context.value, .frameTooSlow(timeout: this.timeout))
        }
    }

    private func refuse(context: ChannelHandlerContext, _ error: InboundLimitError) {
        self.refused = true
        let log =
            switch error {
            case .budgetSpent: self.refusals.budget
            case .frameTooSlow: self.refusals.slowFrame
            }
        log.occurred { suppressed in
            var metadata: Logger.Metadata = ["rpc.remote": "\(context.channel.remoteAddress?.description ?? "unknown")"]
            if suppressed > 0 { metadata["rpc.suppressed"] = "\(suppressed)" }
            self.logger.warning("closing connection: \(error)", metadata: metadata)
        }
        self.stop()
        context.fireErrorCaught(error)
    }

    private func stop() {
        self.timer?.cancel()
        self.timer = nil
        self.account.releaseAll()
    }
}
