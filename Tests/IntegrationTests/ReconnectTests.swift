import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// A client outlives its server: calls fail clearly while it is down and succeed once it is back.
@Suite struct ReconnectTests {
    @Test func clientReconnectsAfterTheServerRestarts() async throws {
        let first = try await ServerProcess.start("wm-echo", certificate: "echo")
        let port = first.port
        let test = try TestClient(port: port, identity: "operator-alice")
        let client = EchoV1.Echo.Client(test.client)
        #expect(try await client.unary(EchoV1.EchoRequest(text: "one")).text == "one")

        first.kill()
        _ = try await first.waitForExit()
        let down = await #expect(throws: RPCError.self) {
            try await client.unary(EchoV1.EchoRequest(text: "down"), options: CallOptions(isIdempotent: true))
        }
        #expect(down?.code == .unavailable)
        #expect(down?.wasNotProcessed == false, "the retry marker is internal and must not reach the caller")

        let second = try await ServerProcess.start("wm-echo", certificate: "echo", port: port)
        defer { second.kill() }
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        var answer: String?
        while answer == nil, ContinuousClock.now < deadline {
            answer = try? await client.unary(EchoV1.EchoRequest(text: "two"), options: CallOptions(isIdempotent: true))
                .text
            if answer == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(answer == "two")
        await test.connection.close()
    }
}
