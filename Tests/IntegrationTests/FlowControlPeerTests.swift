import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport
import WindMakerTransport

/// Per-call flow control against peers written byte by byte: a client that opts in and never grants, one that sends
/// past the server's window, one that sends malformed window updates, one that never opted in; and a server that
/// sends a malformed window update to the reference client.
@Suite struct FlowControlPeerTests {
    static let expand = "windmaker.echo.v1.Echo/Expand"
    static let unary = "windmaker.echo.v1.Echo/Unary"
    static let collect = "windmaker.echo.v1.Echo/Collect"

    /// MESSAGE frames of `callID`, in order.
    static func messages(_ frames: [WireFrames.RawFrame], callID: UInt32) -> [WireFrames.RawFrame] {
        frames.filter { $0.type == FrameType.message.rawValue && $0.callID == callID }
    }

    static func status(_ frames: [WireFrames.RawFrame], callID: UInt32) throws -> RPCV1.Status? {
        guard let trailers = frames.first(where: { $0.type == FrameType.trailers.rawValue && $0.callID == callID })
        else { return nil }
        return try RPCV1.Status(serializedBytes: trailers.payload)
    }

    /// What each MESSAGE frame of `callID` took from its window, in order.
    static func costs(_ frames: [WireFrames.RawFrame], callID: UInt32) -> [Int] {
        Self.messages(frames, callID: callID).map { FlowControl.cost(ofPayload: $0.payload.count) }
    }

    /// Whether a sender that sends while its window is above 0 could have sent messages costing `costs` on
    /// `window`, and then had to stop: every message but the last started within the window, and the last spent it.
    static func filledExactly(_ window: Int, with costs: [Int]) -> Bool {
        var left = window
        for cost in costs {
            guard left > 0 else { return false }
            left -= cost
        }
        return left <= 0
    }

    @Test func aClientThatNeverGrantsGetsItsWindowAndOneMessageWhileItsOtherCallsAreServed() async throws {
        let (server, port, _) = try await FlowControlService.serve()
        let raw = try await RawTLSConnection.connect(port: port, identity: "operator-alice")
        let request = EchoV1.EchoRequest(payload: [UInt8](repeating: 7, count: 300), count: 100)
        try await raw.send(
            WireFrames.headers(callID: 1, method: Self.expand, receiveWindow: 1000)
                + WireFrames.message(callID: 1, request, endStream: true)
        )
        _ = try await WireFrames.read(from: raw) { !Self.messages($0, callID: 1).isEmpty }
        let first = try await settledValue { Self.messages(WireFrames.parse(raw.bytes), callID: 1).count }
        let frames = WireFrames.parse(raw.bytes)
        #expect(first == 4, "300-byte payloads cost 313 to 315 bytes each: 4 of them spend 1000")
        #expect(Self.filledExactly(1000, with: Self.costs(frames, callID: 1)))
        #expect(try Self.status(frames, callID: 1) == nil, "the stream waits, it is not over")

        // The same connection serves another call while that stream waits.
        try await raw.send(WireFrames.unary(callID: 3, method: Self.unary, delayMs: 0))
        let served = try await WireFrames.read(from: raw) { (try? Self.status($0, callID: 3)) != nil }
        #expect(try Self.status(served, callID: 3)?.code == 0)
        #expect(Self.messages(served, callID: 3).count == 1)

        // A grant lets the stream go on, again only as far as the window allows.
        try await raw.send(WireFrames.windowUpdate(callID: 1, increment: 1000))
        _ = try await WireFrames.read(from: raw) { Self.messages($0, callID: 1).count > first }
        _ = try await settledValue { Self.messages(WireFrames.parse(raw.bytes), callID: 1).count }
        let after = WireFrames.parse(raw.bytes)
        #expect(Self.filledExactly(2000, with: Self.costs(after, callID: 1)))
        #expect(!after.contains { $0.type == FrameType.windowUpdate.rawValue }, "a server stream gets no grants")
        #expect(raw.isOpen)

        try await raw.send(WireFrames.frame(type: FrameType.cancel.rawValue, callID: 1))
        await raw.close()
        await server.shutDownGracefully()
    }

