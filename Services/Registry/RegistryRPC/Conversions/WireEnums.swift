import WindMakerKit
import WindMakerMessages
import WindMakerRegistry
import WindMakerServiceKit

/// The registry's enums on the wire. Inbound, `UNSPECIFIED` and numbers this version does not know are field
/// violations that name the field and the accepted values; outbound, every domain value has a wire value.
enum WireEnums {
    static func providerType(_ value: RegistryV1.ProviderType, field: String) throws(RegistryError) -> ProviderType {
        try RegistryError.checking { () throws(InvalidRequest) in try ProgramWire.providerType(value, field: field) }
    }

    static func providerType(_ value: ProviderType) -> RegistryV1.ProviderType {
        ProgramWire.providerType(value)
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
            throw .invalidArgument(ProgramWire.refusal(field, value.rawValue, ProviderStatus.allCases).violations)
        }
    }

    static func clientKind(_ value: RegistryV1.ClientKind, field: String) throws(RegistryError) -> ClientKind {
        try RegistryError.checking { () throws(InvalidRequest) in try ProgramWire.clientKind(value, field: field) }
    }

    static func clientKind(_ value: ClientKind) -> RegistryV1.ClientKind {
        ProgramWire.clientKind(value)
    }

    static func bindingScope(_ value: RegistryV1.BindingScope, field: String) throws(RegistryError) -> BindingScope {
        try RegistryError.checking { () throws(InvalidRequest) in try ProgramWire.bindingScope(value, field: field) }
    }

    static func bindingScope(_ value: BindingScope) -> RegistryV1.BindingScope {
        ProgramWire.bindingScope(value)
    }

    static func bindingState(_ value: Binding.State) -> RegistryV1.BindingState {
        switch value {
        case .proposed: .proposed
        case .active: .active
        case .ended: .ended
        case .rejected: .rejected
        }
    }
}
