import Foundation
import Testing
import WindMakerTestSupport

/// What an operator reads from `wmctl` against the real `registry`: violations once under their flags, versions
/// below 1 refused as invalid, times in UTC+8, server text escaped, and arguments that are not UTF-8 refused.
@Suite struct WmctlMessagesTests {
    @Test func eachViolationIsPrintedOnceUnderItsFlag() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let run = try await CommandRun.wmctl(
            [
                "registry", "apply", "--display-name", "Shop", "--legal-name", "Shop Ltd", "--credit-code", "nonsense",
                "--type", "brand", "--category", "tea", "--category", " tea", "--contact-name", "Lin",
                "--contact-phone", "+86 591 8888 0000", "--contact-email", "not-an-address",
                "--server", "127.0.0.1:\(server.server.port)",
            ],
            as: "provider-portal"
        )
        #expect(run.status == 2, "\(run.output)")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "INVALID_ARGUMENT: invalid request", "\(run.output)")
        #expect(lines.filter { $0.hasPrefix("--credit-code: ") }.count == 1, "\(run.output)")
        #expect(lines.filter { $0.hasPrefix("--contact-email: ") }.count == 1, "\(run.output)")
        #expect(lines.contains("--category #2: duplicates categories[0]"), "\(run.output)")
        #expect(!run.output.contains("profile."), "\(run.output)")
    }

    /// A server that is not there is named with the system's reason, not NIO's nested error values.
    @Test func aServerThatIsNotThereIsNamedWithTheReason() async throws {
        let refused = try await CommandRun.wmctl(["health", "--server", "127.0.0.1:1"], as: "operator-alice")
        #expect(refused.status != 0)
        #expect(
            refused.output.contains("UNAVAILABLE: could not connect to 127.0.0.1:1: connection refused"),
            "\(refused.output)"
        )
    }

    @Test func versionZeroIsInvalidNotStale() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let address = ["--server", "127.0.0.1:\(server.server.port)"]
        let applied = try await CommandRun.wmctl(Self.apply + address, as: "provider-portal")
        let id = try #require(try Self.object(applied.output)["provider"] as? [String: Any])["id"] as? String
        let run = try await CommandRun.wmctl(
            ["registry", "approve", try #require(id), "--version", "0"] + address,
            as: "operator-alice"
        )
        #expect(run.status == 2)
        #expect(
            run.output.hasPrefix("INVALID_ARGUMENT: invalid request\n--version: version must be at least 1, found 0"),
            "\(run.output)"
        )
    }

    @Test func timesAreRFC3339InUTCPlusEight() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let address = ["--server", "127.0.0.1:\(server.server.port)"]
        let applied = try await CommandRun.wmctl(Self.apply + address, as: "provider-portal")
        let provider = try #require(try Self.object(applied.output)["provider"] as? [String: Any])
        let created = try #require(provider["created_at"] as? String)
        #expect(created.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00/) != nil, "\(created)")
        let table = try await CommandRun.wmctl(
            ["registry", "get", try #require(provider["id"] as? String)] + address,
            as: "operator-alice"
        )
        #expect(table.output.contains(created), "\(table.output)")
    }

    /// The server echoes the bad character of an id in its message; wmctl shows it escaped, never raw.
    @Test func aServerMessageWithAnEscapeIsShownEscaped() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let run = try await CommandRun.wmctl(
            ["registry", "get", "prv_aaaaaaaaaaaaaaa\u{1B}", "--server", "127.0.0.1:\(server.server.port)"],
            as: "operator-alice"
        )
        #expect(run.status == 2)
        #expect(run.output.contains("<provider-id>: invalid character '\\e' at position 20"), "\(run.output)")
        #expect(!run.output.unicodeScalars.contains("\u{1B}"))
    }

    @Test func anArgumentThatIsNotUTF8IsRefusedNamingIt() throws {
        let run = try CommandRun.wmctl(rawArguments: [
            Array("registry".utf8), Array("apply".utf8), Array("--display-name".utf8),
            [0xC3, 0x28] + Array("Shop".utf8), Array("--server".utf8), Array("127.0.0.1:1".utf8),
        ])
        #expect(run.status == 64, "\(run.output)")
        #expect(
            run.output.contains("argument 4 (for --display-name) is not valid UTF-8: \"\\xC3(Shop\""),
            "\(run.output)"
        )
    }

    static let apply = [
        "registry", "apply", "--json", "--display-name", "Minjiang Live", "--legal-name", "Minjiang Live Co., Ltd.",
        "--credit-code", RegistryRequests.creditCode(9), "--type", "local", "--region", "350100", "--contact-name",
        "Lin Wei", "--contact-phone", "+86 591 8888 0000", "--contact-email", "lin.wei@example.com",
    ]

    private static func object(_ output: String) throws -> [String: Any] {
        let line = try #require(output.split(separator: "\n").last { $0.hasPrefix("{") })
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}
