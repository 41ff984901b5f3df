public import ArgumentParser
public import Logging
import WindMakerTransport

/// `--registry` and `--registry-server-name`: where a service that calls the registry finds it.
public struct RegistryUpstreamOptions: ParsableArguments {
    @Option(
        name: .customLong("registry"),
        help: ArgumentHelp(
            "The registry's host:port, or several instances' separated by commas (env WM_REGISTRY, default"
                + " 127.0.0.1:7401)."
        )
    )
    public var address: String?

    @Option(
        name: .customLong("registry-server-name"),
        help: "The name the registry's certificate must carry (env WM_REGISTRY_SERVER_NAME, default registry)."
    )
    public var serverName: String?

    public init() {}

    /// The connections to the registry's instances, with the caller's own certificate.
    public func open(tls: TLSFileOptions, logger: Logger) throws -> BalancedConnection {
        try UpstreamConnection.open(
            "registry",
            address: self.address,
            defaultAddress: "127.0.0.1:7401",
            serverName: self.serverName,
            tls: tls,
            logger: logger
        )
    }
}
