public import WindMakerKit

/// Whose bindings ``Registry/listBindings(_:on:page:)`` returns.
public enum BindingSubject: Hashable, Sendable {
    /// Every binding of one provider.
    case provider(ProviderID)
    /// Every binding of one client, with any provider.
    case client(ClientRef)

    /// A canonical text form, which page tokens are tied to.
    var canonical: String {
        switch self {
        case .provider(let id): "provider=\(id)"
        case .client(let client): "client=\(client.kind.rawValue)/\(client.id)"
        }
    }
}
