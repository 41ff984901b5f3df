import BenchmarkSupport
import GRPCNIOTransportHTTP2

extension CertificateDirectory {
    private var trustRoots: TLSConfig.TrustRootsSource {
        .certificates([.file(path: self.caPath, format: .pem)])
    }

    /// - Throws: when the directory has no CA (run the main package's `rpc-bench` or `scripts/dev-certs` first).
    func check() throws {
        guard self.exists else {
            throw BenchError("no \(self.caPath): run scripts/dev-certs \(self.path) in the main repository")
        }
    }

    var server: HTTP2ServerTransport.Posix.TransportSecurity {
        .mTLS(
            certificateChain: [.file(path: self.serverCertificateChainPath, format: .pem)],
            privateKey: .file(path: self.serverPrivateKeyPath, format: .pem)
        ) { config in
            config.trustRoots = self.trustRoots
        }
    }

    var client: HTTP2ClientTransport.Posix.TransportSecurity {
        .mTLS(
            certificateChain: [.file(path: self.clientCertificateChainPath, format: .pem)],
            privateKey: .file(path: self.clientPrivateKeyPath, format: .pem)
        ) { config in
            config.trustRoots = self.trustRoots
        }
    }
}
