public import ArgumentParser
public import WindMakerTLS

/// The certificate, key and CA files of a process, from flags or the matching `WM_TLS_*` variables.
public struct TLSFileOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain (env WM_TLS_CERT).")
    public var certificate: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key (env WM_TLS_KEY).")
    public var key: String?

    @Option(name: .customLong("tls-ca"), help: "PEM CA certificate that signs every peer (env WM_TLS_CA).")
    public var ca: String?

    public init() {}

    /// The resolved paths: flag, else environment.
    /// - Throws: `ValidationError` naming the missing setting.
    public func paths() throws -> (certificate: String, key: String, ca: String) {
        func resolve(_ flag: String?, _ variable: String, _ name: String) throws -> String {
            guard let value = flag ?? Environment.value(variable) else {
                throw ValidationError("missing \(name): pass --\(name) or set \(variable)")
            }
            return value
        }
        return (
            try resolve(self.certificate, "WM_TLS_CERT", "tls-cert"),
            try resolve(self.key, "WM_TLS_KEY", "tls-key"),
            try resolve(self.ca, "WM_TLS_CA", "tls-ca")
        )
    }

    /// A server-side TLS configuration from these files.
    public func serverConfiguration() throws -> TLSConfiguration {
        let paths = try self.paths()
        return .server(certificateChainPath: paths.certificate, privateKeyPath: paths.key, trustRootsPath: paths.ca)
    }

    /// A client-side TLS configuration from these files, expecting `serverName` in the server's certificate.
    public func clientConfiguration(serverName: String) throws -> TLSConfiguration {
        let paths = try self.paths()
        return .client(
            certificateChainPath: paths.certificate,
            privateKeyPath: paths.key,
            trustRootsPath: paths.ca,
            serverName: serverName
        )
    }
}
