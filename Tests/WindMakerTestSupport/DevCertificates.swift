public import Foundation
import Synchronization
public import WindMakerTLS

/// Development certificates made by `scripts/dev-certs` once per test process, in a temporary directory.
///
/// Tests run in parallel, so the set is created through a `static let` (initialized exactly once, thread-safely)
/// and is read-only afterwards.
///
/// ```swift
/// let certificates = DevCertificates.shared
/// let server = try TLSContext(configuration: certificates.serverConfiguration(for: "echo"))
/// ```
public struct DevCertificates: Sendable {
    /// The certificates of this test process; generated on first use.
    public static let shared: DevCertificates = {
        do {
            return try DevCertificates.generate()
        } catch {
            fatalError("could not generate development certificates: \(error)")
        }
    }()

    /// Services whose certificates are valid for both servers and clients.
    public static let services = ["registry", "assessment", "incentive", "echo"]
    /// Client-only roles.
    public static let clientRoles = ["operator-alice", "finance-bob", "finance-carol", "provider-portal"]

    /// The directory holding every file.
    public let directory: String

    /// The development CA every Wind Maker peer trusts.
    public var caPath: String { self.path("ca.pem") }
    /// A CA nobody trusts, for refusal tests.
    public var rogueCAPath: String { self.path("rogue-ca.pem") }
    /// A client certificate (claiming `spiffe://windmaker/operator/alice`) signed by the rogue CA.
    public var rogueClientCertificatePath: String { self.path("rogue-client.pem") }
    /// The key of `rogueClientCertificatePath`.
    public var rogueClientKeyPath: String { self.path("rogue-client.key") }

    /// The certificate of a service or role, e.g. `echo` or `operator-alice`.
    public func certificatePath(for name: String) -> String { self.path("\(name).pem") }

    /// The private key of a service or role.
    public func keyPath(for name: String) -> String { self.path("\(name).key") }

    /// A server configuration presenting `name`'s certificate.
    public func serverConfiguration(for name: String = "echo") -> TLSConfiguration {
        .server(
            certificateChainPath: self.certificatePath(for: name),
            privateKeyPath: self.keyPath(for: name),
            trustRootsPath: self.caPath
        )
    }

    /// A client configuration presenting `name`'s certificate (none when `name` is nil) and expecting the server
    /// to prove `serverName`.
    public func clientConfiguration(for name: String?, serverName: String? = "127.0.0.1") -> TLSConfiguration {
        .client(
            certificateChainPath: name.map { self.certificatePath(for: $0) },
            privateKeyPath: name.map { self.keyPath(for: $0) },
            trustRootsPath: self.caPath,
            serverName: serverName
        )
    }

    /// A client configuration presenting the rogue CA's client certificate.
    public func rogueClientConfiguration(serverName: String? = "127.0.0.1") -> TLSConfiguration {
        .client(
            certificateChainPath: self.rogueClientCertificatePath,
            privateKeyPath: self.rogueClientKeyPath,
            trustRootsPath: self.caPath,
            serverName: serverName
        )
    }

    private func path(_ file: String) -> String { "\(self.directory)/\(file)" }

    private static let providerIssuing = Mutex(())

    /// Issues (once) a client certificate for provider `id` (SAN `spiffe://windmaker/provider/<id>`) with
    /// `scripts/dev-certs --provider`, and returns the identity name to connect with.
    public func provider(_ id: String) throws -> String {
        try Self.providerIssuing.withLock { _ in
            let name = "provider-\(id)"
            if FileManager.default.fileExists(atPath: self.certificatePath(for: name)) { return name }
            try Self.runScript([self.directory, "--provider", id])
            return name
        }
    }

    private static func runScript(_ arguments: [String]) throws {
        let script = repositoryRoot.appendingPathComponent("scripts/dev-certs")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DevCertificatesError(message: "\(script.path) exited \(process.terminationStatus): \(text)")
        }
    }

    /// The repository root, found from this file's location (`Tests/WindMakerTestSupport/…`).
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    private static func generate() throws -> DevCertificates {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("windmaker-dev-certs-\(ProcessInfo.processInfo.processIdentifier)-\(UUID())")
        try Self.runScript([directory.path, "--with-rogue"])
        atexit {
            try? FileManager.default.removeItem(atPath: DevCertificates.shared.directory)
        }
        return DevCertificates(directory: directory.path)
    }
}

/// `scripts/dev-certs` failed.
public struct DevCertificatesError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { self.message }
}
