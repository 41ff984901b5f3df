import WindMakerMessages
import WindMakerServiceAPI
import WindMakerServiceKit
public import WindMakerServiceSupport

/// Who may call which assessment method: the one rule table (docs/ASSESSMENT.md shows it).
///
/// Operators run the program (rulebooks, periods, appeals) and read everything; other services (the incentive
/// service, data pipelines) ingest facts and read results; a provider (`spiffe://windmaker/provider/<id>`) reads
/// its own scorecards and appeals on them, which the calls themselves check (``ProviderCaller``). Anyone else is
/// refused with `PERMISSION_DENIED`.
public enum AssessmentAccess {
    /// Providers, by the SPIFFE identity their certificates carry.
    public static let providers = Principal.prefix(ProviderCaller.providerPrefix)

    public static let policy: AccessPolicy = {
        typealias Method = AssessmentV1.Assessment.Method
        var policy = AccessPolicy()
        policy.allow([.operators, .services], toCall: Method.ingest)
        for method in [
            Method.publishRulebook, Method.dryRun, Method.compute, Method.publish, Method.finalize,
            Method.resolveAppeal, Method.reviseScorecard,
        ] {
            policy.allow([.operators], toCall: method)
        }
        for method in [
            Method.getRulebook, Method.listRankings, Method.listScorecards, Method.progress, Method.getPeriod,
        ] {
            policy.allow([.operators, .services], toCall: method)
        }
        for method in [Method.getScorecard, Method.scorecardHistory, Method.listAppeals] {
            policy.allow([.operators, .services, Self.providers], toCall: method)
        }
        policy.allow([Self.providers], toCall: Method.fileAppeal)
        return policy
    }()
}
