import CoreMetrics
public import Logging
public import NIOCore

/// TLS 1.3 with mutual authentication for one channel, first in the pipeline, over OpenSSL memory BIOs.
///
/// Inbound ciphertext is fed to OpenSSL and the decrypted plaintext fired up as `ByteBuffer`s; outbound
/// plaintext is buffered and encrypted on `flush`, and each flush writes the resulting records down as one
/// coalesced buffer. Writes issued before the handshake finishes are held and sent right after it.
///
/// When the handshake succeeds the handler fires ``TLSHandshakeCompleted`` (also kept in `handshakeResult`).
/// When it fails, times out, or the encrypted stream breaks, the handler logs the OpenSSL reason, fires a
/// ``TLSError`` through `errorCaught`, and closes the channel. `close` sends close_notify and waits briefly for
/// the peer's before closing the transport.
///
/// ```swift
/// let handler = try OpenSSLHandler(context: tlsContext, logger: logger)
/// try channel.pipeline.syncOperations.addHandler(handler, position: .first)
/// ```
public final class OpenSSLHandler: ChannelDuplexHandler {
    public typealias InboundIn = ByteBuffer
    public typealias InboundOut = ByteBuffer
    public typealias OutboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    /// Decrypted reads are produced in chunks of at most this size.
    private static let plaintextChunkSize = 16 * 1024

    private struct PendingWrite {
        var data: ByteBuffer
        var promise: EventLoopPromise<Void>?
    }

    /// The completed handshake's details; nil until then. Read it on the channel's event loop.
    public private(set) var handshakeResult: TLSHandshakeCompleted?

    private let connection: SSLConnection
    private let configuration: TLSConfiguration
    private var logger: Logger
    private var state = TLSConnectionState.idle
    private var pendingWrites = CircularBuffer<PendingWrite>(initialCapacity: 8)
    private var flushRequested = false
    /// Promises of writes already encrypted into the write BIO; the next network write completes them.
    private var flushedPromise: EventLoopPromise<Void>?
    private var plaintextBuffer: ByteBuffer?
    private var handshakeTimer: Scheduled<Void>?
    private var shutdownTimer: Scheduled<Void>?
    private var closeDeadline: Scheduled<Void>?
    private static let longestCloseWait = TimeAmount.seconds(30)
    private var closePromise: EventLoopPromise<Void>?
    private var transportCloseIssued = false

    /// Creates a handler for one connection.
    ///
    /// - Parameters:
    ///   - context: the shared TLS context; its configuration decides client or server.
    ///   - serverName: for clients, overrides the configuration's expected server name for this connection.
    ///   - logger: receives handshake failures (warning) and completions (debug).
    /// - Throws: ``TLSError`` if OpenSSL cannot create the connection or the server name is unusable.
    public init(context: TLSContext, serverName: String? = nil, logger: Logger) throws(TLSError) {
        self.configuration = context.configuration
        self.connection = try SSLConnection(
            context: context,
            serverName: serverName ?? context.configuration.serverName
        )
        self.logger = logger
        self.logger[metadataKey: "tls.role"] = "\(context.configuration.role)"
    }

    // MARK: Lifecycle

