import BenchmarkSupport
import WindMakerTLS

extension CertificateDirectory {
    /// The `registry` server's identity, as the `registry` executable presents it.
    var registryServer: TLSConfiguration {
        .server(
            certificateChainPath: "\(self.path)/registry.pem",
            privateKeyPath: "\(self.path)/registry.key",
            trustRootsPath: self.caPath
        )
    }

    /// The client certificate `identity` (such as `provider-portal` or `operator-alice`), expecting the server to be
    /// `registry`.
    func registryClient(_ identity: String) -> TLSConfiguration {
        .client(
            certificateChainPath: "\(self.path)/\(identity).pem",
            privateKeyPath: "\(self.path)/\(identity).key",
            trustRootsPath: self.caPath,
            serverName: "registry"
        )
    }
}
