import Foundation
import Synchronization
import Testing
import WindMakerTLS
import WindMakerTestSupport

/// An independent TLS implementation (`openssl s_client`) against our server.
@Suite("openssl s_client against OpenSSLHandler")
struct OpenSSLClientInteropTests {
    let certificates = DevCertificates.shared
    static let line = "ping through s_client"

    @Test("valid certificate, TLS 1.3 and ALPN: handshake succeeds and a line echoes")
    func validClient() async throws {
        let server = try await TLSEchoServer(configuration: self.certificates.serverConfiguration(for: "echo"))
        let run = try await SClient.run(
            port: server.port,
            arguments: self.clientCredentials(name: "operator-alice") + ["-tls1_3"],
            waitUntil: { $0.contains(Self.line) }
        )
        #expect(run.output.contains("Verify return code: 0"), "\(run.output)")
        #expect(run.output.contains("TLSv1.3"))
        #expect(run.output.contains("ALPN protocol: wm-rpc/1"))
        #expect(run.output.contains(Self.line), "the server echoed the line")
        let handshake = try #require(server.observations.snapshot.handshakes.first)
        #expect(handshake.peer.uriSANs == ["spiffe://windmaker/operator/alice"])
        #expect(await server.observations.eventually { $0.inactiveCount == 1 })
        #expect(server.observations.snapshot.errors.isEmpty)
        await server.stop()
    }

    @Test(
        "refused clients",
        arguments: [
            (
                "no client certificate", [] as [String],
                "the client presented no certificate; every caller needs one signed by the deployment's CA"
                    + " (peer did not return a certificate)"
            ),
            (
                "rogue CA", ["-cert", "ROGUE_CERT", "-key", "ROGUE_KEY", "-tls1_3"],
                "the peer's certificate is not signed by a CA we trust, or is not valid now (certificate verify failed)"
            ),
            (
                "TLS 1.2", ["CLIENT_CREDENTIALS", "-tls1_2"],
                "the peer does not speak TLS 1.3, the only version Wind Maker accepts (unsupported protocol)"
            ),
            (
                "no ALPN", ["NO_ALPN", "CLIENT_CREDENTIALS_NO_ALPN", "-tls1_3"],
                "the client offered no application protocol (ALPN); expected wm-rpc/1 (callback failed)"
            ),
            (
                "other ALPN ids", ["CLIENT_CREDENTIALS", "-alpn", "h2,http/1.1", "-tls1_3"],
                "the client offered only other application protocols (ALPN); expected wm-rpc/1"
            ),
        ]
    )
    func refusedClient(name: String, arguments: [String], reason: String) async throws {
        let server = try await TLSEchoServer(configuration: self.certificates.serverConfiguration(for: "echo"))
        let offersALPN = !arguments.contains("NO_ALPN")
        var expanded: [String] = ["-CAfile", self.certificates.caPath] + (offersALPN ? ["-alpn", "wm-rpc/1"] : [])
        for argument in arguments {
            switch argument {
            case "ROGUE_CERT": expanded.append(self.certificates.rogueClientCertificatePath)
            case "ROGUE_KEY": expanded.append(self.certificates.rogueClientKeyPath)
            case "CLIENT_CREDENTIALS": expanded += self.clientCredentials(name: "operator-alice")
            case "CLIENT_CREDENTIALS_NO_ALPN":
                expanded += self.clientCredentials(name: "operator-alice").filter { $0 != "-alpn" && $0 != "wm-rpc/1" }
            case "NO_ALPN": continue
            default: expanded.append(argument)
            }
        }
        let observations = server.observations
        let run = try await SClient.run(
            port: server.port,
            arguments: expanded,
            waitUntil: { _ in !observations.snapshot.errors.isEmpty }
        )
        #expect(!run.output.contains(Self.line), "\(name): nothing may be echoed")
        #expect(await server.observations.eventually { !$0.errors.isEmpty })
        let error = try #require(server.observations.snapshot.errors.first)
        #expect(error.code == .handshakeFailed)
        #expect(error.reason.contains(reason), "\(name): \(error)")
        #expect(server.observations.snapshot.handshakes.isEmpty)
        #expect(server.observations.snapshot.received.isEmpty)
        await server.stop()
    }

    private func clientCredentials(name: String) -> [String] {
        [
            "-cert", self.certificates.certificatePath(for: name),
            "-key", self.certificates.keyPath(for: name),
            "-CAfile", self.certificates.caPath,
            "-alpn", "wm-rpc/1",
            "-verify_return_error", "-verify_ip", "127.0.0.1",
        ]
    }
}

/// Runs `openssl s_client`, types one line, and bounds everything by a timeout.
enum SClient {
    struct Run {
        var output: String
        var status: Int32
    }

    private final class Output: Sendable {
        private let bytes = Mutex<[UInt8]>([])
        var text: String { self.bytes.withLock { String(decoding: $0, as: UTF8.self) } }
        func append(_ data: Data) { self.bytes.withLock { $0.append(contentsOf: data) } }
    }

    /// Starts s_client, sends `OpenSSLClientInteropTests.line`, waits until `waitUntil` holds for its output (or
    /// the timeout), then closes its stdin and waits for it to exit (killing it if it does not).
    static func run(
        port: Int,
        arguments: [String],
        timeout: Duration = .seconds(15),
        waitUntil: @escaping (String) -> Bool
    ) async throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "s_client", "-connect", "127.0.0.1:\(port)"] + arguments
        let input = Pipe()
        let outputPipe = Pipe()
        process.standardInput = input
        process.standardOutput = outputPipe
        process.standardError = outputPipe
        let output = Output()
        outputPipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
            } else {
                output.append(data)
            }
        }
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data((OpenSSLClientInteropTests.line + "\n").utf8))

        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline && process.isRunning && !waitUntil(output.text) {
            try await Task.sleep(for: .milliseconds(20))
        }
        try? input.fileHandleForWriting.close()
        let exitDeadline = clock.now.advanced(by: .seconds(5))
        while process.isRunning && clock.now < exitDeadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try await Task.sleep(for: .milliseconds(50))  // let the reader pick up the last bytes
        return Run(output: output.text, status: process.terminationStatus)
    }
}
