import ArgumentParser
import Logging
import WindMakerRPC
import WindMakerServiceSupport
import WindMakerTLS

/// Where to connect and as whom: flags, or the matching `WM_*` environment variables.
struct ConnectionOptions: ParsableArguments {
    @Option(
        name: .customLong("server"),
        help: ArgumentHelp(
            "host:port of the server, or several instances' separated by commas (env WM_SERVER, "
                + "WM_ASSESSMENT_SERVER for assessment commands, "
                + "WM_INCENTIVE_SERVER for incentive commands; default 127.0.0.1:7401, 7402 for assessment, 7403 for "
                + "incentive)."
        )
    )
    var server: String?

    @Option(name: .customLong("server-name"), help: "Name the server's certificate must carry (default: the host).")
    var serverName: String?

    @Option(name: .customLong("timeout"), help: "Seconds to wait for an answer (more than 0, at most 3600).")
    var timeoutSeconds: Double = 10

    @Flag(name: .customLong("json"), help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var tls: TLSFileOptions

    /// The longest `--timeout` accepted: an hour is already longer than any server lets a call run.
    static let maximumTimeoutSeconds = 3600.0

    func validate() throws {
        // NaN fails both comparisons too, as do infinities and values that would overflow a Duration.
        guard self.timeoutSeconds > 0, self.timeoutSeconds <= Self.maximumTimeoutSeconds else {
            throw ValidationError("--timeout must be more than 0 and at most 3600 seconds, got \(self.timeoutSeconds)")
        }
    }

    /// A client for the server (several instances' addresses are balanced), and the connection to close when done.
    /// - Parameter service: where the service listens unless `--server` says otherwise.
    func connect(_ service: ServiceEndpoint = .registry) throws -> (client: RPCClient, connection: BalancedConnection) {
        let text = self.server ?? Environment.value(service.environmentVariable) ?? service.defaultAddress
        let addresses: [ListenAddress]
        do {
            addresses = try AddressList.parse(text)
        } catch {
            throw ValidationError("--server (or \(service.environmentVariable)): \(error)")
        }
        var logger = Logger(label: "wmctl")
        logger.logLevel = .error
        // A command makes a few calls: the instances' health is learned from those calls, not watched.
        let connection = try BalancedConnection(
            addresses: addresses,
            serverName: { self.serverName ?? $0.host },
            security: { name in
                try TLSChannelSecurity(
                    configuration: try self.tls.clientConfiguration(serverName: name),
                    logger: logger
                )
            },
            logger: logger,
            watchHealth: false
        )
        return (RPCClient(transport: connection), connection)
    }

    var callOptions: CallOptions {
        CallOptions(timeout: .milliseconds(Int64(self.timeoutSeconds * 1000)), isIdempotent: true)
    }

    /// For calls that run as long as their work does (an ingest of a large file, computing a period): `--timeout`,
    /// but at least 10 minutes.
    var streamingOptions: CallOptions {
        CallOptions(timeout: .milliseconds(Int64(max(self.timeoutSeconds, 600) * 1000)))
    }
}

/// Where a service listens by default, and the environment variable that overrides it for `wmctl`.
struct ServiceEndpoint: Sendable {
    /// The service's name, which is also the name its certificate carries and its flag in `demo` and `report`.
    let name: String
    let environmentVariable: String
    let defaultAddress: String

    static let registry = ServiceEndpoint(
        name: "registry",
        environmentVariable: "WM_SERVER",
        defaultAddress: "127.0.0.1:7401"
    )
    static let assessment = ServiceEndpoint(
        name: "assessment",
        environmentVariable: "WM_ASSESSMENT_SERVER",
        defaultAddress: "127.0.0.1:7402"
    )
    static let incentive = ServiceEndpoint(
        name: "incentive",
        environmentVariable: "WM_INCENTIVE_SERVER",
        defaultAddress: "127.0.0.1:7403"
    )
}
