import ArgumentParser
import WindMakerMessages

/// Every field of a provider profile as flags, shared by `apply` and `redeem`. Capabilities are each
/// `RATING:DESCRIPTION` (rating 0–100, then free text).
struct ProfileOptions: ParsableArguments {
    @Option(name: .customLong("display-name"), help: "Name shown to clients.")
    var displayName: String = ""

    @Option(name: .customLong("legal-name"), help: "Registered legal name.")
    var legalName: String = ""

    @Option(name: .customLong("credit-code"), help: "18-character unified social credit code.")
    var creditCode: String = ""

    @Option(name: .customLong("type"), help: "Provider type.")
    var type: EnumArgument<RegistryV1.ProviderType>?

    @Option(name: .customLong("region"), help: "6-digit administrative division code (required for local).")
    var region: String = ""

    @Option(
        name: .customLong("category"),
        help: ArgumentHelp("A category served; repeat for several.", valueName: "category")
    )
    var categoryArguments: [Repeated] = []

    /// Every `--category`, in order; commands with these options fold them (``ArgumentFolding``).
    var categories: [String] { Repeated.values(self.categoryArguments) }

    @Option(name: .customLong("contact-name"), help: "Contact person.")
    var contactName: String = ""

    @Option(name: .customLong("contact-phone"), help: "Contact phone number.")
    var contactPhone: String = ""

    @Option(name: .customLong("contact-email"), help: "Contact e-mail address.")
    var contactEmail: String = ""

    @Option(name: .customLong("traffic-operation"), help: "Traffic operation capability, RATING:DESCRIPTION (0–100).")
    var trafficOperation: CapabilityArgument?

    @Option(name: .customLong("live-stream-operation"), help: "Live-stream operation capability, RATING:DESCRIPTION.")
    var liveStreamOperation: CapabilityArgument?

    @Option(name: .customLong("streamer-incubation"), help: "Streamer incubation capability, RATING:DESCRIPTION.")
    var streamerIncubation: CapabilityArgument?

    @Option(name: .customLong("supply-chain"), help: "Supply chain capability, RATING:DESCRIPTION.")
    var supplyChain: CapabilityArgument?

    @Option(name: .customLong("service-fulfilment"), help: "Service fulfilment capability, RATING:DESCRIPTION.")
    var serviceFulfilment: CapabilityArgument?

    /// The flag of each profile field, under `profile` as the requests carry it.
    static let flags = FlagNames([
        "display_name": "--display-name", "legal_name": "--legal-name", "credit_code": "--credit-code",
        "type": "--type", "region": "--region", "categories": "--category", "contact.name": "--contact-name",
        "contact.phone": "--contact-phone", "contact.email": "--contact-email",
        "capabilities.traffic_operation": "--traffic-operation",
        "capabilities.live_stream_operation": "--live-stream-operation",
        "capabilities.streamer_incubation": "--streamer-incubation", "capabilities.supply_chain": "--supply-chain",
        "capabilities.service_fulfilment": "--service-fulfilment",
    ]).prefixed("profile")

    /// The profile as sent; fields not given stay empty for the server to judge.
    func profile(defaultType: RegistryV1.ProviderType = .unspecified) -> RegistryV1.ProviderProfile {
        var profile = RegistryV1.ProviderProfile()
        profile.displayName = self.displayName
        profile.legalName = self.legalName
        profile.creditCode = self.creditCode
        profile.type = self.type?.value ?? defaultType
        profile.region = self.region
        profile.categories = self.categories
        profile.contact = RegistryV1.Contact(name: self.contactName, phone: self.contactPhone, email: self.contactEmail)
        var capabilities = RegistryV1.Capabilities()
        capabilities.trafficOperation = self.trafficOperation?.value
        capabilities.liveStreamOperation = self.liveStreamOperation?.value
        capabilities.streamerIncubation = self.streamerIncubation?.value
        capabilities.supplyChain = self.supplyChain?.value
        capabilities.serviceFulfilment = self.serviceFulfilment?.value
        profile.capabilities = capabilities
        return profile
    }
}
