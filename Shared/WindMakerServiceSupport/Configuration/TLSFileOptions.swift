public import ArgumentParser
public import WindMakerTLS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The certificate, key and CA files of a process, from flags or the matching `WM_TLS_*` variables.
public struct TLSFileOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain (env WM_TLS_CERT).")
    public var certificate: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key (env WM_TLS_KEY).")
    public var key: String?

    @Option(name: .customLong("tls-ca"), help: "PEM CA certificate that signs every peer (env WM_TLS_CA).")
    public var ca: String?

    public init() {}

    /// The resolved paths (flag, else environment), each checked to be a file this process can read, so that a
    /// wrong path is named in our words before OpenSSL would report it as "system lib".
    /// - Throws: `ValidationError` naming the missing setting, ``StartupError`` naming the unreadable file.
    public func paths() throws -> (certificate: String, key: String, ca: String) {
        func resolve(_ flag: String?, _ variable: String, _ name: String, _ what: String) throws -> String {
            guard let value = flag ?? Environment.value(variable) else {
                throw ValidationError("missing \(name): pass --\(name) or set \(variable)")
            }
            if let problem = Self.readProblem(value) {
                throw StartupError("cannot read the \(what) \(value) (--\(name) or \(variable)): \(problem)")
            }
            return value
        }
        return (
            try resolve(self.certificate, "WM_TLS_CERT", "tls-cert", "TLS certificate chain"),
            try resolve(self.key, "WM_TLS_KEY", "tls-key", "TLS private key"),
            try resolve(self.ca, "WM_TLS_CA", "tls-ca", "TLS CA certificate")
        )
    }

    /// Why `path` cannot be read as a file, or `nil` when it can.
    private static func readProblem(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return String(cString: strerror(errno)) }
        guard status.st_mode & S_IFMT == S_IFREG else { return "not a regular file" }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        close(descriptor)
        return nil
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
