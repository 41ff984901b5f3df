import Logging
import NIOCore
import WindMakerMessages
import WindMakerRPC

/// Serves the calls of one connection: reads frames, runs each call's handler as a task on this connection's
/// event loop, and writes responses and statuses, batched into one flush per event-loop tick.
final class ServerConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = Frame
    typealias OutboundIn = Never
    typealias OutboundOut = ByteBuffer

    enum State {
        case active
        /// `goAway` sent: calls up to `lastCallID` finish, later ones are refused; closes when none remain.
        case draining
        case closed
    }

    private let router: RPCRouter
    /// The server's count of handlers still running, which its `run()` waits for.
    private let handlers: RunningHandlers
    /// The server's limit on large requests decoding at once.
    private let largeDecodes: LargeDecodeGate
    private let interceptors: [any ServerInterceptor]
    let configuration: ServerConfiguration
    private let requireAuthenticatedPeer: Bool
    var logger: Logger

    var state = State.active
    var context: ChannelHandlerContext!
    var executor: EventLoopTaskExecutor!
    var peer: PeerIdentity?
    private var remoteAddress = "unknown"
    var calls: [UInt32: ServerCall] = [:]
    /// One logger per method: setting logger metadata is costly, so it is done once per method and connection.
    private var methodLoggers: [String: Logger] = [:]
    /// One set of metric handles per method, for the same reason.
    private var methodMetrics: [String: MethodMetrics] = [:]
    private var plainHeaders: [ByteBuffer: (method: RegisteredMethod, receiveWindow: UInt32)] = [:]
    var lastCallID: UInt32 = 0
    var bufferedInboundBytes = 0
    var readPending = false
    var output: OutboundBatch!
    let keepalive: Keepalive
    var idleTimer: Scheduled<Void>?
    var timersStarted = false

    init(
        router: RPCRouter,
        interceptors: [any ServerInterceptor],
        configuration: ServerConfiguration,
        requireAuthenticatedPeer: Bool,
        handlers: RunningHandlers,
        largeDecodes: LargeDecodeGate,
        logger: Logger
    ) {
        self.handlers = handlers
        self.largeDecodes = largeDecodes
        self.router = router
        self.interceptors = interceptors
        self.configuration = configuration
        self.requireAuthenticatedPeer = requireAuthenticatedPeer
        self.logger = logger
        self.keepalive = Keepalive(policy: configuration.keepalive)
    }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        self.output = OutboundBatch(context: context)
        self.executor = EventLoopTaskExecutor(eventLoop: context.eventLoop)
        self.remoteAddress = context.channel.remoteAddress?.description ?? "unknown"
        self.logger[metadataKey: "rpc.remote"] = "\(self.remoteAddress)"
        if context.channel.isActive { self.startTimers(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        self.remoteAddress = context.channel.remoteAddress?.description ?? self.remoteAddress
        self.logger[metadataKey: "rpc.remote"] = "\(self.remoteAddress)"
        self.startTimers(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.state = .closed
        self.keepalive.stop()
        self.idleTimer?.cancel()
        for call in self.calls.values {
            call.close(failingWaiterWith: RPCError(.cancelled, "the connection closed"))
        }
        ServerMetrics.inFlightCalls.decrement(by: Double(self.calls.count))
        self.calls.removeAll()
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let authenticated as ConnectionAuthenticatedEvent:
            self.peer = authenticated.peer
            self.logger[metadataKey: "rpc.peer"] = "\(authenticated.peer)"
            self.logger.debug("connection authenticated")
        case is ChannelShouldQuiesceEvent:
            self.beginDraining(reason: "server is shutting down")
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        switch error {
        case let error as FramingError:
            self.logger.warning("closing connection: \(error)")
            switch error {
            case let .frameTooLarge(_, _, callID):
                ServerMetrics.refused("frame_too_large")
                if self.calls[callID] != nil {
                    self.finish(callID: callID, with: RPCError(.resourceExhausted, "\(error)"))
                }
                self.goAwayAndClose(code: .resourceExhausted, message: "\(error)")
            case .unknownFrameType:
                ServerMetrics.refused("unknown_frame_type")
                self.goAwayAndClose(code: .internal, message: "protocol violation: \(error)")
            case .invalidWindowUpdate:
                ServerMetrics.refused("invalid_window_update")
                self.goAwayAndClose(code: .internal, message: "protocol violation: \(error)")
            }
        case let error as InboundLimitError:
            // UnfinishedFrameGuard has logged it, rate-limited.
            ServerMetrics.refused("inbound_limit")
            self.goAwayAndClose(code: .resourceExhausted, message: "\(error)")
        default:
            self.logger.debug("connection error: \(error)")
            self.goAwayAndClose(code: .unavailable, message: "connection error")
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            for call in self.calls.values { call.writable() }
            self.resumeReadingIfPossible()
        }
        context.fireChannelWritabilityChanged()
    }

    /// Holds back reads while handlers have too many request bytes waiting, or while the client is not reading what
    /// we send, so that neither a fast writer nor a peer that never reads can fill our memory.
    func read(context: ChannelHandlerContext) {
        if self.bufferedInboundBytes > self.configuration.maximumBufferedInboundBytes || !context.channel.isWritable {
            self.readPending = true
        } else {
            context.read()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = Self.unwrapInboundIn(data)
        guard self.state != .closed else { return }
        self.keepalive.answered()
        switch frame.type {
        case .headers:
            self.openCall(frame)
        case .message:
            guard let call = self.calls[frame.callID], !call.isClosed else { return }
            guard call.admits(frame.payload) else { return self.windowExceeded(call) }
            self.bufferedInboundBytes += call.deliver(frame.payload)
            if frame.flags.contains(.endStream) { call.finishInbound() }
            self.sendDueGrant(call)
        case .halfClose:
            self.calls[frame.callID]?.finishInbound()
        case .cancel:
            guard let call = self.calls[frame.callID] else { return }
            self.logger.debug("client cancelled call", metadata: ["rpc.method": "\(call.descriptor)"])
            call.close(failingWaiterWith: CancellationError())
        case .ping:
            guard frame.payload.readableBytes == 8 else {
                return self.protocolViolation("a ping carries 8 bytes, not \(frame.payload.readableBytes)")
            }
            if !frame.flags.contains(.ack) {
                self.enqueue { $0.writeFrame(.ping, flags: .ack, callID: 0, payload: frame.payload) }
            }
        case .windowUpdate:
            // The decoder has checked the increment; one for a call that is over (or unknown) is ignored.
            self.calls[frame.callID]?.granted(frame.windowIncrement)
        case .trailers, .goAway:
            self.protocolViolation("a client sent a \(frame.type) frame, which only servers send")
        }
    }

    // MARK: Calls

    private func openCall(_ frame: Frame) {
        guard frame.callID > self.lastCallID else {
            return self.protocolViolation("call id \(frame.callID) is not above the last one (\(self.lastCallID))")
        }
        self.lastCallID = frame.callID
        guard !self.requireAuthenticatedPeer || self.peer != nil else {
            return self.protocolViolation("a call arrived before the peer was authenticated")
        }
        guard self.state == .active else {
            ServerMetrics.refused("draining")
            return self.refuse(frame.callID, RPCError(.unavailable, "server is shutting down; retry elsewhere"))
        }
        guard self.calls.count < self.configuration.maximumConcurrentCallsPerConnection else {
            let limit = self.configuration.maximumConcurrentCallsPerConnection
            ServerMetrics.refused("too_many_calls")
            return self.refuse(frame.callID, RPCError(.resourceExhausted, "more than \(limit) concurrent calls"))
        }
        let headers: RequestHeaders
        do {
            headers = try self.requestHeaders(frame.payload)
        } catch {
            ServerMetrics.refused(error.code == .unimplemented ? "unknown_method" : "bad_headers")
            return self.refuse(frame.callID, error)
        }
        let method = headers.method
        var metadata = headers.metadata
        self.idleTimer?.cancel()
        self.idleTimer = nil

        let call = ServerCall(id: frame.callID, descriptor: method.descriptor)
        self.calls[call.id] = call
        ServerMetrics.inFlightCalls.increment()
        if frame.flags.contains(.endStream) { call.finishInbound() }
        if headers.receiveWindow > 0 { self.startFlowControl(call, clientWindow: headers.receiveWindow) }
        // A call without a deadline gets the server's limit for its method, so no call can stay open for ever.
        let timeout: Duration
        let expiry: RPCError
        if headers.timeoutMicros > 0 {
            timeout = min(Duration.microseconds(Int64(clamping: headers.timeoutMicros)), .longestDeadline)
            expiry = RPCError(.deadlineExceeded, "deadline of \(timeout) exceeded")
        } else {
            timeout = self.configuration.callTimeouts.limit(for: method.descriptor)
            expiry = RPCError(
                .deadlineExceeded,
                "the call ran past the server's limit of \(timeout) for calls without a deadline"
            )
        }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        let id = call.id
        call.deadlineTimer = self.context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) {
            self.finish(callID: id, with: expiry)
        }
        var logger = self.methodLogger(for: method.descriptor)
        // Every call has a request id, the caller's or a new one, which the handler's own calls pass on.
        if metadata[Metadata.Keys.requestID] == nil { metadata.set(Metadata.Keys.requestID, RequestID.generate()) }
        logger[metadataKey: "rpc.request_id"] = "\(metadata[Metadata.Keys.requestID] ?? "")"
        call.logger = logger
        let context = ServerContext(
            descriptor: method.descriptor,
            peer: self.peer ?? .anonymous,
            remoteAddress: self.remoteAddress,
            // Only a client's deadline travels on to nested calls; the server's own limit stays here.
            deadline: headers.timeoutMicros > 0 ? deadline : nil,
            requestMetadata: metadata,
            logger: logger
        )
        logger.debug("call started", metadata: ["rpc.call": "\(call.id)"])
        let io = ServerCallHandle(
            handler: NIOLoopBound(self, eventLoop: self.context.eventLoop),
            callID: call.id,
            offLoopRequestBytes: self.configuration.offLoopRequestBytes,
            largeDecodes: self.largeDecodes
        )
        let interceptors = self.interceptors
        // Counted before the task exists and until after its status is handed over, so the server's `run()` cannot
        // see no handlers while this one waits to be scheduled or sits in an interceptor.
        let handlers = self.handlers
        handlers.started()
        call.task = Task(executorPreference: self.executor) {
            defer { handlers.finished() }
            var failure: RPCError?
            do {
                try await ServerContext.$current.withValue(context) {
                    try await interceptors.intercept(context: context) { context in
                        try await method.invoke(io, context)
                    }
                }
            } catch {
                failure = RPCError(from: error)
                if failure?.code == .internal, !(error is RPCError) {
                    context.logger.error("handler failed: \(String(reflecting: error))")
                }
            }
            io.finish(failure, trailingMetadata: context.responseMetadata)
        }
    }

    /// What a HEADERS payload asks for, with its method looked up.
    private struct RequestHeaders {
        var method: RegisteredMethod
        var timeoutMicros: UInt64
        var metadata: Metadata
        /// The client's window for the call's responses; 0 when it does no flow control.
        var receiveWindow: UInt32
    }

    /// The method, timeout, metadata and window a HEADERS payload names. Payloads without timeout or metadata repeat
    /// byte for byte, so those are remembered (a few per connection) and not decoded again.
    private func requestHeaders(_ payload: ByteBuffer) throws(RPCError) -> RequestHeaders {
        if let plain = self.plainHeaders[payload] {
            return RequestHeaders(
                method: plain.method,
                timeoutMicros: 0,
                metadata: Metadata(),
                receiveWindow: plain.receiveWindow
            )
        }
        // Decoding runs on the event loop, and a frame-limit's worth of tiny metadata entries takes about a second:
        // headers larger than any real caller sends are refused before they are decoded.
        guard payload.readableBytes <= self.configuration.maximumRequestHeadersSize else {
            throw RPCError(
                .resourceExhausted,
                "request headers of \(payload.readableBytes) bytes exceed the server's limit of "
                    + "\(self.configuration.maximumRequestHeadersSize) bytes; send less metadata"
            )
        }
        let headers: RPCV1.RequestHeaders
        do {
            headers = try Envelope.decode(RPCV1.RequestHeaders.self, from: payload)
        } catch {
            throw RPCError(.invalidArgument, "invalid request headers: \(error)")
        }
        let metadata = try Envelope.metadata(headers.metadata)
        guard let method = self.router.method(named: headers.method) else {
            throw RPCError(.unimplemented, "unknown method \"\(headers.method)\"")
        }
        if headers.timeoutMicros == 0, metadata.isEmpty, self.plainHeaders.count < 64 {
            // A copy: the payload is a slice of a whole read buffer, which the key would otherwise keep alive.
            self.plainHeaders[ByteBuffer(bytes: payload.readableBytesView)] = (method, headers.receiveWindow)
        }
        return RequestHeaders(
            method: method,
            timeoutMicros: headers.timeoutMicros,
            metadata: metadata,
            receiveWindow: headers.receiveWindow
        )
    }

    private func methodLogger(for descriptor: MethodDescriptor) -> Logger {
        if let logger = self.methodLoggers[descriptor.fullName] { return logger }
        var logger = self.logger
        logger[metadataKey: "rpc.method"] = "\(descriptor)"
        self.methodLoggers[descriptor.fullName] = logger
        return logger
    }

    private func metrics(for descriptor: MethodDescriptor) -> MethodMetrics {
        if let metrics = self.methodMetrics[descriptor.fullName] { return metrics }
        let metrics = MethodMetrics(method: descriptor.fullName)
        self.methodMetrics[descriptor.fullName] = metrics
        return metrics
    }

    /// Writes the call's final status (unless it is closed already) and forgets the call once its task is done.
    func finish(
        callID: UInt32,
        with error: RPCError?,
        trailingMetadata: Metadata = Metadata(),
        handlerDone: Bool = false
    ) {
        guard let call = self.calls[callID] else { return }
        if !call.isClosed {
            let elapsed = ContinuousClock.now - call.started
            self.metrics(for: call.descriptor).finished(error?.code, after: elapsed)
            // One line per call at info, with its request id: what lets one grep follow a call across services.
            let (seconds, attoseconds) = elapsed.components
            call.logger?.info(
                "call finished",
                metadata: [
                    "rpc.code": "\(error?.code.description ?? "OK")",
                    "rpc.duration_us": "\(seconds * 1_000_000 + attoseconds / 1_000_000_000_000)",
                ]
            )
            if error == nil, trailingMetadata.isEmpty {
                // `OK` with no metadata is an all-default Status, which encodes to no bytes at all.
                self.enqueue { $0.writeFrame(.trailers, callID: callID) }
            } else {
                self.writeStatus(Envelope.status(error, trailingMetadata: trailingMetadata), callID: callID)
            }
            call.close(failingWaiterWith: error ?? RPCError(.cancelled, "the call has ended"))
        }
        if handlerDone || call.task == nil {
            self.calls[callID] = nil
            ServerMetrics.inFlightCalls.decrement()
            self.releaseInbound(call.bufferedBytes)
            self.callRemoved()
        }
    }

    /// Ends a call that never reached a handler. Refusals for load or shutdown say so, which lets the client
    /// retry them elsewhere or later; a bad request would fail the same way again and is not marked.
    private func refuse(_ callID: UInt32, _ error: RPCError) {
        ServerMetrics.refusedCall(error.code)
        var error = error
        if error.code == .unavailable || error.code == .resourceExhausted {
            error.metadata.set(RPCError.notProcessedKey, "1")
        }
        self.writeStatus(Envelope.status(error, trailingMetadata: Metadata()), callID: callID)
    }

    /// Writes a call's final status, truncated to fit in a frame. One that cannot be sent at all (a NUL in its text)
    /// is replaced by `INTERNAL`, so the client always learns that its call ended.
    private func writeStatus(_ status: RPCV1.Status, callID: UInt32) {
        let limit = self.configuration.maximumPayloadSize
        let status = status.fitted(within: limit)
        self.enqueue { buffer in
            do {
                try buffer.writeFrame(.trailers, callID: callID, message: status, maximumPayloadSize: limit)
            } catch {
                self.logger.error("status could not be sent: \(error)", metadata: ["rpc.call": "\(callID)"])
                let fallback = RPCV1.Status(
                    code: RPCError.Code.internal.rawValue,
                    message: "the call ended with a status that could not be sent"
                )
                try? buffer.writeFrame(.trailers, callID: callID, message: fallback)
            }
        }
    }

    private func callRemoved() {
        if self.calls.isEmpty {
            if self.state == .draining {
                self.close()
            } else {
                self.armIdleTimer()
            }
        }
    }
}
