public import WindMakerIncentive
public import WindMakerKit
public import WindMakerMessages
import WindMakerRPC
public import WindMakerServiceAPI
public import WindMakerServiceKit

/// `windmaker.incentive.v1.Incentive` over an ``Incentive``: each call converts its request (violations name the
/// request's fields), runs one operation as the caller's SPIFFE identity, and converts the result. Every call that
/// moves money honours an idempotency key (``ServiceCalls/mutating(_:context:_:response:)``); computing and posting
/// fetch scorecards and standings from the other services (``EntitlementSource``) before the write.
///
/// Who may call what is checked by ``IncentiveAccess/policy``; that a provider reads only its own statements is
/// checked here (``ProviderCaller``).
public struct IncentiveService: IncentiveV1.Incentive.ServiceProtocol {
    public let incentive: Incentive
    let source: any EntitlementSource
    let calls: ServiceCalls

    public init(
        incentive: Incentive,
        source: any EntitlementSource,
        clock: @escaping @Sendable () -> Timestamp = SystemClock.now
    ) {
        self.incentive = incentive
        self.source = source
        self.calls = ServiceCalls(service: "incentive service", database: incentive.database, clock: clock)
    }
}
