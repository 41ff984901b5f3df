import WindMakerKit
package import WindMakerMessages
package import WindMakerRegistry
import WindMakerServiceKit

extension RegistryV1.Provider {
    /// A provider as callers see it.
    init(_ provider: Provider) {
        self.init(
            id: provider.id.description,
            profile: RegistryV1.ProviderProfile(provider.profile),
            status: WireEnums.providerStatus(provider.status),
            statusReason: provider.lifecycle.reason ?? "",
            createdAt: provider.createdAt.wire,
            updatedAt: provider.updatedAt.wire,
            version: provider.version
        )
    }
}

extension RegistryV1.ProviderProfile {
    /// A stored profile as callers see it (also what clients in this package send, e.g. the benchmark).
    package init(_ profile: ProviderProfile) {
        self.init(
            displayName: profile.displayName,
            legalName: profile.legalName,
            creditCode: profile.creditCode.description,
            type: WireEnums.providerType(profile.type),
            region: profile.region?.description ?? "",
            categories: profile.categories,
            contact: RegistryV1.Contact(
                name: profile.contact.name,
                phone: profile.contact.phone,
                email: profile.contact.email
            ),
            capabilities: RegistryV1.Capabilities(
                trafficOperation: RegistryV1.Capability(profile.capabilities.trafficOperation),
                liveStreamOperation: RegistryV1.Capability(profile.capabilities.liveStreamOperation),
                streamerIncubation: RegistryV1.Capability(profile.capabilities.streamerIncubation),
                supplyChain: RegistryV1.Capability(profile.capabilities.supplyChain),
                serviceFulfilment: RegistryV1.Capability(profile.capabilities.serviceFulfilment)
            )
        )
    }
}

extension RegistryV1.Capability {
    init(_ capability: Capability) {
        self.init(description: capability.summary, selfRating: UInt32(clamping: capability.selfRating))
    }
}

extension RegistryV1.AuditEntry {
    init(_ entry: AuditEntry) {
        self.init(
            providerId: entry.providerID.description,
            actor: entry.actor,
            at: entry.at.wire,
            from: entry.from.map(WireEnums.providerStatus) ?? .unspecified,
            to: WireEnums.providerStatus(entry.to),
            reason: entry.reason ?? ""
        )
    }
}
