public import Logging
import WindMakerTLS
public import WindMakerTransport

/// A connection from one service to another of the deployment, over mutual TLS with the caller's own certificate,
/// addressed by a flag, else an environment variable, else the default.
public enum UpstreamConnection {
    /// Opens (lazily, on first call) the connection to the service called `name`.
    /// - Parameters:
    ///   - address: the flag's `host:port`, if given; else `WM_<NAME>`, else `defaultAddress`.
    ///   - serverName: the flag's name the peer's certificate must carry; else `WM_<NAME>_SERVER_NAME`, else `name`.
    /// - Throws: ``StartupError`` naming the flag when the address does not parse.
    public static func open(
        _ name: String,
        address: String?,
        defaultAddress: String,
        serverName: String?,
        tls: TLSFileOptions,
        logger: Logger
    ) throws -> RPCConnection {
        let variable = "WM_" + name.uppercased()
        let text = address ?? Environment.value(variable) ?? defaultAddress
        guard let parsed = ListenAddress(parsing: text) else {
            throw StartupError("--\(name) must be host:port, got \"\(text)\"")
        }
        let peerName = serverName ?? Environment.value(variable + "_SERVER_NAME") ?? name
        logger.info("\(name) at \(parsed) (server name \(peerName))")
        return RPCConnection(
            host: parsed.host,
            port: parsed.port,
            serverName: peerName,
            security: try TLSChannelSecurity(
                configuration: try tls.clientConfiguration(serverName: peerName),
                logger: logger
            ),
            logger: logger
        )
    }
}
