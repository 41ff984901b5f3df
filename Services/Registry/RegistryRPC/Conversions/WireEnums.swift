import WindMakerKit
import WindMakerMessages
import WindMakerRegistry
import WindMakerServiceKit

/// The registry's enums on the wire. Inbound, `UNSPECIFIED` and numbers this version does not know are field
/// violations that name the field and the accepted values; outbound, every domain value has a wire value.
enum WireEnums {
    static func providerType(_ value: RegistryV1.ProviderType, field: String) throws(RegistryError) -> ProviderType {
        switch value {
        case .local: return .local
        case .brand: return .brand
        case .matchmaking: return .matchmaking
        case .base: return .base
        case .strategic: return .strategic
        case .unspecified, .unrecognized:
            throw .invalidArgument([Self.violation(field, value.rawValue, ProviderType.allCases)])
        }
    }

    static func providerType(_ value: ProviderType) -> RegistryV1.ProviderType {
        switch value {
        case .local: .local
        case .brand: .brand
        case .matchmaking: .matchmaking
        case .base: .base
        case .strategic: .strategic
        }
    }

    /// A filter value: `UNSPECIFIED` means "any".
    static func providerTypeFilter(
        _ value: RegistryV1.ProviderType,
        field: String
    ) throws(RegistryError)
        -> ProviderType?
    {
        value == .unspecified ? nil : try Self.providerType(value, field: field)
    }

    static func providerStatus(_ value: ProviderStatus) -> RegistryV1.ProviderStatus {
        switch value {
        case .applied: .applied
        case .active: .active
        case .rejected: .rejected
        case .suspended: .suspended
        case .terminated: .terminated
        }
    }

    /// A filter value: `UNSPECIFIED` means "any".
    static func providerStatusFilter(
        _ value: RegistryV1.ProviderStatus,
        field: String
    ) throws(RegistryError) -> ProviderStatus? {
        switch value {
        case .unspecified: return nil
        case .applied: return .applied
        case .active: return .active
        case .rejected: return .rejected
        case .suspended: return .suspended
        case .terminated: return .terminated
        case .unrecognized:
            throw .invalidArgument([Self.violation(field, value.rawValue, ProviderStatus.allCases)])
        }
    }

    static func clientKind(_ value: RegistryV1.ClientKind, field: String) throws(RegistryError) -> ClientKind {
        switch value {
        case .merchant: return .merchant
        case .brand: return .brand
        case .streamer: return .streamer
        case .unspecified, .unrecognized:
            throw .invalidArgument([Self.violation(field, value.rawValue, ClientKind.allCases)])
        }
    }

    static func clientKind(_ value: ClientKind) -> RegistryV1.ClientKind {
        switch value {
        case .merchant: .merchant
        case .brand: .brand
        case .streamer: .streamer
        }
    }

    static func bindingScope(_ value: RegistryV1.BindingScope, field: String) throws(RegistryError) -> BindingScope {
        switch value {
        case .storeOperation: return .storeOperation
        case .liveStreamOperation: return .liveStreamOperation
        case .advertising: return .advertising
        case .supplyChain: return .supplyChain
        case .unspecified, .unrecognized:
            throw .invalidArgument([Self.violation(field, value.rawValue, BindingScope.allCases)])
        }
    }

    static func bindingScope(_ value: BindingScope) -> RegistryV1.BindingScope {
        switch value {
        case .storeOperation: .storeOperation
        case .liveStreamOperation: .liveStreamOperation
        case .advertising: .advertising
        case .supplyChain: .supplyChain
        }
    }

    static func bindingState(_ value: Binding.State) -> RegistryV1.BindingState {
        switch value {
        case .proposed: .proposed
        case .active: .active
        case .ended: .ended
        case .rejected: .rejected
        }
    }

    private static func violation(
        _ field: String,
        _ number: Int32,
        _ accepted: some Sequence<some CustomStringConvertible>
    ) -> FieldViolation {
        let names = accepted.map(\.description).joined(separator: ", ")
        let given = number == 0 ? "unspecified" : "the unknown value \(number)"
        return FieldViolation(field: field, description: "is \(given); use one of \(names)")
    }
}
