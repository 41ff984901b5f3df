import Logging
import Testing
import WindMakerKit
import WindMakerMessages
import WindMakerRPC
import WindMakerRegistry
import WindMakerServiceAPI
import WindMakerStorage
import WindMakerTestSupport

@testable import RegistryRPC

/// Input the wire allows but the registry refuses gets INVALID_ARGUMENT or PERMISSION_DENIED saying why.
@Suite struct RegistryServiceInputTests {
    let service: RegistryService

    init() throws {
        self.service = RegistryService(
            registry: try Registry(database: try TestStore.serviceDatabase("registry")),
            clock: { RegistryServiceTests.now }
        )
    }

    /// The status the server sends for what `body` throws (domain errors convert themselves).
    static func status(_ body: () async throws -> some Any) async -> RPCError? {
        do {
            _ = try await body()
            return nil
        } catch {
            return RPCError(from: error)
        }
    }

    @Test func aStrategicApplicantLearnsAboutInvitationsEvenWithABadField() async throws {
        var request = RegistryServiceTests.apply
        request.profile?.type = .strategic
        request.profile?.creditCode = "not a code"
        let error = await Self.status {
            try await self.service.apply(
                request: request,
                context: RegistryServiceTests.context(RegistryV1.Registry.Method.apply)
            )
        }
        #expect(error?.code == .permissionDenied)
        #expect(error?.message.contains("invitation") == true)
    }

    @Test func aNulInANameIsAFieldViolation() async throws {
        var request = RegistryServiceTests.apply
        request.profile?.displayName = "Min\u{0}jiang"
        let error = await Self.status {
            try await self.service.apply(
                request: request,
                context: RegistryServiceTests.context(RegistryV1.Registry.Method.apply)
            )
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains("profile.display_name") == true)
    }

    @Test func aNulInAReasonIsInvalidArgumentNotInternal() async throws {
        let applied = try await self.service.apply(
            request: RegistryServiceTests.apply,
            context: RegistryServiceTests.context(RegistryV1.Registry.Method.apply)
        )
        let provider = try #require(applied.provider)
        let error = await Self.status {
            try await self.service.reject(
                request: RegistryV1.TransitionRequest(
                    providerId: provider.id,
                    expectedVersion: provider.version,
                    reason: "bad\u{0}reason"
                ),
                context: RegistryServiceTests.context(
                    RegistryV1.Registry.Method.reject,
                    peer: PeerIdentity(uris: ["spiffe://windmaker/operator/alice"])
                )
            )
        }
        #expect(error?.code == .invalidArgument)
    }
}
