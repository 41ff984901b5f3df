import Synchronization
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport
import WindMakerTransport

/// Per-call flow control between the reference client and server, over mutual TLS on loopback: a side that stops
/// reading holds the other side's sender to the window it granted, the connection's other calls go on, and the
/// stream finishes whole once reading resumes.
@Suite struct FlowControlTests {
    static let payload = [UInt8](repeating: 0x5A, count: 16 * 1024)

    @Test func aReaderThatStopsHoldsTheServersStreamToTheWindowAndOtherCallsGoOn() async throws {
        let window = 256 * 1024
        let (server, port, probe) = try await FlowControlService.serve()
        let test = try TestClient(
            port: port,
            identity: "operator-alice",
            configuration: ClientConfiguration(callReceiveWindow: window)
        )
        let count: UInt32 = 400  // 6.4 MB, 25 windows
        let read = 5
        let indices = try await test.client.serverStreaming(
            FlowControlService.stream,
            request: EchoV1.EchoRequest(payload: Self.payload, count: count),
            response: EchoV1.EchoResponse.self,
            options: CallOptions(timeout: .seconds(120))
        ) { responses in
            var iterator = responses.makeAsyncIterator()
            var indices: [UInt32] = []
            for _ in 0 ..< read { indices.append(try #require(try await iterator.next()).index) }

            // The reader stops. The server sends until the window is spent (the 5 messages read are not granted
            // back yet: that happens at half the window), then its handler waits in `write`.
            let sent = try await settledValue(quiet: .seconds(1)) { probe.snapshot.sent }
            let perWindow = window / FlowControl.cost(ofPayload: Self.payload.count)
            #expect(sent <= read + perWindow + 1, "sent \(sent) of \(count) while the reader had read \(read)")
            #expect(probe.snapshot.sending, "the handler waits in write")

            // The stalled stream holds nothing else up on the connection.
            let started = ContinuousClock.now
            let echo = try await EchoV1.Echo.Client(test.client).unary(
                EchoV1.EchoRequest(text: "meanwhile"),
                options: CallOptions(timeout: .seconds(10))
            )
            #expect(echo.text == "meanwhile")
            #expect(ContinuousClock.now - started < .seconds(5), "took \(ContinuousClock.now - started)")
            #expect(probe.snapshot.sent == sent, "still waiting")

            while let response = try await iterator.next() { indices.append(response.index) }
            return indices
        }
        #expect(indices == Array(0 ..< count))
        #expect(probe.snapshot.sent == Int(count))
        await test.connection.close()
        await server.shutDownGracefully()
    }

    @Test func aHandlerThatStopsReadingHoldsTheClientsWriterToTheServersWindowAndOtherCallsGoOn() async throws {
        let window = 128 * 1024
        let (server, port, probe) = try await FlowControlService.serve(
            ServerConfiguration(callReceiveWindow: window),
            pauseAfter: 3
        )
        let test = try TestClient(port: port, identity: "operator-alice")
        // 12.5 MiB: more than the 8 MiB a connection buffers before the server stops reading it altogether.
        let total = 200
        let payload = [UInt8](repeating: 1, count: 64 * 1024)
        let written = SharedCount()
        let call = Task {
            try await test.client.clientStreaming(
                FlowControlService.ingest,
                request: EchoV1.EchoRequest.self,
                response: EchoV1.EchoResponse.self,
                options: CallOptions(timeout: .seconds(120))
            ) { writer in
                for _ in 0 ..< total {
                    try await writer.write(EchoV1.EchoRequest(payload: payload))
                    written.increment()
                }
            }.message
        }

        // The handler takes 3 requests and stops; the writer stops once the window is spent.
        try await eventually { probe.snapshot.taken == 3 }
        let stalled = try await settledValue(quiet: .seconds(1)) { written.value }
        let perWindow = window / FlowControl.cost(ofPayload: payload.count)
        #expect(stalled <= 3 + perWindow + 2, "wrote \(stalled) of \(total) while the handler had taken 3")
        #expect(probe.snapshot.taken == 3)

        let started = ContinuousClock.now
        let echo = try await EchoV1.Echo.Client(test.client).unary(
            EchoV1.EchoRequest(text: "meanwhile"),
            options: CallOptions(timeout: .seconds(10))
        )
        #expect(echo.text == "meanwhile")
        #expect(ContinuousClock.now - started < .seconds(5), "took \(ContinuousClock.now - started)")
        #expect(written.value == stalled, "still waiting")

        probe.openGate()
        let response = try await call.value
        #expect(response.index == UInt32(total))
        #expect(written.value == total)
        await test.connection.close()
        await server.shutDownGracefully()
    }
}
