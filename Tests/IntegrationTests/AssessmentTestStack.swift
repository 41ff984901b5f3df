import Foundation
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// The real `registry` and `assessment` executables, the assessment calling the registry over mutual TLS with its
/// own identity, and helpers to set up providers and bindings through the registry's API. Scaled out, there are two
/// instances of each on one PostgreSQL database, and every client (the assessment's of the registry too) is given
/// both addresses.
struct AssessmentTestStack {
    let registry: RegistryTestServer
    let assessment: ServiceTestServer
    /// The second instances, when scaled out.
    var secondRegistry: ServiceTestServer?
    var secondAssessment: ServiceTestServer?

    /// Starts both, the assessment pointed at the registry.
    static func start() async throws -> AssessmentTestStack {
        let registry = try await RegistryTestServer.start()
        let assessment = try await ServiceTestServer.start(
            "assessment",
            certificate: "assessment",
            arguments: ["--registry", "127.0.0.1:\(registry.server.port)"]
        )
        return AssessmentTestStack(registry: registry, assessment: assessment)
    }

    /// Two instances of each on the PostgreSQL database `store`; `assessmentArguments` go to both assessments.
    static func scaled(store: String, assessmentArguments: [String] = []) async throws -> AssessmentTestStack {
        let registries = [
            try await RegistryTestServer.start(arguments: ["--store", store]),
            try await RegistryTestServer.start(arguments: ["--store", store]),
        ]
        let registryAddresses = registries.map { "127.0.0.1:\($0.server.port)" }.joined(separator: ",")
        var assessments: [ServiceTestServer] = []
        for _ in 0 ..< 2 {
            assessments.append(
                try await ServiceTestServer.start(
                    "assessment",
                    certificate: "assessment",
                    arguments: ["--store", store, "--registry", registryAddresses] + assessmentArguments
                )
            )
        }
        return AssessmentTestStack(
            registry: registries[0],
            assessment: assessments[0],
            secondRegistry: registries[1].service,
            secondAssessment: assessments[1]
        )
    }

    var registryPorts: [Int] { [self.registry.server.port] + (self.secondRegistry.map { [$0.server.port] } ?? []) }
    var assessmentPorts: [Int] {
        [self.assessment.server.port] + (self.secondAssessment.map { [$0.server.port] } ?? [])
    }
    /// `host:port[,host:port]` of the registry's instances, for a flag.
    var registryAddresses: String { self.registryPorts.map { "127.0.0.1:\($0)" }.joined(separator: ",") }

    /// A client of the assessment (every instance) connected as `identity`.
    func client(_ identity: String) throws -> (assessment: AssessmentV1.Assessment.Client, test: TestClient) {
        let test = try TestClient(ports: self.assessmentPorts, identity: identity)
        return (AssessmentV1.Assessment.Client(test.client), test)
    }

    /// A client of the registry (every instance) connected as `identity`.
    func registryClient(_ identity: String) throws -> (registry: RegistryV1.Registry.Client, test: TestClient) {
        let test = try TestClient(ports: self.registryPorts, identity: identity)
        return (RegistryV1.Registry.Client(test.client), test)
    }

    func stop() {
        self.assessment.stop()
        self.secondAssessment?.stop()
        self.registry.stop()
        self.secondRegistry?.stop()
    }

    /// An ACTIVE provider of `type` serving merchant `merchant` in every scope since 2021-01-01; returns its id.
    func activeProvider(_ number: Int, type: RegistryV1.ProviderType = .local, merchant: String) async throws -> String
    {
        let portal = try self.registryClient("provider-portal")
        let operators = try self.registryClient("operator-alice")
        defer {
            Task {
                await portal.test.connection.close()
                await operators.test.connection.close()
            }
        }
        guard let applied = try await portal.registry.apply(RegistryRequests.apply(number, type: type)).provider else {
            throw ServerProcessError(message: "apply returned no provider")
        }
        _ = try await operators.registry.approve(
            RegistryV1.TransitionRequest(providerId: applied.id, expectedVersion: applied.version)
        )
        for scope in [RegistryV1.BindingScope.storeOperation, .liveStreamOperation, .advertising, .supplyChain] {
            guard
                let proposed = try await portal.registry.proposeBinding(
                    RegistryV1.ProposeBindingRequest(
                        providerId: applied.id,
                        client: RegistryV1.ClientRef(kind: .merchant, id: merchant),
                        scope: scope,
                        start: CommonV1.Date(year: 2021, month: 1, day: 1)
                    )
                ).binding
            else { throw ServerProcessError(message: "propose returned no binding") }
            _ = try await operators.registry.confirmBinding(
                RegistryV1.ConfirmBindingRequest(bindingId: proposed.id, expectedVersion: proposed.version)
            )
        }
        return applied.id
    }

    static func fact(
        _ id: String,
        merchant: String,
        metric: String,
        value: Int64,
        day: Int32 = 15,
        month: Int32 = 9
    ) -> AssessmentV1.Fact {
        AssessmentV1.Fact(
            id: id,
            subjectKind: "MERCHANT",
            subjectId: merchant,
            date: CommonV1.Date(year: 2021, month: month, day: day),
            metric: metric,
            value: value
        )
    }
}
