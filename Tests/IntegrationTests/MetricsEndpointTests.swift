import Foundation
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// The servers' Prometheus endpoint: the exposition format, counters that move with known calls and refusals, the
/// domain gauges, and what it does with requests it does not serve.
@Suite struct MetricsEndpointTests {
    /// `GET path` (or another method) over plain HTTP: the status and the body.
    static func request(_ port: Int, _ path: String = "/metrics", method: String = "GET") throws -> (Int, String) {
        let socket = try PlainSocket(port: port)
        socket.send(Array("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
        let response = String(decoding: socket.readToEnd(), as: UTF8.self)
        let status = Int(response.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = response.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        return (status, body)
    }

    /// The value of the sample `series` (name and labels exactly as exposed), or nil when absent.
    static func sample(_ series: String, in text: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap {
            Double($0.split(separator: " ").last!)
        }
    }

    @Test func theExpositionCountsAKnownCallByMethodAndCode() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let port = try #require(server.server.metricsPort)
        let (status, before) = try Self.request(port)
        #expect(status == 200)
        // Every sample line is `name{labels} value` under a `# TYPE` line for its family.
        for line in before.split(separator: "\n") where !line.hasPrefix("#") {
            #expect(line.wholeMatch(of: /[a-z_:][a-z0-9_:]*(\{[^}]*\})? -?[0-9.e+Inf-]+/) != nil, "\(line)")
        }
        #expect(before.contains("# TYPE wm_registry_providers gauge"))
        #expect(Self.sample(#"wm_registry_providers{status="ACTIVE",type="LOCAL"}"#, in: before) == 0)
        // Refusal and handshake-failure series exist at zero before their first event.
        #expect(Self.sample(#"wm_tls_handshake_failures_total{reason="not_tls"}"#, in: before) == 0)
        #expect(Self.sample(#"wm_rpc_frames_refused_total{reason="bad_headers"}"#, in: before) == 0)

        let client = try server.client("operator-alice")
        defer { Task { await client.test.connection.close() } }
        await #expect(throws: RPCError.self) {
            _ = try await client.registry.getProvider(RegistryV1.GetProviderRequest(providerId: "prv_aaaaaaaaaaaaaaaa"))
        }
        let series = #"wm_rpc_requests_total{method="windmaker.registry.v1.Registry/GetProvider",code="NOT_FOUND"}"#
        let (_, after) = try Self.request(port)
        #expect(Self.sample(series, in: after) == (Self.sample(series, in: before) ?? 0) + 1)
        // The call's one line at info: how it ended, with its request id.
        #expect(
            server.server.output.split(separator: "\n").contains {
                $0.contains(#"msg="call finished""#) && $0.contains("rpc.code=NOT_FOUND")
                    && $0.contains("rpc.request_id=") && $0.contains("GetProvider")
            },
            "\(server.server.output.suffix(2_000))"
        )
        let count = #"wm_rpc_request_duration_seconds_count{method="windmaker.registry.v1.Registry/GetProvider"}"#
        #expect(Self.sample(count, in: after) == 1)
        #expect(Self.sample("wm_rpc_in_flight_calls", in: after) == 0)
        #expect((Self.sample("wm_rpc_open_connections", in: after) ?? 0) >= 1)

        // A method the server does not serve is counted with the calls, under method="unknown".
        let assessment = AssessmentV1.Assessment.Client(client.test.client)
        await #expect(throws: RPCError.self) {
            _ = try await assessment.getPeriod(AssessmentV1.PeriodRequest(period: "2021-09"))
        }
        let (_, unrouted) = try Self.request(port)
        #expect(Self.sample(#"wm_rpc_requests_total{method="unknown",code="UNIMPLEMENTED"}"#, in: unrouted) == 1)
        #expect(Self.sample(#"wm_rpc_frames_refused_total{reason="unknown_method"}"#, in: unrouted) == 1)
        #expect(Self.sample(#"wm_rpc_frames_refused_total{reason="bad_headers"}"#, in: unrouted) == 0)

        // A peer that does not speak TLS is counted as a failed handshake, by what it did.
        let plain = try PlainSocket(port: server.server.port)
        plain.send(Array("GET / HTTP/1.0\r\n\r\n".utf8))
        #expect(plain.isClosedByPeer(waitingUpTo: 5_000))
        let (_, refused) = try Self.request(port)
        #expect(Self.sample(#"wm_tls_handshake_failures_total{reason="not_tls"}"#, in: refused) == 1)
    }

