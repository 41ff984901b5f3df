import Logging
import NIOCore
import WindMakerMessages
import WindMakerRPC

/// Carries a client's calls over one connection: assigns call ids, writes requests (batched per event-loop tick),
/// routes responses and statuses back to waiting callers, and answers the server's connection frames.
final class ClientConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = Frame
    typealias OutboundOut = ByteBuffer

    private enum State {
        case connecting
        case ready
        /// The server sent `goAway`: no new calls here; closes when the open ones end.
        case goingAway
        case closed(RPCError)
    }

    private var state = State.connecting
    private var context: ChannelHandlerContext!
    private var output: OutboundBatch!
    private var calls: [UInt32: ClientCall] = [:]
    private var nextCallID: UInt32 = 1
    private var writabilityWaiters: [EventLoopPromise<Void>] = []
    private var plainHeaders: [String: ByteBuffer] = [:]
    private let keepalive: Keepalive
    private let logger: Logger
    private let target: String
    private let maximumPayloadSize: Int
    /// The response window each call grants; 0 when the client does no flow control.
    private let callReceiveWindow: Int
    /// Succeeds once the peer is authenticated; fails if the connection never gets there.
    let ready: EventLoopPromise<Void>
    /// Called once when this connection stops taking new calls.
    private let onRetire: @Sendable (ObjectIdentifier) -> Void

    init(
        configuration: ClientConfiguration,
        target: String,
        ready: EventLoopPromise<Void>,
        logger: Logger,
        onRetire: @escaping @Sendable (ObjectIdentifier) -> Void
    ) {
        self.keepalive = Keepalive(policy: configuration.keepalive)
        self.target = target
        self.maximumPayloadSize = configuration.maximumPayloadSize
        self.callReceiveWindow = configuration.callReceiveWindow
        self.ready = ready
        self.logger = logger
        self.onRetire = onRetire
    }

    var acceptsNewCalls: Bool {
        if case .ready = self.state { return true }
        return false
    }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        self.output = OutboundBatch(context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is ConnectionAuthenticatedEvent, case .connecting = self.state else {
            return context.fireUserInboundEventTriggered(event)
        }
        self.state = .ready
        let this = NIOLoopBound(self, eventLoop: context.eventLoop)
        self.keepalive.start(on: context.eventLoop) {
            this.value.output.append { $0.writeFrame(.ping, callID: 0, payload: ByteBuffer(integer: UInt64(0))) }
        } peerIsGone: {
            this.value.fail(RPCError(.unavailable, "\(this.value.target) did not answer a keepalive ping"))
        }
        self.ready.succeed()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if case let .frameTooLarge(_, _, callID) = error as? FramingError, let call = self.calls[callID] {
            self.calls[callID] = nil
            call.finish(RPCError(.resourceExhausted, "\(error)"), metadata: Metadata())
        }
        if case .invalidWindowUpdate = error as? FramingError {
            self.logger.warning("closing connection: \(error)", metadata: ["rpc.target": "\(self.target)"])
            return self.fail(RPCError(.internal, "protocol violation by \(self.target): \(error)"))
        }
        self.logger.debug("connection error", metadata: ["rpc.target": "\(self.target)", "error": "\(error)"])
        self.fail(RPCError(.unavailable, "connection to \(self.target) failed: \(error)"))
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { self.releaseWritabilityWaiters() }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.fail(RPCError(.unavailable, "connection to \(self.target) closed"))
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = Self.unwrapInboundIn(data)
        self.keepalive.answered()
        switch frame.type {
        case .message:
            guard let call = self.calls[frame.callID] else { return }
            // Charged as it arrives, so the grants given back stay in step with what the server spent; a server
            // that sends with no window left is cut off rather than buffered without bound.
            guard call.receiveWindow?.received(payloadBytes: frame.payload.readableBytes) != false else {
                return self.abandon(
                    call,
                    RPCError(.resourceExhausted, "the server sent past this call's flow-control window")
                )
            }
            call.deliver(frame.payload)
            self.sendDueGrant(call)
        case .windowUpdate:
            // The decoder has checked the increment; one for a call that is over (or unknown) is ignored.
            self.calls[frame.callID]?.granted(frame.windowIncrement)
        case .trailers:
            guard let call = self.calls.removeValue(forKey: frame.callID) else { return }
            guard frame.payload.readableBytes > 0 else {
                // An empty payload is the all-default Status: OK, no message, no metadata.
                call.finish(nil, metadata: Metadata())
                return self.closeIfDrained()
            }
            do {
                let status = try Envelope.decode(RPCV1.Status.self, from: frame.payload)
                let (error, metadata) = Envelope.outcome(status)
                call.finish(error, metadata: metadata)
            } catch {
                call.finish(RPCError(.internal, "the server sent an invalid status: \(error)"), metadata: Metadata())
            }
            self.closeIfDrained()
        case .ping:
            if !frame.flags.contains(.ack) {
                self.output.append { $0.writeFrame(.ping, flags: .ack, callID: 0, payload: frame.payload) }
            }
        case .goAway:
            self.receivedGoAway(frame.payload)
        case .headers, .halfClose, .cancel:
            self.logger.warning("closing connection: the server sent a \(frame.type) frame")
            self.fail(RPCError(.internal, "protocol violation by \(self.target): unexpected \(frame.type) frame"))
        }
    }

    // MARK: Used by ClientCallHandle (on the event loop)

    /// Writes a request message, opening the call first if needed.
    func send(_ call: ClientCall, _ message: some ProtoMessage, endOfStream: Bool) {
        guard self.start(call, endOfStream: false) else { return }
        var payloadBytes = 0
        do {
            try self.output.append { (buffer) throws(FrameEncodingError) in
                let start = buffer.writerIndex
                try buffer.writeFrame(
                    .message,
                    flags: endOfStream ? .endStream : [],
                    callID: call.id,
                    message: message,
                    maximumPayloadSize: self.maximumPayloadSize
                )
                payloadBytes = buffer.writerIndex - start - Frame.headerSize
            }
            call.sendWindow?.spend(payloadBytes: payloadBytes)
        } catch {
            let code: RPCError.Code = if case .tooLarge = error { .resourceExhausted } else { .invalidArgument }
            self.abandon(call, RPCError(code, "the request could not be sent: \(error)"))
        }
    }

    /// Tells the server no more request messages follow, opening the call first if needed.
    func finishSending(_ call: ClientCall) {
        if call.isStarted {
            guard !call.isFinished else { return }
            self.output.append { $0.writeFrame(.halfClose, callID: call.id) }
        } else {
            _ = self.start(call, endOfStream: true)
        }
    }

    /// Abandons a call: the server is told, the caller sees `error`.
    func abandon(_ call: ClientCall, _ error: RPCError) {
        guard !call.isFinished else { return }
        if call.isStarted {
            self.calls[call.id] = nil
            self.output.append { $0.writeFrame(.cancel, callID: call.id) }
        }
        call.finish(error, metadata: Metadata())
        // A sender of this call may be parked on writability; it re-checks its call when woken.
        self.releaseWritabilityWaiters()
        self.closeIfDrained()
    }

    /// Closes the connection; open calls fail with `UNAVAILABLE`.
    func closeChannel() -> EventLoopFuture<Void> {
        self.fail(RPCError(.unavailable, "the client closed the connection to \(self.target)"))
        return self.context.channel.closeFuture
    }

    /// Whether a streaming sender may send its next request now: the socket can take bytes and the server's window
    /// has room (or the call is over, which the sender then learns).
    func maySend(_ call: ClientCall) -> Bool {
        call.isFinished || self.isClosed || (self.context.channel.isWritable && call.hasCredit)
    }

    /// Completes with true when the sender may send now, or with false once something it waited for happened (the
    /// socket drained, the server granted room, or a call ended): then it asks again.
    func sendable(_ call: ClientCall) -> EventLoopFuture<Bool> {
        if self.maySend(call) { return self.context.eventLoop.makeSucceededFuture(true) }
        let promise = self.context.eventLoop.makePromise(of: Void.self)
        if !self.context.channel.isWritable {
            self.writabilityWaiters.append(promise)
        } else {
            call.waitForCredit(promise)
        }
        return promise.futureResult.map { false }
    }

    /// The next response of a call, or `pending`; grants the server room for what the caller read.
    func poll(_ call: ClientCall) -> ClientCall.Poll {
        let poll = call.poll()
        self.sendDueGrant(call)
        return poll
    }

    /// Registers a reader for a call's next response (resumed at once when there is one).
    func wait(_ call: ClientCall, _ continuation: CheckedContinuation<ClientCall.Poll, Never>) {
        call.wait(continuation)
        self.sendDueGrant(call)
    }

    // MARK: Internals

    private var isClosed: Bool {
        if case .closed = self.state { return true }
        return false
    }

    /// Gives the server back the window the caller's reads freed, when a grant is due.
    private func sendDueGrant(_ call: ClientCall) {
        guard call.isStarted, !call.isFinished, !self.isClosed, let increment = call.takeDueGrant() else { return }
        self.output.append { $0.writeWindowUpdate(callID: call.id, increment: increment) }
    }

    private func releaseWritabilityWaiters() {
        let waiters = self.writabilityWaiters
        self.writabilityWaiters.removeAll()
        for waiter in waiters { waiter.succeed() }
    }

    /// Writes the request headers of a call not yet started; false when the call cannot go out.
    private func start(_ call: ClientCall, endOfStream: Bool) -> Bool {
        if call.isStarted { return !call.isFinished }
        // Abandoned before it was sent (cancelled, or past its deadline): it never goes out.
        guard !call.isFinished else { return false }
        guard case .ready = self.state else {
            var error: RPCError
            if case .closed(let reason) = self.state {
                error = reason
            } else {
                error = RPCError(.unavailable, "connection to \(self.target) is not taking new calls")
            }
            error.metadata.set(RPCError.notProcessedKey, "1")
            call.finish(error, metadata: Metadata())
            return false
        }
        var timeoutMicros: UInt64 = 0
        if let deadline = call.info.deadline {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else {
                call.finish(RPCError(.deadlineExceeded, "the deadline passed before the call was sent"), metadata: [:])
                return false
            }
            timeoutMicros = max(1, remaining.wholeMicroseconds)
            call.deadlineTimer = self.context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(remaining)) {
                self.abandon(call, RPCError(.deadlineExceeded, "deadline exceeded calling \(call.info.descriptor)"))
            }
        }
        call.id = self.nextCallID
        self.calls[call.id] = call
        if self.callReceiveWindow > 0 {
            switch call.info.descriptor.kind {
            case .clientStreaming: call.sendWindow = SendWindow(bytes: FlowControl.initialClientSendWindow)
            case .serverStreaming:
                call.receiveWindow = ReceiveWindow(size: self.callReceiveWindow, peerCredit: self.callReceiveWindow)
            case .unary: break
            }
        }
        if self.nextCallID == .max {
            // Call ids never wrap: the connection takes no more calls, and the next one opens a new connection.
            self.state = .goingAway
            self.onRetire(ObjectIdentifier(self))
        } else {
            self.nextCallID += 1
        }
        do {
            let payload = try self.requestHeaders(call.info, timeoutMicros: timeoutMicros)
            self.output.append {
                $0.writeFrame(.headers, flags: endOfStream ? .endStream : [], callID: call.id, payload: payload)
            }
        } catch {
            self.calls[call.id] = nil
            let code: RPCError.Code = if case .tooLarge = error { .resourceExhausted } else { .invalidArgument }
            call.finish(RPCError(code, "the request headers could not be sent: \(error)"), metadata: [:])
            return false
        }
        return true
    }

    /// The encoded HEADERS payload of a call. Calls without deadline or metadata send the same bytes every time, so
    /// those are encoded once per method.
    private func requestHeaders(
        _ info: ClientCallInfo,
        timeoutMicros: UInt64
    ) throws(FrameEncodingError) -> ByteBuffer {
        let plain = timeoutMicros == 0 && info.metadata.isEmpty
        if plain, let payload = self.plainHeaders[info.descriptor.fullName] { return payload }
        let headers = RPCV1.RequestHeaders(
            method: info.descriptor.fullName,
            timeoutMicros: timeoutMicros,
            metadata: Envelope.metadata(info.metadata),
            receiveWindow: UInt32(self.callReceiveWindow)
        )
        var payload = self.context.channel.allocator.buffer(capacity: 64)
        do {
            try headers.serialize(into: &payload)
        } catch {
            throw .invalidMessage(error)
        }
        guard payload.readableBytes <= self.maximumPayloadSize else {
            throw .tooLarge(length: payload.readableBytes, maximum: self.maximumPayloadSize)
        }
        if plain { self.plainHeaders[info.descriptor.fullName] = payload }
        return payload
    }

    private func receivedGoAway(_ payload: ByteBuffer) {
        // An undecodable goAway cannot say which calls were refused, so none are assumed unprocessed.
        let goAway =
            (try? Envelope.decode(RPCV1.GoAway.self, from: payload))
            ?? RPCV1.GoAway(lastCallId: .max, code: RPCError.Code.unavailable.rawValue, message: "going away")
        self.logger.debug(
            "server is going away",
            metadata: ["rpc.target": "\(self.target)", "reason": "\(goAway.message)"]
        )
        if case .ready = self.state {
            self.state = .goingAway
            self.onRetire(ObjectIdentifier(self))
        }
        var refused = RPCError(.unavailable, "\(self.target) is going away: \(goAway.message)")
        refused.metadata.set(RPCError.notProcessedKey, "1")
        for (id, call) in self.calls where id > goAway.lastCallId {
            self.calls[id] = nil
            call.finish(refused, metadata: Metadata())
        }
        self.closeIfDrained()
    }

    private func closeIfDrained() {
        if case .goingAway = self.state, self.calls.isEmpty {
            self.output.flush()
            self.context.close(promise: nil)
        }
    }

    /// Fails every open call and closes the connection.
    private func fail(_ error: RPCError) {
        let previous = self.state
        switch previous {
        case .closed: return
        case .connecting: self.ready.fail(error)
        case .ready: self.onRetire(ObjectIdentifier(self))
        case .goingAway: break
        }
        self.state = .closed(error)
        self.keepalive.stop()
        self.releaseWritabilityWaiters()
        let calls = self.calls
        self.calls.removeAll()
        for call in calls.values { call.finish(error, metadata: Metadata()) }
        self.context.close(promise: nil)
    }
}
