import WindMakerMessages

/// Registry messages as `--json` values: snake-case keys, enums as their flag spellings, dates `YYYY-MM-DD`,
/// timestamps RFC 3339, versions and ratings as numbers.
enum RegistryJSON {
    typealias Value = JSONOutput.Value

    static func provider(_ provider: RegistryV1.Provider) -> Value {
        .object([
            "id": .string(provider.id), "status": .string(provider.status.spelling),
            "status_reason": .string(provider.statusReason), "version": .number(provider.version),
            "created_at": .string(TimestampText.text(provider.createdAt)),
            "updated_at": .string(TimestampText.text(provider.updatedAt)),
            "profile": provider.profile.map(Self.profile) ?? .null,
        ])
    }

    static func profile(_ profile: RegistryV1.ProviderProfile) -> Value {
        let capabilities = profile.capabilities
        return .object([
            "display_name": .string(profile.displayName), "legal_name": .string(profile.legalName),
            "credit_code": .string(profile.creditCode), "type": .string(profile.type.spelling),
            "region": .string(profile.region), "categories": .array(profile.categories.map { .string($0) }),
            "contact": .object([
                "name": .string(profile.contact?.name ?? ""), "phone": .string(profile.contact?.phone ?? ""),
                "email": .string(profile.contact?.email ?? ""),
            ]),
            "capabilities": .object([
                "traffic_operation": Self.capability(capabilities?.trafficOperation),
                "live_stream_operation": Self.capability(capabilities?.liveStreamOperation),
                "streamer_incubation": Self.capability(capabilities?.streamerIncubation),
                "supply_chain": Self.capability(capabilities?.supplyChain),
                "service_fulfilment": Self.capability(capabilities?.serviceFulfilment),
            ]),
        ])
    }

    static func capability(_ capability: RegistryV1.Capability?) -> Value {
        guard let capability else { return .null }
        return .object([
            "self_rating": .number(Int64(capability.selfRating)), "description": .string(capability.description),
        ])
    }

    static func invitation(_ invitation: RegistryV1.Invitation) -> Value {
        .object([
            "code": .string(invitation.code), "credit_code": .string(invitation.creditCode),
            "organisation": .string(invitation.organisationName), "issued_by": .string(invitation.issuedBy),
            "issued_at": .string(TimestampText.text(invitation.issuedAt)),
            "expires_at": .string(TimestampText.text(invitation.expiresAt)),
            "redeemed_at": invitation.redeemedAt.map { .string(TimestampText.text($0)) } ?? .null,
            "redeemed_provider_id": .string(invitation.redeemedProviderId),
        ])
    }

    static func audit(_ entry: RegistryV1.AuditEntry) -> Value {
        .object([
            "provider_id": .string(entry.providerId), "actor": .string(entry.actor),
            "at": .string(TimestampText.text(entry.at)), "from": entry.from.jsonValue,
            "to": entry.to.jsonValue, "reason": .string(entry.reason),
        ])
    }

    static func binding(_ binding: RegistryV1.Binding) -> Value {
        .object([
            "id": .string(binding.id), "provider_id": .string(binding.providerId),
            "client": .string(RegistryTables.client(binding.client)), "scope": .string(binding.scope.spelling),
            "start": .string(DateArgument.text(binding.start)),
            "end": binding.end.map { .string(DateArgument.text($0)) } ?? .null,
            "state": .string(binding.state.spelling), "proposed_by": .string(binding.proposedBy),
            "confirmed_by": .string(binding.confirmedBy), "version": .number(binding.version),
        ])
    }
}