    @Test func aClientThatSendsPastTheServersWindowLosesThatCallAndKeepsTheConnection() async throws {
        let (server, port, _) = try await FlowControlService.serve(ServerConfiguration(callReceiveWindow: 65536))
        let raw = try await RawTLSConnection.connect(port: port, identity: "operator-alice")
        // 16387-byte payloads cost 16397 bytes each: 4 spend the 64 KiB a client starts with, the 5th is over.
        let request = EchoV1.EchoRequest(payload: [UInt8](repeating: 1, count: 16384))
        var bytes = try WireFrames.headers(callID: 1, method: FlowControlService.hold.fullName, receiveWindow: 65536)
        for _ in 0 ..< 6 { bytes += try WireFrames.message(callID: 1, request) }
        try await raw.send(bytes)

        let frames = try await WireFrames.read(from: raw) { (try? Self.status($0, callID: 1)) != nil }
        let status = try #require(try Self.status(frames, callID: 1))
        #expect(status.code == RPCError.Code.resourceExhausted.rawValue)
        #expect(status.message.hasPrefix("flow-control window exceeded: call 1 sent a message with no window left"))
        #expect(
            !frames.contains { $0.type == FrameType.windowUpdate.rawValue },
            "a server window of 64 KiB is what the client starts with: nothing to grant"
        )

