public import WindMakerKit

/// Which providers ``Registry/listProviders(_:page:)`` returns: every field that is set must match.
public struct ProviderFilter: Hashable, Sendable {
    /// Only providers of this type.
    public var type: ProviderType?
    /// Only providers in this status.
    public var status: ProviderStatus?
    /// Only providers registered in this administrative division.
    public var region: Region?

    public init(type: ProviderType? = nil, status: ProviderStatus? = nil, region: Region? = nil) {
        self.type = type
        self.status = status
        self.region = region
    }

    /// A canonical text form, which page tokens are tied to.
    var canonical: String {
        "providers;type=\(self.type?.rawValue ?? "");status=\(self.status?.rawValue ?? "");"
            + "region=\(self.region?.code ?? "")"
    }
}
