import WindMakerKit
import WindMakerMessages
import WindMakerRegistry
import WindMakerServiceKit

extension ProviderApplication {
    /// The application a `ProviderProfile` message carries, checked. Field paths in violations are prefixed with
    /// `field` (e.g. `profile.contact.email`), so the caller sees where in its request the problem is.
    init(wire profile: RegistryV1.ProviderProfile?, field: String) throws(RegistryError) {
        try self.init(uncheckedWire: profile, field: field)
        let violations = self.validate()
        guard violations.isEmpty else { throw Self.prefixed(violations, field: field) }
    }

    /// The application a `ProviderProfile` message carries, as is; only the type and presence are checked.
    private init(uncheckedWire profile: RegistryV1.ProviderProfile?, field: String) throws(RegistryError) {
        guard let profile else {
            throw .invalidArgument([FieldViolation(field: field, description: "is required")])
        }
        let type = try WireEnums.providerType(profile.type, field: "\(field).type")
        let capabilities = profile.capabilities ?? RegistryV1.Capabilities()
        self.init(
            displayName: profile.displayName,
            legalName: profile.legalName,
            creditCode: profile.creditCode,
            type: type,
            region: profile.region.isEmpty ? nil : profile.region,
            categories: profile.categories,
            contact: Contact(
                name: profile.contact?.name ?? "",
                phone: profile.contact?.phone ?? "",
                email: profile.contact?.email ?? ""
            ),
            capabilities: Capabilities(
                trafficOperation: Capability(wire: capabilities.trafficOperation),
                liveStreamOperation: Capability(wire: capabilities.liveStreamOperation),
                streamerIncubation: Capability(wire: capabilities.streamerIncubation),
                supplyChain: Capability(wire: capabilities.supplyChain),
                serviceFulfilment: Capability(wire: capabilities.serviceFulfilment)
            )
        )
    }

    /// The validated profile a `ProviderProfile` message carries, validated once, with violations named as
    /// ``init(wire:field:)`` names them.
    static func validatedProfile(
        wire profile: RegistryV1.ProviderProfile?,
        field: String
    ) throws(RegistryError) -> ProviderProfile {
        do {
            return try ProviderApplication(uncheckedWire: profile, field: field).validated()
        } catch .invalidArgument(let violations) {
            throw Self.prefixed(violations, field: field)
        }
    }

    private static func prefixed(_ violations: [FieldViolation], field: String) -> RegistryError {
        .invalidArgument(violations.map { FieldViolation(field: "\(field).\($0.field)", description: $0.description) })
    }
}

extension Capability {
    /// A capability as declared on the wire; a rating too large for `Int` cannot occur (it is a `uint32`).
    init(wire capability: RegistryV1.Capability?) {
        self.init(summary: capability?.description ?? "", selfRating: Int(capability?.selfRating ?? 0))
    }
}
