public import ArgumentParser
public import Logging
public import WindMakerTransport

/// `--registry` and `--registry-server-name`: where a service that calls the registry finds it.
public struct RegistryUpstreamOptions: ParsableArguments {
    @Option(name: .customLong("registry"), help: "The registry's host:port (env WM_REGISTRY, default 127.0.0.1:7401).")
    public var address: String?

    @Option(
        name: .customLong("registry-server-name"),
        help: "The name the registry's certificate must carry (env WM_REGISTRY_SERVER_NAME, default registry)."
    )
    public var serverName: String?

    public init() {}

    /// The connection to the registry, with the caller's own certificate.
    public func open(tls: TLSFileOptions, logger: Logger) throws -> RPCConnection {
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
