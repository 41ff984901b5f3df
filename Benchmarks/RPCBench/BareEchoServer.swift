import BenchmarkSupport
import Logging
import NIOCore
import NIOPosix
import WindMakerTLS

/// The baseline server: `OpenSSLHandler` first, then a length-prefixed echo; no calls, metadata or status.
struct BareEchoServer {
    let tls: TLSContext
    let logger: Logger

    /// Binds 127.0.0.1 on an ephemeral port and serves until the process ends.
    func bind() async throws -> Int {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(OpenSSLHandler(context: self.tls, logger: self.logger))
                    try sync.addHandler(ByteToMessageHandler(BareFrameDecoder()))
                    try sync.addHandler(EchoHandler())
                }
            }
        let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else { throw BenchError("the bare server has no port") }
        return port
    }

    /// Writes every frame back; flushes once per read burst, like the RPC transport.
    private final class EchoHandler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            context.write(data, promise: nil)
        }

        func channelReadComplete(context: ChannelHandlerContext) {
            context.flush()
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}
