import Testing

@testable import WindMakerTransport

/// The two halves of a call's flow control, on their own: what a sender may send, and what a receiver grants back.
@Suite struct FlowControlWindowTests {
    /// The whole frame, but at least what the server charges a buffered message, so a window of empty messages is
    /// no more work or memory than a window of others.
    @Test func aMessageCostsItsHeaderAndPayloadAndAtLeast64Bytes() {
        #expect(FlowControl.cost(ofPayload: 0) == 64)
        #expect(FlowControl.cost(ofPayload: 54) == 64)
        #expect(FlowControl.cost(ofPayload: 55) == 65)
        #expect(FlowControl.cost(ofPayload: 1000) == 1010)
    }

    @Test func aSenderSendsWhileTheWindowIsAboveZeroAndMayOvershootByOneMessage() {
        var window = SendWindow(bytes: 100)
        #expect(window.isOpen)
        window.spend(payloadBytes: 80)
        #expect(window.bytes == 10)
        #expect(window.isOpen)
        // A message larger than what is left still goes out, alone: the window goes below 0 and then waits.
        window.spend(payloadBytes: 4000)
        #expect(window.bytes == -4000)
        #expect(!window.isOpen)
        window.grant(4000)
        #expect(!window.isOpen, "0 is not room")
        window.grant(1)
        #expect(window.isOpen)
    }

    @Test func aWindowNeverGrowsPastTheMaximum() {
        var window = SendWindow(bytes: FlowControl.maximumWindow)
        window.grant(UInt32(Int32.max))
        #expect(window.bytes == FlowControl.maximumWindow)
        #expect(SendWindow(bytes: Int(UInt32.max)).bytes == FlowControl.maximumWindow)
    }

    @Test func aReceiverRefusesAMessageOnlyOnceThePeerHasNoWindowLeft() {
        var window = ReceiveWindow(size: 100, peerCredit: 100)
        #expect(window.received(payloadBytes: 80) == true)
        #expect(window.peerCredit == 10)
        // The peer had 10 bytes left, so one more message is within the rules, however large.
        #expect(window.received(payloadBytes: 500) == true)
        #expect(window.peerCredit == -500)
        #expect(window.received(payloadBytes: 0) == false)
        #expect(window.peerCredit == -500, "a refused message is not charged")
    }

    @Test func aReceiverGrantsOnceHalfTheWindowWasTaken() {
        var window = ReceiveWindow(size: 1000, peerCredit: 1000)
        for _ in 0 ..< 5 { #expect(window.received(payloadBytes: 90) == true) }
        #expect(window.peerCredit == 500)
        for _ in 0 ..< 4 { #expect(window.taken(payloadBytes: 90) == nil) }
        // The fifth message brings the bytes taken to 500: half the window, all given back in one increment.
        #expect(window.taken(payloadBytes: 90) == 500)
        #expect(window.peerCredit == 1000)
        #expect(window.taken(payloadBytes: 90) == nil)
    }

    @Test func aServerOpensAClientStreamingCallToItsWholeWindow() {
        var window = ReceiveWindow(size: 1 << 20, peerCredit: FlowControl.initialClientSendWindow)
        #expect(window.openToSize() == UInt32((1 << 20) - 65536))
        #expect(window.peerCredit == 1 << 20)
        #expect(window.openToSize() == nil)

        var smallest = ReceiveWindow(size: 65536, peerCredit: FlowControl.initialClientSendWindow)
        #expect(smallest.openToSize() == nil, "a window of the initial size needs no grant")
    }

    @Test func aGrantNeverTakesThePeersWindowPastTheMaximum() {
        var window = ReceiveWindow(size: FlowControl.maximumWindow, peerCredit: FlowControl.maximumWindow)
        #expect(window.received(payloadBytes: 90) == true)
        #expect(window.taken(payloadBytes: 90) == nil, "half of 2^31 - 1 is not yet taken")
        #expect(window.openToSize() == 100)
        #expect(window.peerCredit == FlowControl.maximumWindow)
    }
}
