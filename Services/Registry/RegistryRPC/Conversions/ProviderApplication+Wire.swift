import WindMakerKit
import WindMakerMessages
import WindMakerRegistry
import WindMakerServiceKit

extension ProviderApplication {
    /// The application a `ProviderProfile` message carries, checked. Field paths in violations are prefixed with
    /// `field` (e.g. `profile.contact.email`), so the caller sees where in its request the problem is.
    init(wire profile: RegistryV1.ProviderProfile?, field: String) throws(RegistryError) {
        let (application, typeViolation) = try Self.unchecked(wire: profile, field: field)
        let violations = (typeViolation.map { [$0] } ?? []) + application.validate()
        guard violations.isEmpty else { throw Self.prefixed(violations, field: field) }
        self = application
    }

    /// The validated profile a `ProviderProfile` message carries, validated once, with violations named as
    /// ``init(wire:field:)`` names them: an unknown type is reported together with every other problem.
    static func validatedProfile(
        wire profile: RegistryV1.ProviderProfile?,
        field: String
    ) throws(RegistryError) -> ProviderProfile {
        let (application, typeViolation) = try Self.unchecked(wire: profile, field: field)
        guard let typeViolation else {
            do {
                return try application.validated()
            } catch .invalidArgument(let violations) {
                throw Self.prefixed(violations, field: field)
            }
        }
        throw Self.prefixed([typeViolation] + application.validate(), field: field)
    }

    /// The application a `ProviderProfile` message carries, as is, and the violation of its type if it has none we
    /// know; the rest is still checked then, as a type with no rules of its own (`BRAND`) would be.
    private static func unchecked(
        wire profile: RegistryV1.ProviderProfile?,
        field: String
    ) throws(RegistryError) -> (ProviderApplication, FieldViolation?) {
        guard let profile else {
            throw .invalidArgument([FieldViolation(field: field, description: "is required")])
        }
        var type = ProviderType.brand
        var typeViolation: FieldViolation?
        do {
            type = try WireEnums.providerType(profile.type, field: "type")
        } catch {
            typeViolation = error.fieldViolations?.first ?? FieldViolation(field: "type", description: "\(error)")
        }
        let capabilities = profile.capabilities ?? RegistryV1.Capabilities()
        let application = ProviderApplication(
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
        return (application, typeViolation)
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
