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

        let client = try server.client("operator-alice")
        defer { Task { await client.test.connection.close() } }
        await #expect(throws: RPCError.self) {
            _ = try await client.registry.getProvider(RegistryV1.GetProviderRequest(providerId: "prv_aaaaaaaaaaaaaaaa"))
        }
        let series = #"wm_rpc_requests_total{method="windmaker.registry.v1.Registry/GetProvider",code="NOT_FOUND"}"#
        let (_, after) = try Self.request(port)
        #expect(Self.sample(series, in: after) == (Self.sample(series, in: before) ?? 0) + 1)
        let count = #"wm_rpc_request_duration_seconds_count{method="windmaker.registry.v1.Registry/GetProvider"}"#
        #expect(Self.sample(count, in: after) == 1)
        #expect(Self.sample("wm_rpc_in_flight_calls", in: after) == 0)
        #expect((Self.sample("wm_rpc_open_connections", in: after) ?? 0) >= 1)

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
        // Garbage instead of HTTP is answered 400 and closed.
        let garbage = try PlainSocket(port: port)
        garbage.send(Array("\u{1}\u{2}\u{3} nonsense\r\n\r\n".utf8))
        #expect(String(decoding: garbage.readToEnd(), as: UTF8.self).hasPrefix("HTTP/1.1 400"))
    }

    @Test func aPeerTricklingARequestIsClosedAfterTheConnectionLifetime() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let socket = try PlainSocket(port: try #require(server.server.metricsPort))
        // A byte every 2 s never lets the idle timeout fire; the 30 s lifetime ends it all the same.
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
        #expect(elapsed > .seconds(25) && elapsed < .seconds(40), "\(elapsed)")
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
        // The idle ones are closed after the idle timeout (10 s), which frees the slots.
        #expect(idle[0].isClosedByPeer(waitingUpTo: 15_000))
        try await Task.sleep(for: .milliseconds(200))
        #expect(try Self.request(port).0 == 200)
    }
}
