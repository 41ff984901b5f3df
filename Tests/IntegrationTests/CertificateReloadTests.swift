import Foundation
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// Rotating a server's certificate without a restart: the real echo server reloads its files on SIGHUP and when they
/// change; new connections get the new certificate, an established connection goes on, and files that cannot be used
/// are refused while the server keeps what it had.
@Suite struct CertificateReloadTests {
    /// A copy of the development certificates with a second echo certificate from the same CA beside the first.
    private static func rotationDirectory() throws -> (directory: URL, next: (pem: URL, key: URL)) {
        let manager = FileManager.default
        let directory = manager.temporaryDirectory.appendingPathComponent("rotation-\(UUID())")
        let next = manager.temporaryDirectory.appendingPathComponent("rotation-next-\(UUID())")
        try manager.copyItem(atPath: DevCertificates.shared.directory, toPath: next.path)
        let script = Process()
        script.executableURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/dev-certs")
        script.arguments = [next.path, "--renew", "echo"]
        script.standardOutput = FileHandle.nullDevice
        try script.run()
        script.waitUntilExit()
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        for (from, to) in [("echo.pem", "server.pem"), ("echo.key", "server.key"), ("ca.pem", "ca.pem")] {
            try manager.copyItem(
                atPath: DevCertificates.shared.directory + "/" + from,
                toPath: directory.appendingPathComponent(to).path
            )
        }
        return (directory, (next.appendingPathComponent("echo.pem"), next.appendingPathComponent("echo.key")))
    }

    /// The SHA-256 fingerprint of the certificate the server at `port` presents to a new connection.
    private static func presented(port: Int) async throws -> String {
        let certificates = DevCertificates.shared
        let handshake = try await CommandRun.run(
            at: URL(fileURLWithPath: "/usr/bin/openssl"),
            [
                "s_client", "-connect", "127.0.0.1:\(port)", "-cert",
                certificates.certificatePath(for: "operator-alice"),
                "-key", certificates.keyPath(for: "operator-alice"), "-CAfile", certificates.caPath, "-alpn",
                "wm-rpc/1",
            ],
            environment: [:],
            input: ""
        )
        let block =
            handshake.output.components(separatedBy: "-----BEGIN CERTIFICATE-----").dropFirst().first
            .map {
                "-----BEGIN CERTIFICATE-----" + $0.components(separatedBy: "-----END CERTIFICATE-----")[0]
                    + "-----END CERTIFICATE-----\n"
            } ?? ""
        let fingerprint = try await CommandRun.run(
            at: URL(fileURLWithPath: "/usr/bin/openssl"),
            ["x509", "-noout", "-fingerprint", "-sha256"],
            environment: [:],
            input: block
        )
        return fingerprint.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Replaces `destination` whole, as a deployment tool renames a new file into place.
    private static func replace(_ destination: URL, with source: URL) throws {
        let staged = destination.appendingPathExtension("new")
        try? FileManager.default.removeItem(at: staged)
        try FileManager.default.copyItem(at: source, to: staged)
        guard rename(staged.path, destination.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
        }
    }

    @Test func newConnectionsGetTheRotatedCertificateAndEstablishedOnesGoOn() async throws {
        let (directory, next) = try Self.rotationDirectory()
        defer {
            try? FileManager.default.removeItem(at: directory)
            try? FileManager.default.removeItem(at: next.pem.deletingLastPathComponent())
        }
        let server = try await ServerProcess.start(
            "wm-echo",
            certificate: "echo",
            arguments: [
                "--tls-cert", directory.appendingPathComponent("server.pem").path,
                "--tls-key", directory.appendingPathComponent("server.key").path,
                "--tls-ca", directory.appendingPathComponent("ca.pem").path,
            ]
        )
        defer { server.kill() }
        let established = try TestClient(port: server.port, identity: "operator-alice")
        let echo = EchoV1.Echo.Client(established.client)
        #expect(try await echo.unary(EchoV1.EchoRequest(text: "before")).text == "before")
        let first = try await Self.presented(port: server.port)
        #expect(first.contains("Fingerprint"))

        try Self.replace(directory.appendingPathComponent("server.key"), with: next.key)
        try Self.replace(directory.appendingPathComponent("server.pem"), with: next.pem)
        kill(server.processIdentifier, SIGHUP)
        try await server.waitForLog("certificates reloaded", "SIGHUP")
        let second = try await Self.presented(port: server.port)
        #expect(second != first && second.contains("Fingerprint"))
        #expect(try await echo.unary(EchoV1.EchoRequest(text: "after")).text == "after")

        // A key that does not match the certificate: refused, and the server keeps the rotated pair.
        try "not a key".write(to: directory.appendingPathComponent("server.key"), atomically: true, encoding: .utf8)
        try await server.waitForLog("certificates not reloaded", "files changed", timeout: .seconds(15))
        #expect(try await Self.presented(port: server.port) == second)

        // Put right, the change alone is picked up.
        try Self.replace(directory.appendingPathComponent("server.key"), with: next.key)
        try await server.waitForLog("certificates reloaded", "files changed", timeout: .seconds(15))
        let fresh = try TestClient(port: server.port, identity: "operator-alice")
        #expect(try await EchoV1.Echo.Client(fresh.client).unary(EchoV1.EchoRequest(text: "new")).text == "new")
        await fresh.connection.close()
        await established.connection.close()
    }
}
