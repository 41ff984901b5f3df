import WindMakerMessages

extension BenchFixtures {
    /// ``application(_:)`` as the `ProviderProfile` a client sends, built field by field: a client does not run the
    /// server's validation, and doing so here would charge the server's CPU budget for client work.
    static func wireProfile(_ number: Int) -> RegistryV1.ProviderProfile {
        let application = Self.application(number)
        let capabilities = application.capabilities
        return RegistryV1.ProviderProfile(
            displayName: application.displayName,
            legalName: application.legalName,
            creditCode: application.creditCode,
            type: .local,
            region: application.region ?? "",
            categories: application.categories,
            contact: RegistryV1.Contact(
                name: application.contact.name,
                phone: application.contact.phone,
                email: application.contact.email
            ),
            capabilities: RegistryV1.Capabilities(
                trafficOperation: RegistryV1.Capability(
                    description: capabilities.trafficOperation.summary,
                    selfRating: UInt32(capabilities.trafficOperation.selfRating)
                ),
                supplyChain: RegistryV1.Capability(
                    description: capabilities.supplyChain.summary,
                    selfRating: UInt32(capabilities.supplyChain.selfRating)
                )
            )
        )
    }
}
