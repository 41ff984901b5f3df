import NIOCore
import NIOPosix
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport
import WindMakerTransport

/// However a call ends on the client (a body that stops early, a server that refused it, a task cancelled before it
/// started, a deadline spent connecting), nothing is left running and the caller gets a clear status in time.
@Suite struct CallEndingTests {
    @Test func aStreamingBodyThatStopsEarlyCancelsTheServerHandler() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let test = try TestClient(port: server.port, identity: "operator-alice")
        let first = try await EchoV1.Echo.Client(test.client).expand(
            EchoV1.EchoRequest(text: "early-exit", delayMs: 50, count: 1_000)
        ) { responses -> UInt32? in
            for try await response in responses { return response.index }
            return nil
        }
        #expect(first == 0)
        try await server.waitForLog("client cancelled call", "rpc.method=windmaker.echo.v1.Echo/Expand")
        await test.connection.close()
    }

    @Test func aWriterLearnsThatTheServerAlreadyEndedTheCall() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        // Operators may not stream to the echo service: the server refuses at once, while the writer never stops.
        let test = try TestClient(port: server.port, identity: "operator-alice")
        let call = Task {
            try await EchoV1.Echo.Client(test.client).collect { requests in
                while true { try await requests.write(EchoV1.EchoRequest(text: "more")) }
            }
        }
        let watchdog = Task {
            try await Task.sleep(for: .seconds(10))
            call.cancel()
        }
        let error = await #expect(throws: RPCError.self) { try await call.value }
        watchdog.cancel()
        #expect(error?.code == .permissionDenied)
        await test.connection.close()
    }

    @Test func aCallCancelledBeforeItStartsIsNeverSent() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let test = try TestClient(port: server.port, identity: "operator-alice")
        let echo = EchoV1.Echo.Client(test.client)
        #expect(try await echo.unary(EchoV1.EchoRequest(text: "warm")).text == "warm")
        let cancelled = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await echo.unary(EchoV1.EchoRequest(text: "never"))
        }
        let error = await #expect(throws: RPCError.self) { try await cancelled.value }
        #expect(error?.code == .cancelled)
        #expect(try await echo.unary(EchoV1.EchoRequest(text: "after")).text == "after")
        // The server logs each call as it starts; its last line may reach us a moment after the reply.
        var started: [Substring] = []
        for _ in 0 ..< 50 {
            started = server.output.split(separator: "\n").filter { $0.contains("call started") }
            if started.count >= 2 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(started.count == 2, "only the two calls that were not cancelled reach the server")
    }

    @Test func aDeadlineSpentConnectingEndsTheCallOnTime() async throws {
        // Accepts TCP connections and never says a word: the TLS handshake cannot finish.
        let silent = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let test = try TestClient(port: silent.localAddress!.port!, identity: "operator-alice")
        let started = ContinuousClock.now
        let error = await #expect(throws: RPCError.self) {
            try await EchoV1.Echo.Client(test.client).unary(
                EchoV1.EchoRequest(),
                options: CallOptions(timeout: .milliseconds(300))
            )
        }
        #expect(error?.code == .deadlineExceeded)
        #expect(ContinuousClock.now - started < .seconds(3))
        await test.connection.close()
        try await silent.close()
    }

    @Test func aPingOfTheWrongSizeIsAProtocolViolation() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let raw = try await RawTLSConnection.connect(port: server.port, identity: "operator-alice")
        try await raw.send(
            WireFrames.frame(type: FrameType.ping.rawValue, callID: 0, payload: [UInt8](repeating: 1, count: 1_024))
        )
        try await raw.waitForClose()
        let goAway = try #require(WireFrames.parse(raw.bytes).first { $0.type == FrameType.goAway.rawValue })
        #expect(try RPCV1.GoAway(serializedBytes: goAway.payload).code == RPCError.Code.internal.rawValue)
        try await server.waitForLog("protocol violation", "a ping carries 8 bytes")
    }
}
