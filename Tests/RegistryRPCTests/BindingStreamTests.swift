import Testing
import WindMakerKit
import WindMakerMessages
import WindMakerRPC
import WindMakerRegistry
import WindMakerServiceAPI
import WindMakerStorage
import WindMakerTestSupport

@testable import RegistryRPC

@Suite struct BindingStreamTests {
    static let service = PeerIdentity(uris: ["spiffe://windmaker/service/assessment"])

    private func stream(
        _ service: RegistryService,
        from: CommonV1.Date?,
        through: CommonV1.Date?
    ) async throws -> [RegistryV1.StreamBindingsResponse] {
        let io = RecordingCallIO()
        try await service.streamBindings(
            request: RegistryV1.StreamBindingsRequest(from: from, through: through),
            responses: ResponseWriter(io: io),
            context: .testing(RegistryV1.Registry.Method.streamBindings, peer: Self.service)
        )
        return io.sent(as: RegistryV1.StreamBindingsResponse.self)
    }

    @Test func streamsEveryBindingInBatchesOfAThousand() async throws {
        let registry = try Registry(database: TestStore.serviceDatabase("registry"))
        let service = RegistryService(registry: registry)
        let provider = try registry.apply(
            RegistryServiceTests.applicationForStream,
            actor: "portal",
            at: Timestamp(secondsSinceEpoch: 1)
        )
        _ = try registry.transition(
            .approve,
            providerID: provider.id,
            expectedVersion: 1,
            reason: nil,
            actor: "op",
            at: Timestamp(secondsSinceEpoch: 1)
        )
        for index in 0 ..< 1_001 {
            let binding = try registry.proposeBinding(
                providerID: provider.id,
                client: try ClientRef(kind: .merchant, id: "m\(index)"),
                scope: .storeOperation,
                range: try DateRange(start: try CivilDate("2021-01-01")),
                actor: "portal",
                at: Timestamp(secondsSinceEpoch: 1)
            )
            _ = try registry.confirmBinding(
                binding.id,
                expectedVersion: binding.version,
                actor: "op",
                at: Timestamp(secondsSinceEpoch: 1)
            )
        }
        let batches = try await self.stream(
            service,
            from: CommonV1.Date(year: 2021, month: 7, day: 1),
            through: CommonV1.Date(year: 2021, month: 9, day: 30)
        )
        #expect(batches.map(\.bindings.count) == [1_000, 1])
        let ids = batches.flatMap(\.bindings).map(\.id)
        #expect(ids == ids.sorted() && Set(ids).count == 1_001)
        let none = try await self.stream(
            service,
            from: CommonV1.Date(year: 2020, month: 1, day: 1),
            through: CommonV1.Date(year: 2020, month: 12, day: 31)
        )
        #expect(none.isEmpty)
    }

    @Test(arguments: [
        (CommonV1.Date?.none, CommonV1.Date(year: 2021, month: 1, day: 1), "from"),
        (CommonV1.Date(year: 2021, month: 2, day: 1), CommonV1.Date(year: 2021, month: 1, day: 1), "through"),
        (CommonV1.Date(year: 2017, month: 12, day: 1), CommonV1.Date(year: 2021, month: 1, day: 1), "through"),
        (CommonV1.Date(year: 2021, month: 2, day: 30), CommonV1.Date(year: 2021, month: 3, day: 1), "from"),
    ])
    func invalidRangesNameTheField(from: CommonV1.Date?, through: CommonV1.Date, field: String) async throws {
        let service = RegistryService(registry: try Registry(database: TestStore.serviceDatabase("registry")))
        await #expect {
            _ = try await self.stream(service, from: from, through: through)
        } throws: { error in
            (error as? RegistryError)?.fieldViolations?.first?.field == field
                || (error as? InvalidRequest)?.violations.first?.field == field
        }
    }
}

extension RegistryServiceTests {
    static var applicationForStream: ProviderApplication {
        var application = ProviderApplication(
            displayName: "Stream",
            legalName: "Stream Co",
            creditCode: "91350100M000100Y43",
            type: .local,
            region: "350100",
            contact: Contact(name: "Lin", phone: "+86 591 1234 5678", email: "ops@stream.example")
        )
        application.categories = []
        return application
    }
}
