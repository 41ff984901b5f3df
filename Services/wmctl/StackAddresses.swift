import ArgumentParser
import WindMakerRPC
import WindMakerServiceSupport

/// Where the three services' instances listen (one address each, or several separated by commas), for the commands that talk to all of them (`demo`, `report`): flags, else the
/// `WM_*_SERVER` variables the single-service commands read, else the default ports.
struct StackAddresses: ParsableArguments {
    @Option(
        name: .customLong("registry"),
        help: "host:port of the registry, or several (env WM_SERVER; default 127.0.0.1:7401)."
    )
    var registry: String?

    @Option(
        name: .customLong("assessment"),
        help: "host:port of the assessment, or several (env WM_ASSESSMENT_SERVER; default 127.0.0.1:7402)."
    )
    var assessment: String?

    @Option(
        name: .customLong("incentive"),
        help: "host:port of the incentive service, or several (env WM_INCENTIVE_SERVER; default 127.0.0.1:7403)."
    )
    var incentive: String?

    @Option(name: .customLong("timeout"), help: "Seconds to wait for each answer (more than 0, at most 3600).")
    var timeoutSeconds: Double = 30

    static let endpoints: [ServiceEndpoint] = [.registry, .assessment, .incentive]

    func validate() throws {
        guard self.timeoutSeconds > 0, self.timeoutSeconds <= ConnectionOptions.maximumTimeoutSeconds else {
            throw ValidationError("--timeout must be more than 0 and at most 3600 seconds, got \(self.timeoutSeconds)")
        }
        for endpoint in Self.endpoints { _ = try self.addresses(endpoint) }
    }

    /// The addresses of `endpoint`'s instances: its flag, else its environment variable, else its default.
    func addresses(_ endpoint: ServiceEndpoint) throws -> [ListenAddress] {
        let flag: String? =
            switch endpoint.name {
            case ServiceEndpoint.assessment.name: self.assessment
            case ServiceEndpoint.incentive.name: self.incentive
            default: self.registry
            }
        let text = flag ?? Environment.value(endpoint.environmentVariable) ?? endpoint.defaultAddress
        do {
            return try AddressList.parse(text)
        } catch {
            throw ValidationError("--\(endpoint.name) (or \(endpoint.environmentVariable)): \(error)")
        }
    }

    var callOptions: CallOptions {
        CallOptions(timeout: .milliseconds(Int64(self.timeoutSeconds * 1000)), isIdempotent: true)
    }
}
