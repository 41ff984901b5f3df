import Foundation

/// The Wind Maker development certificates (`scripts/dev-certs`) both processes use: the server is `echo`, the
/// client `operator-alice`; both sides verify the other against the development CA. Each benchmark turns the paths
/// into its own TLS configuration.
public struct CertificateDirectory: Sendable {
    /// The directory, as given with `--certs`.
    public let path: String

    /// The directory at `path`; nothing is read until asked.
    public init(path: String) {
        self.path = path
    }

    /// The development CA, which both sides trust.
    public var caPath: String { "\(self.path)/ca.pem" }
    /// The `echo` server's certificate chain.
    public var serverCertificateChainPath: String { "\(self.path)/echo.pem" }
    /// The `echo` server's private key.
    public var serverPrivateKeyPath: String { "\(self.path)/echo.key" }
    /// The `operator-alice` client's certificate chain.
    public var clientCertificateChainPath: String { "\(self.path)/operator-alice.pem" }
    /// The `operator-alice` client's private key.
    public var clientPrivateKeyPath: String { "\(self.path)/operator-alice.key" }
    /// The server name the client expects.
    public var serverName: String { "echo" }

    /// Whether the directory has a CA yet.
    public var exists: Bool { FileManager.default.fileExists(atPath: self.caPath) }

    /// Runs `scripts/dev-certs` (relative to the working directory) when the directory has no CA yet.
    /// - Throws: when the script is missing or fails.
    public func ensureExists() throws {
        guard !self.exists else { return }
        let script = Process()
        script.executableURL = URL(fileURLWithPath: "scripts/dev-certs")
        script.arguments = [self.path]
        // Keep stdout for the JSON lines.
        script.standardOutput = FileHandle.standardError
        try script.run()
        script.waitUntilExit()
        guard script.terminationStatus == 0 else {
            throw BenchError("scripts/dev-certs \(self.path) failed with status \(script.terminationStatus)")
        }
    }
}
