import WindMakerMessages

/// Registry messages as aligned tables for humans.
enum RegistryTables {
    static func providers(_ providers: [RegistryV1.Provider]) -> String {
        Table(
            header: ["ID", "NAME", "TYPE", "REGION", "STATUS", "VERSION", "UPDATED"],
            rows: providers.map { provider in
                [
                    provider.id, provider.profile?.displayName ?? "", provider.profile?.type.spelling ?? "",
                    provider.profile?.region ?? "", provider.status.spelling, String(provider.version),
                    TimestampText.text(provider.updatedAt),
                ]
            }
        ).rendered
    }

    /// One provider in full, as FIELD/VALUE rows.
    static func provider(_ provider: RegistryV1.Provider) -> String {
        let profile = provider.profile ?? RegistryV1.ProviderProfile()
        let capabilities = profile.capabilities ?? RegistryV1.Capabilities()
        let rows: [[String]] = [
            ["id", provider.id], ["status", provider.status.spelling], ["status reason", provider.statusReason],
            ["version", String(provider.version)], ["display name", profile.displayName],
            ["legal name", profile.legalName], ["credit code", profile.creditCode], ["type", profile.type.spelling],
            ["region", profile.region], ["categories", profile.categories.joined(separator: ", ")],
            [
                "contact",
                [profile.contact?.name, profile.contact?.phone, profile.contact?.email]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", "),
            ],
            ["traffic operation", self.capability(capabilities.trafficOperation)],
            ["live-stream operation", self.capability(capabilities.liveStreamOperation)],
            ["streamer incubation", self.capability(capabilities.streamerIncubation)],
            ["supply chain", self.capability(capabilities.supplyChain)],
            ["service fulfilment", self.capability(capabilities.serviceFulfilment)],
            ["created", TimestampText.text(provider.createdAt)], ["updated", TimestampText.text(provider.updatedAt)],
        ]
        return Table(header: ["FIELD", "VALUE"], rows: rows).rendered
    }

    static func capability(_ capability: RegistryV1.Capability?) -> String {
        guard let capability, capability.selfRating != 0 || !capability.description.isEmpty else { return "" }
        return "\(capability.selfRating): \(capability.description)"
    }

    static func bindings(_ bindings: [RegistryV1.Binding]) -> String {
        Table(
            header: ["ID", "PROVIDER", "CLIENT", "SCOPE", "START", "END", "STATE", "VERSION"],
            rows: bindings.map { binding in
                [
                    binding.id, binding.providerId, self.client(binding.client), binding.scope.spelling,
                    DateArgument.text(binding.start), DateArgument.text(binding.end), binding.state.spelling,
                    String(binding.version),
                ]
            }
        ).rendered
    }

    static func history(_ entries: [RegistryV1.AuditEntry]) -> String {
        Table(
            header: ["AT", "ACTOR", "FROM", "TO", "REASON"],
            rows: entries.map { entry in
                [TimestampText.text(entry.at), entry.actor, entry.from.spelling, entry.to.spelling, entry.reason]
            }
        ).rendered
    }

    /// `kind:id`, the same spelling `attribute` takes.
    static func client(_ client: RegistryV1.ClientRef?) -> String {
        guard let client else { return "" }
        return "\(client.kind.spelling):\(client.id)"
    }
}
