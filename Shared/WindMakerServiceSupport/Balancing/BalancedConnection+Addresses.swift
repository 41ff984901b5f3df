public import Logging
public import WindMakerTransport

extension BalancedConnection {
    /// One connection per address (each connecting on first use), each checking that the server's certificate
    /// carries `serverName(address)`, over the channel security `security(name)` gives for that name (asked once
    /// per distinct name).
    /// - Throws: what `security` throws (a TLS file that cannot be read, say).
    public convenience init(
        addresses: [ListenAddress],
        serverName: (ListenAddress) -> String,
        security: (String) throws -> any ChannelSecurity,
        configuration: ClientConfiguration = ClientConfiguration(),
        logger: Logger,
        watchHealth: Bool? = nil
    ) throws {
        var securities: [String: any ChannelSecurity] = [:]
        var endpoints: [Endpoint] = []
        for address in addresses {
            let name = serverName(address)
            let channelSecurity = try securities[name] ?? security(name)
            securities[name] = channelSecurity
            endpoints.append(
                Endpoint(
                    address: address.description,
                    connection: RPCConnection(
                        host: address.host,
                        port: address.port,
                        serverName: name,
                        security: channelSecurity,
                        configuration: configuration,
                        logger: logger
                    )
                )
            )
        }
        self.init(endpoints, logger: logger, watchHealth: watchHealth)
    }
}
