import Foundation
import GRPCNIOTransportHTTP2

/// The Wind Maker development certificates (`scripts/dev-certs`): the server is `echo`, the client
/// `operator-alice`; both sides verify the other against the development CA.
struct CertificateDirectory: Sendable {
    let path: String

    private var trustRoots: TLSConfig.TrustRootsSource {
        .certificates([.file(path: "\(self.path)/ca.pem", format: .pem)])
    }

    /// - Throws: when the directory has no CA (run the main package's `rpc-bench` or `scripts/dev-certs` first).
    func check() throws {
        guard FileManager.default.fileExists(atPath: "\(self.path)/ca.pem") else {
            throw BenchError("no \(self.path)/ca.pem: run scripts/dev-certs \(self.path) in the main repository")
        }
    }

    var server: HTTP2ServerTransport.Posix.TransportSecurity {
        .mTLS(
            certificateChain: [.file(path: "\(self.path)/echo.pem", format: .pem)],
            privateKey: .file(path: "\(self.path)/echo.key", format: .pem)
        ) { config in
            config.trustRoots = self.trustRoots
        }
    }

    var client: HTTP2ClientTransport.Posix.TransportSecurity {
        .mTLS(
            certificateChain: [.file(path: "\(self.path)/operator-alice.pem", format: .pem)],
            privateKey: .file(path: "\(self.path)/operator-alice.key", format: .pem)
        ) { config in
            config.trustRoots = self.trustRoots
        }
    }
}
