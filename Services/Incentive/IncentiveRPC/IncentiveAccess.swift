import WindMakerMessages
import WindMakerServiceAPI
import WindMakerServiceKit
public import WindMakerServiceSupport

/// Who may call which incentive method: the one rule table (docs/INCENTIVE.md shows it).
///
/// Operators run programs (create, fund, rules, dry-run, operator transfers) and propose batches; finance approvers
/// (`spiffe://windmaker/finance/<name>`) may propose too, and approve, reject and post batches, approval by a
/// different identity than the proposer (checked by the operation: the four-eyes rule); both read budgets, batches and reconciliation. A provider reads
/// its own statements, which the call checks (``ProviderCaller``). Anyone else is refused with `PERMISSION_DENIED`.
public enum IncentiveAccess {
    public static let providers = Principal.prefix(ProviderCaller.providerPrefix)

    public static let policy: AccessPolicy = {
        typealias Method = IncentiveV1.Incentive.Method
        var policy = AccessPolicy()
        for method in [
            Method.createProgram, Method.fundProgram, Method.publishRules, Method.dryRun, Method.createTransfers,
        ] {
            policy.allow([.operators], toCall: method)
        }
        // Finance may propose too: the four-eyes rule then keeps the proposer from approving its own batch.
        policy.allow([.operators, .finance], toCall: Method.compute)
        for method in [Method.approveBatch, Method.rejectBatch, Method.postBatch, Method.voidLine] {
            policy.allow([.finance], toCall: method)
        }
        for method in [
            Method.getProgram, Method.listPrograms, Method.getBudget, Method.getRules, Method.getBatch,
            Method.reconcile,
        ] {
            policy.allow([.operators, .finance], toCall: method)
        }
        policy.allow([.operators, .finance, Self.providers], toCall: Method.getStatement)
        return policy
    }()
}
