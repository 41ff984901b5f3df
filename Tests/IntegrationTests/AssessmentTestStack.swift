import Foundation
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// The real `registry` and `assessment` executables, the assessment calling the registry over mutual TLS with its
/// own identity, and helpers to set up providers and bindings through the registry's API.
struct AssessmentTestStack {
    let registry: RegistryTestServer
    let assessment: ServiceTestServer

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

    /// A client of the assessment connected as `identity`.
    func client(_ identity: String) throws -> (assessment: AssessmentV1.Assessment.Client, test: TestClient) {
        let test = try self.assessment.client(identity)
        return (AssessmentV1.Assessment.Client(test.client), test)
    }

    func stop() {
        self.assessment.stop()
        self.registry.stop()
    }

    /// An ACTIVE provider of `type` serving merchant `merchant` in every scope since 2021-01-01; returns its id.
    func activeProvider(_ number: Int, type: RegistryV1.ProviderType = .local, merchant: String) async throws -> String
    {
        let portal = try self.registry.client("provider-portal")
        let operators = try self.registry.client("operator-alice")
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