        // Later messages on that call are dropped; the connection and its other calls carry on.
        try await raw.send(
            try WireFrames.message(callID: 1, request) + WireFrames.unary(callID: 3, method: Self.unary, delayMs: 0)
        )
        let served = try await WireFrames.read(from: raw) { (try? Self.status($0, callID: 3)) != nil }
        #expect(try Self.status(served, callID: 3)?.code == 0)
        #expect(served.filter { $0.callID == 1 }.count == 1, "only the one TRAILERS for call 1")
        #expect(raw.isOpen)
        await raw.close()
        await server.shutDownGracefully()
    }

    @Test(
        arguments: [
            ([0, 0, 0, 0], "a window update on call 1 grants 0 bytes; an increment is 1 to 2147483647"),
            ([0x80, 0, 0, 0], "a window update on call 1 grants 2147483648 bytes; an increment is 1 to 2147483647"),
            ([0, 0, 1, 0, 0], "a window update on call 1 carries 4 bytes, not 5"),
            ([], "a window update on call 1 carries 4 bytes, not 0"),
        ] as [([UInt8], String)]
    )
    func aMalformedWindowUpdateIsAProtocolViolation(payload: [UInt8], problem: String) async throws {
        let (server, port, _) = try await FlowControlService.serve()
        let raw = try await RawTLSConnection.connect(port: port, identity: "operator-alice")
        try await raw.send(WireFrames.frame(type: FrameType.windowUpdate.rawValue, callID: 1, payload: payload))
        try await raw.waitForClose()
        let goAway = try #require(WireFrames.parse(raw.bytes).first { $0.type == FrameType.goAway.rawValue })
        let message = try RPCV1.GoAway(serializedBytes: goAway.payload)
        #expect(message.code == RPCError.Code.internal.rawValue)
        #expect(message.message == "protocol violation: \(problem)")
        await server.shutDownGracefully()
    }

    @Test func aWindowUpdateForACallThatIsNotOpenIsIgnored() async throws {
        let (server, port, _) = try await FlowControlService.serve()
        let raw = try await RawTLSConnection.connect(port: port, identity: "operator-alice")
        try await raw.send(
            WireFrames.windowUpdate(callID: 9, increment: 5)
                + WireFrames.unary(callID: 1, method: Self.unary, delayMs: 0)
        )
        let frames = try await WireFrames.read(from: raw) { (try? Self.status($0, callID: 1)) != nil }
        #expect(try Self.status(frames, callID: 1)?.code == 0)
        #expect(raw.isOpen)
        await raw.close()
        await server.shutDownGracefully()
    }

    @Test func aClientWithoutFlowControlGetsWholeStreamsAndNeverAWindowUpdate() async throws {
        let (server, port, _) = try await FlowControlService.serve()
        // A service identity: only services may call Collect.
        let raw = try await RawTLSConnection.connect(port: port, identity: "registry")
        let payload = [UInt8](repeating: 3, count: 16 * 1024)
        // 100 × 16 KiB each way: past the 1 MiB a window would hold, and past the 64 KiB a client starts with.
        var bytes =
            try WireFrames.headers(callID: 1, method: Self.expand)
            + WireFrames.message(callID: 1, EchoV1.EchoRequest(payload: payload, count: 100), endStream: true)
            + WireFrames.headers(callID: 3, method: Self.collect)
        for _ in 0 ..< 100 { bytes += try WireFrames.message(callID: 3, EchoV1.EchoRequest(payload: payload)) }
        bytes += WireFrames.frame(type: FrameType.halfClose.rawValue, callID: 3)
        try await raw.send(bytes)

        let frames = try await WireFrames.read(from: raw, timeout: .seconds(30)) { frames in
            (try? Self.status(frames, callID: 1)) != nil && (try? Self.status(frames, callID: 3)) != nil
        }
        #expect(try Self.status(frames, callID: 1)?.code == 0)
        #expect(Self.messages(frames, callID: 1).count == 100)
        #expect(try Self.status(frames, callID: 3)?.code == 0)
        let collected = try EchoV1.EchoResponse(
            serializedBytes: try #require(Self.messages(frames, callID: 3).first).payload
        )
        #expect(collected.index == 100)
        #expect(!frames.contains { $0.type == FrameType.windowUpdate.rawValue })
        await raw.close()
        await server.shutDownGracefully()
    }

    @Test func onlyAClientStreamingCallThatOptedInGetsAWindowUpdateAndItComesFirst() async throws {
        let (server, port, _) = try await FlowControlService.serve()
        let raw = try await RawTLSConnection.connect(port: port, identity: "registry")
        let small = EchoV1.EchoRequest(text: "x", count: 2)
        try await raw.send(
            WireFrames.headers(callID: 1, method: Self.collect, receiveWindow: 65536)
                + WireFrames.message(callID: 1, small)
                + WireFrames.frame(type: FrameType.halfClose.rawValue, callID: 1)
                + WireFrames.headers(callID: 3, method: Self.unary, receiveWindow: 65536)
                + WireFrames.message(callID: 3, small, endStream: true)
                + WireFrames.headers(callID: 5, method: Self.expand, receiveWindow: 65536)
                + WireFrames.message(callID: 5, small, endStream: true)
        )
        let frames = try await WireFrames.read(from: raw) { frames in
            [1, 3, 5].allSatisfy { (try? Self.status(frames, callID: $0)) != nil }
        }
        let collect = frames.filter { $0.callID == 1 }.map(\.type)
        #expect(collect == [FrameType.windowUpdate.rawValue, FrameType.message.rawValue, FrameType.trailers.rawValue])
        let grant = try #require(frames.first { $0.type == FrameType.windowUpdate.rawValue })
        // The server's 1 MiB window, less the 64 KiB the client starts with: 983040 = 0x000F0000.
        #expect(grant.payload == [0x00, 0x0F, 0x00, 0x00])
        #expect(
            frames.filter { $0.callID == 3 }.map(\.type) == [FrameType.message.rawValue, FrameType.trailers.rawValue]
        )
        #expect(
            frames.filter { $0.callID == 5 }.map(\.type)
                == [FrameType.message.rawValue, FrameType.message.rawValue, FrameType.trailers.rawValue]
        )
        await raw.close()
        await server.shutDownGracefully()
    }

    /// The client charges what arrives against the window it gave: a server that keeps sending without waiting for
    /// grants, to a reader that has not read yet, loses the call once the window is spent (one message past it is
    /// allowed) instead of filling the client's memory. Without the charge the client also never ran out of credit
    /// to give, and its grants stopped for good after 2 GiB of a stream.
    @Test func aServerThatSendsPastTheClientsWindowLosesTheCall() async throws {
        let message = try EchoV1.EchoResponse(text: String(repeating: "w", count: 10_000)).serializedBytes()
        let server = try await ScriptedTLSServer.start { callID in
            (0 ..< 5).flatMap { _ in
                WireFrames.frame(type: FrameType.message.rawValue, callID: callID, payload: message)
            }
        }
        let test = try TestClient(
            port: server.port,
            identity: "operator-alice",
            configuration: ClientConfiguration(callReceiveWindow: 16 * 1024)
        )
        let error = await #expect(throws: RPCError.self) {
            try await EchoV1.Echo.Client(test.client).expand(EchoV1.EchoRequest(text: "x")) { responses in
                // Not reading until everything the server sent has arrived.
                try await Task.sleep(for: .milliseconds(500))
                for try await _ in responses {}
            }
        }
        #expect(error?.code == .resourceExhausted)
        #expect(error?.message == "the server sent past this call's flow-control window")
        await test.connection.close()
        await server.stop()
    }

    @Test func aServerThatSendsAMalformedWindowUpdateFailsTheClientsCalls() async throws {
        let server = try await ScriptedTLSServer.start { callID in
            WireFrames.frame(type: FrameType.windowUpdate.rawValue, callID: callID, payload: [0, 0, 0, 0])
        }
        let test = try TestClient(port: server.port, identity: "operator-alice")
        let error = await #expect(throws: RPCError.self) {
            try await EchoV1.Echo.Client(test.client).unary(EchoV1.EchoRequest(text: "x"))
        }
        #expect(error?.code == .internal)
        #expect(
            error?.message
                == "protocol violation by 127.0.0.1:\(server.port): a window update on call 1 grants 0 bytes;"
                + " an increment is 1 to 2147483647"
        )
        await test.connection.close()
        await server.stop()
    }
}
