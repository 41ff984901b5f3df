import NIOCore

/// Sits after the frame decoder and credits each whole frame to the connection's ``InboundAccount``, so the
/// bytes the decoder still holds are what came in minus what went out.
final class DecodedFrameMeter: ChannelInboundHandler {
    typealias InboundIn = Frame
    typealias InboundOut = Frame

    private let account: InboundAccount

    init(account: InboundAccount) {
        self.account = account
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = Self.unwrapInboundIn(data)
        self.account.decoded(Frame.headerSize + frame.payload.readableBytes)
        context.fireChannelRead(data)
    }
}
