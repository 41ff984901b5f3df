import Foundation
import Testing
import WindMakerTestSupport

/// `wmctl registry …` against the real `registry` executable: what an operator types, end to end.
@Suite struct WmctlRegistryTests {
    @Test func appliedWithWmctlThenApprovedIsActive() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let address = ["--server", "127.0.0.1:\(server.server.port)"]

        let applied = try await CommandRun.wmctl(
            [
                "registry", "apply", "--json", "--display-name", "Minjiang Live", "--legal-name",
                "Minjiang Live Co., Ltd.",
                "--credit-code", RegistryRequests.creditCode(7), "--type", "local", "--region", "350100",
                "--category", "tea", "--category", "apparel", "--contact-name", "Lin Wei",
                "--contact-phone", "+86 591 8888 0000", "--contact-email", "lin.wei@example.com",
                "--traffic-operation", "70:paid traffic for 40 stores", "--idempotency-key", "apply-7",
            ] + address,
            as: "provider-portal"
        )
        #expect(applied.status == 0, "\(applied.output)")
        let appliedJSON = try Self.object(applied.output)
        #expect(appliedJSON["idempotency_key"] as? String == "apply-7")
        let provider = try #require(appliedJSON["provider"] as? [String: Any])
        let id = try #require(provider["id"] as? String)
        #expect(provider["status"] as? String == "applied")
        let version = try #require(provider["version"] as? Int)

        let approved = try await CommandRun.wmctl(
            ["registry", "approve", id, "--version", String(version)] + address,
            as: "operator-alice"
        )
        #expect(approved.status == 0, "\(approved.output)")
        #expect(approved.output.contains("active"))

        let got = try await CommandRun.wmctl(["registry", "get", id, "--json"] + address, as: "operator-alice")
        #expect(got.status == 0, "\(got.output)")
        let current = try #require(try Self.object(got.output)["provider"] as? [String: Any])
        #expect(current["status"] as? String == "active")
        let profile = try #require(current["profile"] as? [String: Any])
        #expect(profile["categories"] as? [String] == ["tea", "apparel"])
        let capabilities = try #require(profile["capabilities"] as? [String: Any])
        let traffic = try #require(capabilities["traffic_operation"] as? [String: Any])
        #expect(traffic["self_rating"] as? Int == 70)
    }

    @Test func refusalsPrintTheCodeAndExitNonZero() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let address = ["--server", "127.0.0.1:\(server.server.port)"]

        let stale = try await CommandRun.wmctl(
            ["registry", "approve", "prv_aaaaaaaaaaaaaaaa", "--version", "1"] + address,
            as: "operator-alice"
        )
        #expect(stale.status == 2)
        #expect(stale.output.contains("NOT_FOUND"), "\(stale.output)")

        let invalid = try await CommandRun.wmctl(
            ["registry", "apply", "--type", "local", "--credit-code", "nonsense"] + address,
            as: "provider-portal"
        )
        #expect(invalid.status == 2)
        #expect(invalid.output.contains("INVALID_ARGUMENT"), "\(invalid.output)")
        #expect(invalid.output.contains("--credit-code: "), "\(invalid.output)")
    }

    private static func object(_ output: String) throws -> [String: Any] {
        let line = try #require(output.split(separator: "\n").last { $0.hasPrefix("{") })
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}
