import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// Calls to the real `wm-echo` executable over mutual TLS on loopback.
@Suite struct EchoCallTests {
    @Test func hundredConcurrentCallsShareOneConnectionAndCompleteOutOfOrder() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let test = try TestClient(port: server.port, identity: "operator-alice")
        let echo = EchoV1.Echo.Client(test.client)

        // Call i waits (100 - i) × 3 ms, so the calls started first finish last.
        let order = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0 ..< 100 {
                group.addTask {
                    let request = EchoV1.EchoRequest(text: "\(index)", delayMs: UInt32((100 - index) * 3))
                    let response = try await echo.unary(request)
                    #expect(response.text == "\(index)")
                    return index
                }
            }
            var order: [Int] = []
            for try await index in group { order.append(index) }
            return order
        }
        #expect(order.count == 100)
        #expect(Set(order) == Set(0 ..< 100))
        #expect(order != Array(0 ..< 100))
        #expect(order.firstIndex(of: 99)! < order.firstIndex(of: 0)!)
        let connections = server.output.components(separatedBy: "connection authenticated").count - 1
        #expect(connections == 1, "every call should use one connection")
        await test.connection.close()
    }

    @Test func serverStreamingDeliversEveryResponseInOrder() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let test = try TestClient(port: server.port, identity: "operator-alice")
        let indices = try await EchoV1.Echo.Client(test.client).expand(EchoV1.EchoRequest(text: "s", count: 5)) {
            responses in
            var indices: [UInt32] = []
            for try await response in responses { indices.append(response.index) }
            return indices
        }
        #expect(indices == [0, 1, 2, 3, 4])
        await test.connection.close()
    }

    @Test func clientStreamingSeesEveryRequest() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let test = try TestClient(port: server.port, identity: "registry")
        let response = try await EchoV1.Echo.Client(test.client).collect { requests in
            for text in ["a", "b", "c"] { try await requests.write(EchoV1.EchoRequest(payload: [1], text: text)) }
        }
        #expect(response.text == "a,b,c")
        #expect(response.index == 3)
        #expect(response.payload == [1, 1, 1])
        await test.connection.close()
    }

    /// Collect answers with everything it received, so it stops holding requests once that cannot fit in a frame
    /// (300 MB of them once sat in the server until the stream ended).
    @Test func aCollectLargerThanItsAnswerCanBeIsRefusedWhileItStreams() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let test = try TestClient(port: server.port, identity: "registry")
        let megabyte = [UInt8](repeating: 7, count: 1024 * 1024)
        let error = await #expect(throws: RPCError.self) {
            try await EchoV1.Echo.Client(test.client).collect { requests in
                for _ in 0 ..< 8 { try await requests.write(EchoV1.EchoRequest(payload: megabyte)) }
            }
        }
        #expect(error?.code == .resourceExhausted)
        #expect(error?.message.hasPrefix("Collect answers with everything it received, at most") == true)
        await test.connection.close()
    }

    @Test func unknownMethodIsUnimplemented() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let test = try TestClient(port: server.port, identity: "operator-alice")
        let missing = MethodDescriptor(service: "windmaker.echo.v1.Echo", method: "Missing", kind: .unary)
        let error = await #expect(throws: RPCError.self) {
            try await test.client.unary(missing, request: EchoV1.EchoRequest(), response: EchoV1.EchoResponse.self)
        }
        #expect(error?.code == .unimplemented)
        #expect(error?.message.contains("windmaker.echo.v1.Echo/Missing") == true)
        await test.connection.close()
    }

    @Test(arguments: [
        ("operator-alice", EchoV1.Echo.Method.collect),
        ("provider-portal", EchoV1.Echo.Method.unary),
    ])
    func callerWithoutAccessIsDenied(identity: String, method: MethodDescriptor) async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let test = try TestClient(port: server.port, identity: identity)
        let error = await #expect(throws: RPCError.self) {
            if method.kind == .clientStreaming {
                _ = try await EchoV1.Echo.Client(test.client).collect { _ in }
            } else {
                _ = try await EchoV1.Echo.Client(test.client).unary(EchoV1.EchoRequest())
            }
        }
        #expect(error?.code == .permissionDenied)
        #expect(error?.message.contains(method.fullName) == true)
        // Health stays open to every authenticated caller.
        let health = try await HealthV1.Health.Client(test.client).check(HealthV1.HealthCheckRequest())
        #expect(health.status == .serving)
        await test.connection.close()
    }
}
