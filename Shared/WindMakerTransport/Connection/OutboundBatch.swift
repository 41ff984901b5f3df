import NIOCore

/// Collects the frames written during one event-loop tick into one buffer and flushes it once, so that a
/// response, its status and other calls' frames share a TLS record and a syscall.
/// Owned by a connection handler; used only on its event loop.
final class OutboundBatch {
    private let context: ChannelHandlerContext
    private var buffer: ByteBuffer?
    private var flushScheduled = false

    init(context: ChannelHandlerContext) {
        self.context = context
    }

    /// Appends frames; they go out at the end of the current tick.
    func append<Failure: Error>(_ write: (inout ByteBuffer) throws(Failure) -> Void) throws(Failure) {
        if self.buffer == nil {
            self.buffer = self.context.channel.allocator.buffer(capacity: 512)
        }
        try write(&self.buffer!)
        if !self.flushScheduled {
            self.flushScheduled = true
            let this = NIOLoopBound(self, eventLoop: self.context.eventLoop)
            self.context.eventLoop.execute { this.value.flush() }
        }
    }

    /// Writes what is pending now.
    func flush() {
        self.flushScheduled = false
        guard let buffer = self.buffer else { return }
        self.buffer = nil
        self.context.writeAndFlush(NIOAny(buffer), promise: nil)
    }
}
