import Testing
import WindMakerKit
import WindMakerMessages
import WindMakerRegistry

@testable import RegistryRPC

/// What callers send becomes domain values, or a violation that names the field in their request.
@Suite struct WireConversionTests {
    static let profile = RegistryV1.ProviderProfile(
        displayName: "  Minjiang Live ",
        legalName: "福州闽江直播科技有限公司",
        creditCode: "91350100m000100y43",
        type: .local,
        region: "350100",
        categories: ["apparel"],
        contact: RegistryV1.Contact(name: "Lin", phone: "+86 591 1234 5678", email: "ops@minjiang.example"),
        capabilities: RegistryV1.Capabilities(
            trafficOperation: RegistryV1.Capability(description: "ads", selfRating: 70)
        )
    )

    static func violations(_ body: () throws -> Void) -> [FieldViolation] {
        do {
            try body()
            return []
        } catch let error as any FieldViolationReporting {
            return error.fieldViolations ?? []
        } catch {
            return []
        }
    }

    @Test func aValidProfileBecomesANormalisedProfileAndBack() throws {
        let application = try ProviderApplication(wire: Self.profile, field: "profile")
        let stored = try application.validated()
        let back = RegistryV1.ProviderProfile(stored)
        #expect(back.displayName == "Minjiang Live")
        #expect(back.creditCode == "91350100M000100Y43")
        #expect(back.type == .local)
        #expect(back.capabilities?.trafficOperation?.selfRating == 70)
        #expect(back.contact?.email == "ops@minjiang.example")
    }

    @Test func violationsNameTheFieldInTheRequest() {
        var profile = Self.profile
        profile.creditCode = "91350100M000100Y44"
        profile.contact?.email = "not-an-email"
        let fields = Self.violations { _ = try ProviderApplication(wire: profile, field: "profile") }.map(\.field)
        #expect(fields.contains("profile.credit_code"))
        #expect(fields.contains("profile.contact.email"))
    }

    @Test(arguments: [RegistryV1.ProviderType.unspecified, .unrecognized(42)])
    func anUnknownTypeIsRefusedListingTheAcceptedOnes(type: RegistryV1.ProviderType) {
        var profile = Self.profile
        profile.type = type
        let violation = Self.violations { _ = try ProviderApplication(wire: profile, field: "profile") }.first
        #expect(violation?.field == "profile.type")
        #expect(violation?.description.contains("LOCAL") == true)
    }

    /// What Apply validates: an unknown type is named once (`profile.type`, not `profile.profile.type`), together
    /// with every other problem of the profile rather than instead of them.
    @Test(arguments: [RegistryV1.ProviderType.unspecified, .unrecognized(99)])
    func theAppliedProfileNamesAnUnknownTypeOnceAndTheOtherProblemsToo(type: RegistryV1.ProviderType) {
        var profile = Self.profile
        profile.type = type
        profile.contact?.email = "not-an-email"
        profile.legalName = ""
        let fields = Self.violations { _ = try ProviderApplication.validatedProfile(wire: profile, field: "profile") }
            .map(\.field)
        #expect(fields == ["profile.type", "profile.legal_name", "profile.contact.email"])
        let missing = Self.violations { _ = try ProviderApplication.validatedProfile(wire: nil, field: "profile") }
        #expect(missing.map(\.field) == ["profile"])
    }

    @Test func aMissingProfileIsRequired() {
        let violation = Self.violations { _ = try ProviderApplication(wire: nil, field: "profile") }.first
        #expect(violation == FieldViolation(field: "profile", description: "is required"))
    }

    @Test func clientReferencesAreChecked() throws {
        let client = try ClientRef(wire: RegistryV1.ClientRef(kind: .streamer, id: "s-1"), field: "client")
        #expect(RegistryV1.ClientRef(client) == RegistryV1.ClientRef(kind: .streamer, id: "s-1"))
        let unknownKind = Self.violations {
            _ = try ClientRef(wire: RegistryV1.ClientRef(kind: .unspecified, id: "s-1"), field: "client")
        }
        #expect(unknownKind.first?.field == "client.kind")
        let badID = Self.violations {
            _ = try ClientRef(wire: RegistryV1.ClientRef(kind: .merchant, id: "has space"), field: "client")
        }
        #expect(badID.first?.field == "client.id")
    }

    @Test func datesAreValidatedAndZeroMeansNone() throws {
        #expect(
            try CivilDate.required(CommonV1.Date(year: 2024, month: 2, day: 29), field: "start").description
                == "2024-02-29"
        )
        let impossible = Self.violations {
            _ = try CivilDate.required(CommonV1.Date(year: 2025, month: 2, day: 29), field: "start")
        }
        #expect(impossible.first?.field == "start")
        #expect(try CivilDate.optional(CommonV1.Date(), field: "end") == nil)
        #expect(try CivilDate.optional(nil, field: "end") == nil)
        let missing = Self.violations { _ = try CivilDate.required(nil, field: "start") }
        #expect(missing.first?.description == "is required")
    }

    @Test func anEndedBindingShowsTheDayItEnded() throws {
        let binding = Binding(
            id: BindingID.random(),
            providerID: ProviderID.random(),
            client: try ClientRef(kind: .merchant, id: "m-1"),
            scope: .storeOperation,
            range: try DateRange(start: CivilDate("2026-01-01")),
            state: .ended(on: try CivilDate("2026-03-31")),
            proposedBy: "spiffe://windmaker/provider-portal/portal"
        )
        let wire = RegistryV1.Binding(binding)
        #expect(wire.state == .ended)
        #expect(wire.end == CommonV1.Date(year: 2026, month: 3, day: 31))
    }
}
