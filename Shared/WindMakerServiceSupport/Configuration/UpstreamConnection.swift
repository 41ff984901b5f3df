public import Logging
import WindMakerTLS
import WindMakerTransport

/// A connection from one service to another of the deployment, over mutual TLS with the caller's own certificate,
/// addressed by a flag, else an environment variable, else the default; several instances' addresses (comma-separated)
/// are balanced (``BalancedConnection``).
public enum UpstreamConnection {
    /// Opens (lazily, on first call) the connections to the service called `name`.
    /// - Parameters:
    ///   - address: the flag's `host:port[,host:port…]`, if given; else `WM_<NAME>`, else `defaultAddress`.
    ///   - serverName: the flag's name the peer's certificate must carry; else `WM_<NAME>_SERVER_NAME`, else `name`.
    /// - Throws: ``StartupError`` naming the flag when the addresses do not parse.
    public static func open(
        _ name: String,
        address: String?,
        defaultAddress: String,
        serverName: String?,
        tls: TLSFileOptions,
        logger: Logger
    ) throws -> BalancedConnection {
        let variable = "WM_" + name.uppercased()
        let text = address ?? Environment.value(variable) ?? defaultAddress
        let addresses: [ListenAddress]
        do {
            addresses = try AddressList.parse(text)
        } catch {
            throw StartupError("--\(name) (or \(variable)): \(error)")
        }
        let peerName = serverName ?? Environment.value(variable + "_SERVER_NAME") ?? name
        logger.info("\(name) at \(text) (server name \(peerName))")
        return try BalancedConnection(
            addresses: addresses,
            serverName: { _ in peerName },
            security: { name in
                try TLSChannelSecurity(configuration: try tls.clientConfiguration(serverName: name), logger: logger)
            },
            logger: logger
        )
    }
}
