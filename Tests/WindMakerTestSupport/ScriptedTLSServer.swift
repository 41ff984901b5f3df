import NIOCore
import NIOPosix
import WindMakerTLS
import WindMakerTransport

/// A TLS server that speaks the wire by script instead of serving calls: for testing what a client does with
/// answers a real server would never give (malformed responses, unanswered pings).
public final class ScriptedTLSServer: Sendable {
    /// What the server sends back when a call's HEADERS frame arrives: the frames' bytes for that call id.
    public typealias Script = @Sendable (_ callID: UInt32) -> [UInt8]

    /// The port it listens on (127.0.0.1).
    public let port: Int
    private let listener: any Channel

    /// Starts listening with the `echo` certificate; every connection answers HEADERS with `script` and ignores
    /// everything else, pings included.
    public static func start(script: @escaping Script) async throws -> ScriptedTLSServer {
        let security = try TLSChannelSecurity(
            configuration: DevCertificates.shared.serverConfiguration(for: "echo"),
            logger: .init(label: "scripted-tls-server")
        )
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try security.configureServerPipeline(channel)
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(FrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(Responder(script: script))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return ScriptedTLSServer(listener: listener, port: listener.localAddress!.port!)
    }

    private init(listener: any Channel, port: Int) {
        self.listener = listener
        self.port = port
    }

    public func stop() async {
        try? await self.listener.close()
    }

    private final class Responder: ChannelInboundHandler {
        typealias InboundIn = Frame
        typealias OutboundOut = ByteBuffer
        let script: Script

        init(script: @escaping Script) {
            self.script = script
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let frame = Self.unwrapInboundIn(data)
            guard frame.type == .headers else { return }
            let reply = context.channel.allocator.buffer(bytes: self.script(frame.callID))
            context.writeAndFlush(Self.wrapOutboundOut(reply), promise: nil)
        }
    }
}
