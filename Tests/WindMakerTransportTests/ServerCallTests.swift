import NIOCore
import Testing
import WindMakerRPC

@testable import WindMakerTransport

/// The per-call inbound buffer: what it keeps, what it charges, what it drops.
@Suite struct ServerCallTests {
    static func call(_ kind: MethodKind) -> ServerCall {
        ServerCall(id: 1, descriptor: MethodDescriptor(service: "windmaker.test.v1.T", method: "M", kind: kind))
    }

    @Test func emptyMessagesAreStillChargedSoAFloodCounts() {
        let call = Self.call(.clientStreaming)
        var charged = 0
        for _ in 0 ..< 1_000 { charged += call.deliver(ByteBuffer()) }
        #expect(charged == 1_000 * ServerCall.minimumCharge)
        #expect(call.bufferedBytes == charged)
    }

    @Test(arguments: [MethodKind.unary, .serverStreaming])
    func singleRequestMethodsDropLaterMessages(kind: MethodKind) {
        let call = Self.call(kind)
        #expect(call.deliver(ByteBuffer(bytes: [1])) == ServerCall.minimumCharge)
        #expect(call.deliver(ByteBuffer(bytes: [2])) == 0)
        guard case .message(let first) = call.poll() else {
            Issue.record("the first message should be kept")
            return
        }
        #expect(Array(buffer: first) == [1])
        #expect(call.bufferedBytes == 0)
        if case .message = call.poll() { Issue.record("the second message should have been dropped") }
    }

    @Test func messagesAfterEndOfStreamAreDropped() {
        let call = Self.call(.clientStreaming)
        call.finishInbound()
        #expect(call.deliver(ByteBuffer(bytes: [1])) == 0)
        guard case .end = call.poll() else {
            Issue.record("the stream should have ended")
            return
        }
    }

    @Test func aSmallSliceOfABigBufferIsCopied() {
        var big = ByteBuffer(repeating: 7, count: 64 * 1024)
        let slice = big.readSlice(length: 10)!
        let call = Self.call(.clientStreaming)
        _ = call.deliver(slice)
        guard case .message(let kept) = call.poll() else {
            Issue.record("the message should be kept")
            return
        }
        #expect(kept.readableBytes == 10)
        #expect(kept.storageCapacity < 4096)
    }
}
