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

/// The adapter in process: the caller's identity and the clock reach the registry, keys replay, and storage failures
/// stay off the wire.
@Suite struct RegistryServiceTests {
    static let portal = PeerIdentity(uris: ["spiffe://windmaker/provider-portal/portal"])
    static let now = Timestamp(secondsSinceEpoch: 1_750_000_000)

    let database: any Database
    let service: RegistryService

    init() throws {
        self.database = try TestStore.serviceDatabase("registry")
        self.service = RegistryService(registry: try Registry(database: self.database), clock: { Self.now })
    }

    static func context(
        _ method: MethodDescriptor,
        peer: PeerIdentity = Self.portal,
        metadata: Metadata = [:]
    ) -> ServerContext {
        .testing(method, peer: peer, metadata: metadata)
    }

    static let apply = RegistryV1.ApplyRequest(
        profile: RegistryV1.ProviderProfile(
            displayName: "Minjiang Live",
            legalName: "Fuzhou Minjiang Live Commerce Co., Ltd.",
            creditCode: "91350100M000100Y43",
            type: .local,
            region: "350100",
            contact: RegistryV1.Contact(name: "Lin", phone: "+86 591 1234 5678", email: "ops@minjiang.example")
        )
    )

    @Test func applyRecordsTheCallerAndTheClockInTheAuditTrail() async throws {
        let response = try await self.service.apply(
            request: Self.apply,
            context: Self.context(RegistryV1.Registry.Method.apply)
        )
        let provider = try #require(response.provider)
        #expect(provider.createdAt == CommonV1.Timestamp(unixMicros: Self.now.microsecondsSinceEpoch))
        let history = try self.service.registry.history(of: try ProviderID(provider.id))
        #expect(history.map(\.actor) == ["spiffe://windmaker/provider-portal/portal"])
    }

    @Test func aKeyedRetryReturnsTheStoredResponse() async throws {
        let context = Self.context(RegistryV1.Registry.Method.apply, metadata: ["idempotency-key": "k-1"])
        let first = try await self.service.apply(request: Self.apply, context: context)
        let retry = try await self.service.apply(request: Self.apply, context: context)
        #expect(retry == first)
        #expect(try self.service.registry.listProviders().items.count == 1)
    }

    @Test func malformedProviderIDsNameTheField() async throws {
        for id in ["", "provider-1"] {
            await #expect {
                _ = try await self.service.getProvider(
                    request: RegistryV1.GetProviderRequest(providerId: id),
                    context: Self.context(RegistryV1.Registry.Method.getProvider)
                )
            } throws: { error in
                guard case .invalidArgument(let violations) = error as? RegistryError else { return false }
                return violations.map(\.field) == ["provider_id"]
            }
        }
    }

    @Test func aStorageFailureIsInternalWithoutItsDetail() async throws {
        self.database.close()
        await #expect {
            _ = try await self.service.apply(
                request: Self.apply,
                context: Self.context(RegistryV1.Registry.Method.apply)
            )
        } throws: { error in
            guard let error = error as? RPCError else { return false }
            return error.code == .internal && !error.message.lowercased().contains("closed")
                && !error.message.contains("SQL")
        }
    }

    /// A full write queue or another process's lock held past the busy timeout: nothing was done, so the client may
    /// retry, which `UNAVAILABLE` tells it and `INTERNAL` would not.
    @Test func aBusyDatabaseIsUnavailableSoClientsRetry() async throws {
        let context = Self.context(RegistryV1.Registry.Method.apply)
        let error = await #expect(throws: RPCError.self) {
            try await self.service.calls.guarded(context) { () throws -> Int in
                throw StorageError(.busy, "database is locked", extendedResultCode: 5)
            }
        }
        #expect(error?.code == .unavailable)
        #expect(error?.message == "the registry is busy; retry after a short pause")
    }

    /// A database that cannot be reached (PostgreSQL down, the connection lost mid-write) rolled the write back:
    /// `UNAVAILABLE`, retry later. Work running on another instance is `ABORTED`.
    @Test(arguments: [
        (StorageError.Code.unavailable, RPCError.Code.unavailable, "cannot reach its database"),
        (.locked, .aborted, "compute 2021-07 is already running; retry once it has finished"),
    ])
    func storageTroubleOfASharedDatabaseHasItsOwnStatus(
        _ storage: StorageError.Code,
        _ status: RPCError.Code,
        _ message: String
    ) async throws {
        let context = Self.context(RegistryV1.Registry.Method.apply)
        let error = await #expect(throws: RPCError.self) {
            try await self.service.calls.guarded(context) { () throws -> Int in
                throw StorageError(storage, "compute 2021-07 is already running")
            }
        }
        #expect(error?.code == status)
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test func moreThanTenThousandAttributionQueriesAreRefused() async throws {
        let query = RegistryV1.AttributionQuery(
            client: RegistryV1.ClientRef(kind: .streamer, id: "s-1"),
            scope: .advertising,
            date: CommonV1.Date(year: 2025, month: 7, day: 1)
        )
        await #expect {
            _ = try await self.service.resolveAttribution(
                request: RegistryV1.ResolveAttributionRequest(queries: Array(repeating: query, count: 10_001)),
                context: Self.context(RegistryV1.Registry.Method.resolveAttribution)
            )
        } throws: { error in
            guard case .invalidArgument(let violations) = error as? RegistryError else { return false }
            return violations.map(\.field) == ["queries"]
        }
    }
}
