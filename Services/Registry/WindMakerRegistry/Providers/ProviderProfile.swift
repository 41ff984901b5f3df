public import WindMakerKit

/// A provider's validated application data: what ``ProviderApplication/validated()`` produces and a ``Provider``
/// keeps. Text is trimmed, the credit code is upper case, the region is present for `LOCAL` providers.
public struct ProviderProfile: Hashable, Sendable {
    /// The name shown in the program.
    public var displayName: String
    /// The registered legal name.
    public var legalName: String
    /// The unified social credit code, unique across providers.
    public var creditCode: CreditCode
    /// The provider's track.
    public var type: ProviderType
    /// The administrative division; always present for `LOCAL` providers.
    public var region: Region?
    /// Product or service categories, trimmed, without duplicates.
    public var categories: [String]
    /// Who to talk to, trimmed.
    public var contact: Contact
    /// The five powers as declared.
    public var capabilities: Capabilities

    /// Builds a profile from parts already validated (e.g. read back from storage).
    public init(
        displayName: String,
        legalName: String,
        creditCode: CreditCode,
        type: ProviderType,
        region: Region?,
        categories: [String],
        contact: Contact,
        capabilities: Capabilities
    ) {
        self.displayName = displayName
        self.legalName = legalName
        self.creditCode = creditCode
        self.type = type
        self.region = region
        self.categories = categories
        self.contact = contact
        self.capabilities = capabilities
    }
}
