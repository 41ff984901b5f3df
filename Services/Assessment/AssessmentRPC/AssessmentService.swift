public import WindMakerAssessment
public import WindMakerKit
public import WindMakerMessages
import WindMakerRPC
public import WindMakerServiceAPI
public import WindMakerServiceKit

/// `windmaker.assessment.v1.Assessment` over an ``Assessment``: each call converts its request (violations name the
/// request's fields), runs one operation as the caller's SPIFFE identity, and converts the result. Period
/// computations and dry runs fetch the ACTIVE providers and the binding snapshot from the registry
/// (``RegistrySource``) and run on the work thread, never on an event loop.
///
/// Who may call what is checked by ``AssessmentAccess/policy``; that a provider reads and appeals only its own
/// scorecards is checked here (``ProviderCaller``).
public struct AssessmentService: AssessmentV1.Assessment.ServiceProtocol {
    public let assessment: Assessment
    let registry: any RegistrySource
    let settings: AssessmentSettings
    let calls: ServiceCalls

    public init(
        assessment: Assessment,
        registry: any RegistrySource,
        settings: AssessmentSettings,
        clock: @escaping @Sendable () -> Timestamp = SystemClock.now
    ) {
        self.assessment = assessment
        self.registry = registry
        self.settings = settings
        self.calls = ServiceCalls(service: "assessment", database: assessment.database, clock: clock)
    }
}
