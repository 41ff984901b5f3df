import BenchmarkSupport
import WindMakerTLS

extension CertificateDirectory {
    /// The echo server's identity.
    var server: TLSConfiguration {
        .server(
            certificateChainPath: self.serverCertificateChainPath,
            privateKeyPath: self.serverPrivateKeyPath,
            trustRootsPath: self.caPath
        )
    }

    /// An operator's identity, expecting the server to be `echo`.
    var client: TLSConfiguration {
        .client(
            certificateChainPath: self.clientCertificateChainPath,
            privateKeyPath: self.clientPrivateKeyPath,
            trustRootsPath: self.caPath,
            serverName: self.serverName
        )
    }
}
