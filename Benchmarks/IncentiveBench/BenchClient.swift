import BenchmarkSupport
import Logging
import WindMakerRPC
import WindMakerTLS
import WindMakerTransport

/// A client connection from the driver to a case's server, as `identity` (a development certificate's name).
enum BenchClient {
    static func connect(
        port: Int,
        serverName: String,
        identity: String,
        certificates: CertificateDirectory
    ) throws -> RPCConnection {
        var logger = Logger(label: "incentive-bench")
        logger.logLevel = .warning
        return RPCConnection(
            host: "127.0.0.1",
            port: port,
            serverName: serverName,
            security: try TLSChannelSecurity(
                configuration: .client(
                    certificateChainPath: "\(certificates.path)/\(identity).pem",
                    privateKeyPath: "\(certificates.path)/\(identity).key",
                    trustRootsPath: certificates.caPath,
                    serverName: serverName
                ),
                logger: logger
            ),
            logger: logger
        )
    }
}
