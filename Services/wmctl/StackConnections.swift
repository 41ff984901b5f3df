import Logging
import WindMakerRPC
import WindMakerServiceSupport
import WindMakerTLS

/// One connection per service and identity, opened on first use and kept for the command's life (many calls share
/// it, multiplexed), for the commands that talk to the whole stack as several identities (`demo`, `report`).
final class StackConnections {
    /// A client identity: the certificate and key files, and the CA that signs every peer.
    struct Identity: Hashable {
        let certificate: String
        let key: String
        let ca: String

        /// The development identity `name` (`operator-alice`, `finance-bob`, `provider-prv_…`) in a `dev-certs`
        /// directory.
        static func development(_ name: String, in directory: String) -> Identity {
            Identity(
                certificate: "\(directory)/\(name).pem",
                key: "\(directory)/\(name).key",
                ca: "\(directory)/ca.pem"
            )
        }
    }

    private struct Key: Hashable {
        let service: String
        let identity: Identity
    }

    private let addresses: StackAddresses
    private var open: [Key: (client: RPCClient, connection: BalancedConnection)] = [:]

    init(_ addresses: StackAddresses) {
        self.addresses = addresses
    }

    /// The client for `endpoint`'s service as `identity`, connecting first if needed.
    func client(_ endpoint: ServiceEndpoint, as identity: Identity) throws -> RPCClient {
        let key = Key(service: endpoint.name, identity: identity)
        if let existing = self.open[key] { return existing.client }
        var logger = Logger(label: "wmctl")
        logger.logLevel = .error
        let connection = try BalancedConnection(
            addresses: try self.addresses.addresses(endpoint),
            serverName: \.host,
            security: { name in
                try TLSChannelSecurity(
                    configuration: .client(
                        certificateChainPath: identity.certificate,
                        privateKeyPath: identity.key,
                        trustRootsPath: identity.ca,
                        serverName: name
                    ),
                    logger: logger
                )
            },
            logger: logger
        )
        let client = RPCClient(transport: connection)
        self.open[key] = (client, connection)
        return client
    }

    /// Runs `body` with connections to the stack at `addresses`, closing them all afterwards; a refused call
    /// becomes a ``CLIError`` (`CODE: message`).
    static func using<T>(_ addresses: StackAddresses, _ body: (StackConnections) async throws -> T) async throws -> T {
        let connections = StackConnections(addresses)
        do {
            let result = try await body(connections)
            await connections.closeAll()
            return result
        } catch let error as RPCError {
            await connections.closeAll()
            throw CLIError(error)
        } catch {
            await connections.closeAll()
            throw error
        }
    }

    func closeAll() async {
        for entry in self.open.values { await entry.connection.close() }
        self.open = [:]
    }
}
