/// Re-derives every balance from the transfers and checks the ledger's invariants: what the service runs at start
/// (refusing to start on a violation) and on request.
///
/// Checked: each account's four balances equal the sums of its transfers by state (voided ones count nowhere);
/// debits equal credits over all accounts, for pending and for posted; no no-overdraft account below zero; every
/// transfer between known accounts of its own unit. Transfers are added one at a time (``add(_:)``), so a scan of
/// millions of them needs memory only for the accounts.
public struct LedgerReconciliation: Sendable {
    /// One broken invariant, in words that name the account or transfer.
    public struct Violation: Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The sums a reconciliation found, and the violations; the ledger is consistent when there are none.
    public struct Report: Hashable, Sendable {
        public var accounts = 0
        public var transfers = 0
        public var pendingTotal: Int64 = 0
        public var postedTotal: Int64 = 0
        public var violations: [Violation] = []
    }

    private struct Sums: Equatable, Sendable, CustomStringConvertible {
        var debitsPosted: Int64 = 0
        var creditsPosted: Int64 = 0
        var debitsPending: Int64 = 0
        var creditsPending: Int64 = 0

        var description: String {
            "posted debits \(self.debitsPosted), posted credits \(self.creditsPosted), pending debits "
                + "\(self.debitsPending), pending credits \(self.creditsPending)"
        }
    }

    private let accounts: [AccountID: Account]
    private var sums: [AccountID: Sums] = [:]
    private var report: Report
    private var overflowed = false

    /// Starts a reconciliation of `accounts` as stored.
    public init(accounts: [Account]) {
        self.accounts = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.report = Report(accounts: self.accounts.count)
    }

    /// Checks `accounts` against `transfers` (every transfer of the ledger, in any order).
    public static func check(accounts: [Account], transfers: some Sequence<Transfer>) -> Report {
        var reconciliation = LedgerReconciliation(accounts: accounts)
        for transfer in transfers { reconciliation.add(transfer) }
        return reconciliation.finish()
    }

    /// Counts one transfer of the ledger.
    public mutating func add(_ transfer: Transfer) {
        self.report.transfers += 1
        for id in [transfer.debit, transfer.credit] {
            guard let account = self.accounts[id] else {
                self.report.violations.append(
                    Violation(description: "transfer \(transfer.id) names unknown account \(id)")
                )
                continue
            }
            if account.unit != transfer.unit {
                self.report.violations.append(
                    Violation(
                        description:
                            "transfer \(transfer.id) moves \(transfer.unit) through \(id), which counts \(account.unit)"
                    )
                )
            }
        }
        var debit = self.sums[transfer.debit] ?? Sums()
        var credit = self.sums[transfer.credit] ?? Sums()
        var overflowed = self.overflowed
        switch transfer.state {
        case .pending:
            debit.debitsPending = Self.sum(debit.debitsPending, transfer.amount, &overflowed)
            credit.creditsPending = Self.sum(credit.creditsPending, transfer.amount, &overflowed)
            self.report.pendingTotal = Self.sum(self.report.pendingTotal, transfer.amount, &overflowed)
        case .posted:
            debit.debitsPosted = Self.sum(debit.debitsPosted, transfer.amount, &overflowed)
            credit.creditsPosted = Self.sum(credit.creditsPosted, transfer.amount, &overflowed)
            self.report.postedTotal = Self.sum(self.report.postedTotal, transfer.amount, &overflowed)
        case .voided:
            break
        }
        self.sums[transfer.debit] = debit
        self.sums[transfer.credit] = credit
        self.overflowed = overflowed
    }

    /// Compares the sums with the stored balances and returns the report.
    public consuming func finish() -> Report {
        if self.overflowed {
            self.report.violations.append(Violation(description: "the transfers' sums overflow 64 bits"))
        }
        var totals = Sums()
        for id in self.accounts.keys.sorted() {
            let account = self.accounts[id]!
            let derived = self.sums[id] ?? Sums()
            let stored = Sums(
                debitsPosted: account.debitsPosted,
                creditsPosted: account.creditsPosted,
                debitsPending: account.debitsPending,
                creditsPending: account.creditsPending
            )
            if derived != stored {
                self.report.violations.append(
                    Violation(description: "account \(id) holds \(stored) but its transfers sum to \(derived)")
                )
            }
            if account.noOverdraft && account.available < 0 {
                self.report.violations.append(
                    Violation(description: "account \(id) is below zero (\(account.available) available)")
                )
            }
            var overflowed = false
            totals.debitsPosted = Self.sum(totals.debitsPosted, derived.debitsPosted, &overflowed)
            totals.creditsPosted = Self.sum(totals.creditsPosted, derived.creditsPosted, &overflowed)
            totals.debitsPending = Self.sum(totals.debitsPending, derived.debitsPending, &overflowed)
            totals.creditsPending = Self.sum(totals.creditsPending, derived.creditsPending, &overflowed)
            if overflowed && !self.overflowed {
                self.report.violations.append(Violation(description: "the accounts' sums overflow 64 bits"))
                self.overflowed = true
            }
        }
        if totals.debitsPosted != totals.creditsPosted || totals.debitsPending != totals.creditsPending {
            self.report.violations.append(Violation(description: "debits and credits differ: \(totals)"))
        }
        return self.report
    }

    private static func sum(_ total: Int64, _ amount: Int64, _ overflowed: inout Bool) -> Int64 {
        let (sum, overflow) = total.addingReportingOverflow(amount)
        overflowed = overflowed || overflow
        return sum
    }
}
