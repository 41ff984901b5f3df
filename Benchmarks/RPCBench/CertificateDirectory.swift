import Foundation
import WindMakerTLS

/// The development certificates both processes use: the server is `echo`, the client `operator-alice`.
struct CertificateDirectory: Sendable {
    let path: String

    private var caPath: String { "\(self.path)/ca.pem" }

    /// Runs `scripts/dev-certs` when the directory has no CA yet.
    /// - Throws: when the script is missing or fails.
    func ensureExists() throws {
        guard !FileManager.default.fileExists(atPath: self.caPath) else { return }
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

    /// The echo server's identity.
    var server: TLSConfiguration {
        .server(
            certificateChainPath: "\(self.path)/echo.pem",
            privateKeyPath: "\(self.path)/echo.key",
            trustRootsPath: self.caPath
        )
    }

    /// An operator's identity, expecting the server to be `echo`.
    var client: TLSConfiguration {
        .client(
            certificateChainPath: "\(self.path)/operator-alice.pem",
            privateKeyPath: "\(self.path)/operator-alice.key",
            trustRootsPath: self.caPath,
            serverName: "echo"
        )
    }
}
