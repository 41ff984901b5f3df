public import WindMakerKit
public import WindMakerMessages

/// The program's shared names (``ProviderType``, ``ClientKind``, ``BindingScope``) on the wire, in one place for
/// every service that sends or reads them. Inbound, `UNSPECIFIED` and numbers this version does not know are a field
/// violation that names the field and the accepted values.
public enum ProgramWire {
    public static func providerType(
        _ value: RegistryV1.ProviderType,
        field: String
    ) throws(InvalidRequest) -> ProviderType {
        switch value {
        case .local: return .local
        case .brand: return .brand
        case .matchmaking: return .matchmaking
        case .base: return .base
        case .strategic: return .strategic
        case .unspecified, .unrecognized: throw Self.refusal(field, value.rawValue, ProviderType.allCases)
        }
    }

    public static func providerType(_ value: ProviderType) -> RegistryV1.ProviderType {
        switch value {
        case .local: .local
        case .brand: .brand
        case .matchmaking: .matchmaking
        case .base: .base
        case .strategic: .strategic
        }
    }

    public static func clientKind(_ value: RegistryV1.ClientKind, field: String) throws(InvalidRequest) -> ClientKind {
        switch value {
        case .merchant: return .merchant
        case .brand: return .brand
        case .streamer: return .streamer
        case .unspecified, .unrecognized: throw Self.refusal(field, value.rawValue, ClientKind.allCases)
        }
    }

    public static func clientKind(_ value: ClientKind) -> RegistryV1.ClientKind {
        switch value {
        case .merchant: .merchant
        case .brand: .brand
        case .streamer: .streamer
        }
    }

    public static func bindingScope(
        _ value: RegistryV1.BindingScope,
        field: String
    ) throws(InvalidRequest) -> BindingScope {
        switch value {
        case .storeOperation: return .storeOperation
        case .liveStreamOperation: return .liveStreamOperation
        case .advertising: return .advertising
        case .supplyChain: return .supplyChain
        case .unspecified, .unrecognized: throw Self.refusal(field, value.rawValue, BindingScope.allCases)
        }
    }

    public static func bindingScope(_ value: BindingScope) -> RegistryV1.BindingScope {
        switch value {
        case .storeOperation: .storeOperation
        case .liveStreamOperation: .liveStreamOperation
        case .advertising: .advertising
        case .supplyChain: .supplyChain
        }
    }

    /// The violation for an enum value that is unspecified or unknown to this version.
    public static func refusal(
        _ field: String,
        _ number: Int32,
        _ accepted: some Sequence<some CustomStringConvertible>
    ) -> InvalidRequest {
        let names = accepted.map(\.description).joined(separator: ", ")
        let given = number == 0 ? "unspecified" : "the unknown value \(number)"
        return InvalidRequest(field: field, "is \(given); use one of \(names)")
    }
}