    @Test func anApprovedProviderMovesTheDomainGauge() async throws {
        let stack = try await AssessmentTestStack.start()
        defer { stack.stop() }
        _ = try await stack.activeProvider(1, type: .local, merchant: "m-1")
        // The gauges are read at most every 5 s; a fresh server has not read them yet.
        let port = try #require(stack.registry.server.metricsPort)
        let (_, text) = try Self.request(port)
        #expect(Self.sample(#"wm_registry_providers{status="ACTIVE",type="LOCAL"}"#, in: text) == 1)
        let (_, assessment) = try Self.request(try #require(stack.assessment.server.metricsPort))
        #expect(Self.sample(#"wm_assessment_club_target{club="1B"}"#, in: assessment) == 100)
    }

    @Test func onlyGetMetricsIsServed() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let port = try #require(server.server.metricsPort)
        #expect(try Self.request(port, "/").0 == 404)
        #expect(try Self.request(port, "/metrics", method: "POST").0 == 405)
        #expect(try Self.request(port, "/metrics", method: "HEAD").0 == 200)
        // The absolute form of the target is the same request.
        #expect(try Self.request(port, "http://127.0.0.1/metrics?x=1").0 == 200)
        // Garbage instead of HTTP is answered 400 and the connection closed, whatever follows it.
        let garbage = try PlainSocket(port: port)
        garbage.send(Array("\u{1}\u{2}\u{3} nonsense\r\n\r\n".utf8))
        garbage.send([UInt8](repeating: 0x41, count: 65_536))
        let answer = String(decoding: garbage.readToEnd(waitingUpTo: 3_000), as: UTF8.self)
        #expect(answer.hasPrefix("HTTP/1.1 400") && answer.contains("bad request"), "\(answer.prefix(300))")
        #expect(garbage.isClosedByPeer(waitingUpTo: 1_000))
    }

    @Test func aPeerTricklingARequestIsClosedAfterTheConnectionLifetime() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let socket = try PlainSocket(port: try #require(server.server.metricsPort))
        // A byte every 2 s never lets the 5 s idle timeout fire; the 15 s lifetime ends it all the same.
        let started = ContinuousClock.now
        var closed = false
        for byte in Array("GET /metrics HTTP/1.1\r\nX-Slow: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 40) {
            socket.send([byte])
            if socket.isClosedByPeer(waitingUpTo: 2_000) {
                closed = true
                break
            }
        }
        #expect(closed)
        let elapsed = ContinuousClock.now - started
        #expect(elapsed > .seconds(12) && elapsed < .seconds(25), "\(elapsed)")
    }

    @Test func idleAndSurplusConnectionsAreClosed() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let port = try #require(server.server.metricsPort)
        // Sixteen connections that never send anything hold every slot; the seventeenth is closed at once.
        let idle = try (0 ..< 16).map { _ in try PlainSocket(port: port) }
        try await Task.sleep(for: .milliseconds(200))
        let surplus = try PlainSocket(port: port)
        #expect(surplus.isClosedByPeer(waitingUpTo: 2_000))
        // The idle ones are closed after the idle timeout (5 s), which frees the slots.
        #expect(idle[0].isClosedByPeer(waitingUpTo: 15_000))
        try await Task.sleep(for: .milliseconds(200))
        #expect(try Self.request(port).0 == 200)
    }
}