    public func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive {
            self.startHandshake(context: context)
        }
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        self.cancelTimers()
        self.failPendingWrites(ChannelError.ioOnClosedChannel)
    }

    public func channelActive(context: ChannelHandlerContext) {
        self.startHandshake(context: context)
        context.fireChannelActive()
    }

    public func channelInactive(context: ChannelHandlerContext) {
        let previous = self.state.markClosed()
        self.cancelTimers()
        if previous == .handshaking {
            self.countHandshakeFailure(TLSError(code: .closedDuringHandshake, reason: ""))
            self.report(
                TLSError(code: .closedDuringHandshake, reason: "connection closed during the TLS handshake"),
                context: context
            )
        }
        self.failPendingWrites(ChannelError.ioOnClosedChannel)
        if let promise = self.closePromise {
            self.closePromise = nil
            promise.succeed()
        }
        context.fireChannelInactive()
    }

    public func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event, self.state == .handshaking {
            self.fail(
                TLSError(code: .closedDuringHandshake, reason: "peer closed its side during the TLS handshake"),
                context: context
            )
        }
        context.fireUserInboundEventTriggered(event)
    }

    // MARK: Handshake

    private func startHandshake(context: ChannelHandlerContext) {
        guard self.state.startHandshake() else { return }
        let timeout = self.configuration.handshakeTimeout
        self.handshakeTimer = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) {
            self.fail(
                TLSError(code: .handshakeTimedOut, reason: "TLS handshake did not finish within \(timeout)"),
                context: context
            )
        }
        self.doHandshakeStep(context: context)
    }

    private func doHandshakeStep(context: ChannelHandlerContext) {
        switch self.connection.doHandshake() {
        case .inProgress:
            self.writeCiphertext(context: context)
        case .failed(let error):
            self.fail(error, context: context)
        case .complete:
            self.handshakeCompleted(context: context)
        }
    }

    private func handshakeCompleted(context: ChannelHandlerContext) {
        guard let peer = self.connection.peerIdentity() else {
            let reason = "TLS handshake failed: peer presented no certificate"
            self.fail(TLSError(code: .handshakeFailed, reason: reason), context: context)
            return
        }
        let expected = self.configuration.applicationProtocols
        guard let alpn = self.connection.applicationProtocol, expected.contains(alpn) else {
            let reason = "TLS handshake failed: peer did not agree on ALPN protocol \(expected)"
            self.fail(TLSError(code: .applicationProtocolMismatch, reason: reason), context: context)
            return
        }
        guard self.state.completeHandshake() else { return }
        self.handshakeTimer?.cancel()
        self.handshakeTimer = nil
        let event = TLSHandshakeCompleted(alpnProtocol: alpn, peer: peer, tlsVersion: self.connection.protocolVersion)
        self.handshakeResult = event
        self.logger.debug(
            "TLS handshake completed",
            metadata: ["tls.peer.uris": "\(peer.uriSANs)", "tls.alpn": "\(alpn)", "tls.version": "\(event.tlsVersion)"]
        )
        // Writes held during the handshake go out in the same network write as our last handshake flight.
        if self.flushRequested { self.encryptPendingWrites(context: context) }
        context.fireUserInboundEventTriggered(event)
        guard self.state == .active else { return }
        // Application data may have arrived together with the peer's last handshake flight.
        self.readPlaintext(context: context)
        guard self.state == .active else { return }
        self.writeCiphertext(context: context)
    }

    // MARK: Inbound

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let ciphertext = self.unwrapInboundIn(data)
        switch self.state {
        case .handshaking:
            self.connection.receiveCiphertext(ciphertext)
            self.doHandshakeStep(context: context)
        case .active, .closing:
            self.connection.receiveCiphertext(ciphertext)
            self.readPlaintext(context: context)
        case .idle, .closed:
            // Nothing can be decrypted without a handshake, and nothing is wanted after close.
            break
        }
    }

    private func readPlaintext(context: ChannelHandlerContext) {
        // Reuses the previous chunk's memory when the pipeline let go of it (taking it out of the property keeps
        // it uniquely referenced); clear() allocates afresh only if a handler above still holds it.
        var buffer = self.plaintextBuffer.take() ?? context.channel.allocator.buffer(capacity: Self.plaintextChunkSize)
        buffer.clear()
        var peerClosed = false
        readLoop: while true {
            if buffer.writableBytes == 0 {
                context.fireChannelRead(self.wrapInboundOut(buffer))
                guard self.state != .closed else { return }
                buffer.clear()
            }
            switch self.connection.readPlaintext(into: &buffer) {
            case .readBytes:
                continue
            case .needMoreData:
                break readLoop
            case .closeNotify:
                peerClosed = true
                break readLoop
            case .failed(let error):
                if buffer.readableBytes > 0 { context.fireChannelRead(self.wrapInboundOut(buffer)) }
                self.fail(error, context: context)
                return
            }
        }
        if buffer.readableBytes > 0 {
            context.fireChannelRead(self.wrapInboundOut(buffer))
        }
        self.plaintextBuffer = buffer
        if peerClosed {
            self.peerSentCloseNotify(context: context)
        } else if self.state != .closed && self.connection.pendingCiphertextCount > 0 {
            // Post-handshake messages (key updates) can make reading produce output.
            self.writeCiphertext(context: context)
        }
    }

    // MARK: Outbound

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard self.state.acceptsWrites else {
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        self.pendingWrites.append(PendingWrite(data: self.unwrapOutboundIn(data), promise: promise))
    }

    public func flush(context: ChannelHandlerContext) {
        switch self.state {
        case .idle, .handshaking:
            self.flushRequested = true
        case .active:
            self.encryptPendingWrites(context: context)
            self.writeCiphertext(context: context)
        case .closing, .closed:
            break
        }
    }

    public func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        switch mode {
        case .input:
            promise?.fail(ChannelError.operationUnsupported)
        case .output:
            if self.state == .active {
                self.encryptPendingWrites(context: context)
                _ = self.connection.shutdown()
                self.writeCiphertext(context: context)
            }
            context.close(mode: .output, promise: promise)
        case .all:
            self.closeAll(context: context, promise: promise)
        }
    }

    private func closeAll(context: ChannelHandlerContext, promise: EventLoopPromise<Void>?) {
        switch self.state.close() {
        case .closeTransport:
            self.cancelTimers()
            self.failPendingWrites(ChannelError.ioOnClosedChannel)
            self.closeTransport(context: context, promise: promise)
        case .sendCloseNotify:
            self.joinClose(promise)
            self.encryptPendingWrites(context: context)
            let peerAlreadyClosed = self.connection.shutdown()
            let written = self.writeCiphertext(context: context)
            if peerAlreadyClosed {
                self.closeTransport(context: context, promise: nil)
            } else {
                // The peer can answer close_notify only after reading everything queued before it, so the wait
                // starts once our last bytes (responses included) are on the wire, not when the close was asked.
                // A peer that stops reading must not keep the socket forever either.
                self.closeDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: Self.longestCloseWait) {
                    self.logger.debug("TLS peer did not read our last bytes in time; closing")
                    self.closeTransport(context: context, promise: nil)
                }
                written.assumeIsolated().whenComplete { _ in
                    guard self.shutdownTimer == nil, context.channel.isActive else { return }
                    self.shutdownTimer = context.eventLoop.assumeIsolated().scheduleTask(
                        in: TimeAmount(self.configuration.shutdownTimeout)
                    ) {
                        self.logger.debug("TLS peer did not answer close_notify in time; closing")
                        self.closeTransport(context: context, promise: nil)
                    }
                }
            }
        case .joinPendingClose:
            self.joinClose(promise)
        case .forward:
            context.close(promise: promise)
        }
    }

    // MARK: Internals

    /// Encrypts every buffered write into the write BIO, collecting their promises for the next network write.
    private func encryptPendingWrites(context: ChannelHandlerContext) {
        self.flushRequested = false
        while let write = self.pendingWrites.popFirst() {
            if let error = self.connection.writePlaintext(write.data) {
                write.promise?.fail(error)
                self.fail(error, context: context)
                return
            }
            if let promise = write.promise {
                if let collected = self.flushedPromise {
                    collected.futureResult.cascade(to: promise)
                } else {
                    self.flushedPromise = promise
                }
            }
        }
    }

    private func takeFlushedPromise() -> EventLoopPromise<Void>? {
        defer { self.flushedPromise = nil }
        return self.flushedPromise
    }

    /// Writes everything OpenSSL produced as one buffer and flushes; the promises of the writes encrypted into
    /// it complete when it is written.
    /// Writes out the ciphertext OpenSSL produced; the returned future completes when the network write does.
    @discardableResult
    private func writeCiphertext(context: ChannelHandlerContext) -> EventLoopFuture<Void> {
        let promise = self.takeFlushedPromise() ?? context.eventLoop.makePromise(of: Void.self)
        let pending = self.connection.pendingCiphertextCount
        guard pending > 0 else {
            promise.succeed()
            return promise.futureResult
        }
        var buffer = context.channel.allocator.buffer(capacity: pending)
        self.connection.drainCiphertext(into: &buffer)
        context.writeAndFlush(self.wrapOutboundOut(buffer), promise: promise)
        return promise.futureResult
    }

    private func failPendingWrites(_ error: any Error) {
        self.flushRequested = false
        if let promise = self.takeFlushedPromise() { promise.fail(error) }
        while let write = self.pendingWrites.popFirst() {
            write.promise?.fail(error)
        }
    }

    private func joinClose(_ promise: EventLoopPromise<Void>?) {
        guard let promise else { return }
        if let existing = self.closePromise {
            existing.futureResult.cascade(to: promise)
        } else {
            self.closePromise = promise
        }
    }

    private func peerSentCloseNotify(context: ChannelHandlerContext) {
        switch self.state {
        case .active:
            self.state = .closing
            self.encryptPendingWrites(context: context)
            _ = self.connection.shutdown()
            self.writeCiphertext(context: context)
            self.closeTransport(context: context, promise: nil)
        case .closing:
            self.closeTransport(context: context, promise: nil)
        case .idle, .handshaking, .closed:
            break
        }
    }

    /// Closes the underlying channel once; completes the pending close promise with it.
    private func closeTransport(context: ChannelHandlerContext, promise: EventLoopPromise<Void>?) {
        _ = self.state.markClosed()
        self.cancelTimers()
        self.joinClose(promise)
        guard !self.transportCloseIssued else { return }
        self.transportCloseIssued = true
        let closePromise = self.closePromise
        self.closePromise = nil
        context.close(promise: closePromise)
    }

    private func cancelTimers() {
        self.handshakeTimer?.cancel()
        self.handshakeTimer = nil
        self.shutdownTimer?.cancel()
        self.shutdownTimer = nil
        self.closeDeadline?.cancel()
        self.closeDeadline = nil
    }

    /// Logs and fires `error`, sends whatever alert OpenSSL queued, and closes the channel.
    private func fail(_ error: TLSError, context: ChannelHandlerContext) {
        guard self.state != .closed else { return }
        if self.state == .idle || self.state == .handshaking { self.countHandshakeFailure(error) }
        _ = self.state.markClosed()
        self.cancelTimers()
        self.writeCiphertext(context: context)
        self.failPendingWrites(error)
        self.report(error, context: context)
        self.closeTransport(context: context, promise: nil)
    }

    /// Counts a server's failed handshake by kind (`wm_tls_handshake_failures_total`); a client's failures are its
    /// caller's to report.
    private func countHandshakeFailure(_ error: TLSError) {
        guard self.configuration.role == .server else { return }
        Counter(label: "wm_tls_handshake_failures_total", dimensions: [("reason", error.kind)]).increment()
    }

    private func report(_ error: TLSError, context: ChannelHandlerContext) {
        var metadata: Logger.Metadata = ["tls.error.code": "\(error.code)"]
        if let remote = context.channel.remoteAddress { metadata["net.peer"] = "\(remote)" }
        if !error.openSSLErrors.isEmpty { metadata["tls.openssl.errors"] = "\(error.openSSLErrors)" }
        self.logger.warning("\(error.reason)", metadata: metadata)
        context.fireErrorCaught(error)
    }
}
