public import WindMakerKit

/// What the registry says about a provider when a batch is computed or posted: ACTIVE providers are paid,
/// SUSPENDED ones held until reinstated, anyone else (terminated, unknown) voided.
public enum ProviderStanding: Hashable, Sendable {
    case active
    case suspended
    case ineligible(String)
}
