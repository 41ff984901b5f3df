public import WindMakerAssessment
public import WindMakerKit

/// What a period's computation needs from the registry: the ACTIVE providers with their types, and every binding
/// in force during the input dates. The server's is ``RegistryClientSource``; tests pass their own.
public protocol RegistrySource: Sendable {
    /// Every ACTIVE provider, in one paginated pass.
    func activeProviders() async throws -> [PeriodComputation.Provider]
    /// Every confirmed binding in force on some day of `first ... last`.
    func bindings(from first: CivilDate, through last: CivilDate) async throws -> [BindingSpan]
}
