import BenchmarkSupport
import Logging
import NIOCore
import NIOPosix
import WindMakerTLS

/// The baseline client: one TLS connection with `concurrency` frames in flight, answered first in, first out.
/// Everything runs on the connection's event loop, so this is the cheapest a request/response over our TLS can be.
struct BareEchoClient {
    let port: Int
    let tls: TLSContext
    let group: any EventLoopGroup
    let logger: Logger

    func run(concurrency: Int, payloadBytes: Int, window: MeasurementWindow) async throws -> CaseResult {
        let done = self.group.next().makePromise(of: CaseResult.self)
        let bootstrap = ClientBootstrap(group: self.group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(OpenSSLHandler(context: self.tls, serverName: "echo", logger: self.logger))
                    try sync.addHandler(ByteToMessageHandler(BareFrameDecoder()))
                    try sync.addHandler(
                        PipelineHandler(
                            concurrency: concurrency,
                            payloadBytes: payloadBytes,
                            window: window,
                            done: done
                        )
                    )
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: "127.0.0.1", port: self.port).get()
        } catch {
            done.fail(error)
            throw error
        }
        let result = try await done.futureResult.get()
        try? await channel.close()
        return result
    }

    /// Keeps `concurrency` requests outstanding until the window closes, timing each one.
    private final class PipelineHandler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        private let concurrency: Int
        private let payloadBytes: Int
        private let window: MeasurementWindow
        private let done: EventLoopPromise<CaseResult>
        private var request = ByteBuffer()
        private var sent = CircularBuffer<ContinuousClock.Instant>()
        private var latencies = LatencyStats(reservingCapacity: 1 << 20)
        private var errors = 0
        private var finished = false

        init(concurrency: Int, payloadBytes: Int, window: MeasurementWindow, done: EventLoopPromise<CaseResult>) {
            self.concurrency = concurrency
            self.payloadBytes = payloadBytes
            self.window = window
            self.done = done
        }

        func channelActive(context: ChannelHandlerContext) {
            self.request = .bareFrame(payloadBytes: self.payloadBytes, allocator: context.channel.allocator)
            for _ in 0 ..< self.concurrency { self.send(context: context, at: .now) }
            context.flush()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let response = self.unwrapInboundIn(data)
            let now = ContinuousClock.now
            guard let start = self.sent.popFirst() else { return }
            if response.readableBytes != 4 + self.payloadBytes {
                self.errors += 1
            } else if self.window.contains(now) {
                self.latencies.record(now - start)
            }
            if now < self.window.end {
                self.send(context: context, at: now)
            } else if self.sent.isEmpty {
                self.finish()
            }
        }

        func channelReadComplete(context: ChannelHandlerContext) {
            context.flush()
        }

        func channelInactive(context: ChannelHandlerContext) {
            self.errors += self.sent.count
            self.sent.removeAll()
            self.finish()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }

        private func send(context: ChannelHandlerContext, at instant: ContinuousClock.Instant) {
            self.sent.append(instant)
            context.write(self.wrapOutboundOut(self.request), promise: nil)
        }

        private func finish() {
            guard !self.finished else { return }
            self.finished = true
            self.done.succeed(
                CaseResult(
                    kind: ServerKind.bare.rawValue,
                    concurrency: self.concurrency,
                    payloadBytes: self.payloadBytes,
                    seconds: self.window.seconds,
                    latencies: self.latencies,
                    errors: self.errors
                )
            )
        }
    }
}
