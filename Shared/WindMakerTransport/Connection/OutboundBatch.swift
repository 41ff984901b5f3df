import NIOCore

/// Collects the frames written during one event-loop tick into one buffer and flushes it once, so that a
/// response, its status and other calls' frames share a TLS record and a syscall.
/// Owned by a connection handler; used only on its event loop.
final class OutboundBatch {
    /// A batch this large goes out at once instead of at the end of the tick, so the peer can start on it while
    /// this side produces the rest. Without it, two busy peers take turns (each idle while the other works); with it,
    /// rpc-bench's 64-call 64 B case ran about twice as fast (docs/BENCHMARKS.md).
    static let earlyFlushBytes = 2048

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
        if self.buffer!.readableBytes >= Self.earlyFlushBytes {
            self.flush()
            return
        }
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
