/// Re-derives every balance from the transfers and checks the ledger's invariants: what the service runs at start
/// (refusing to start on a violation) and on request.
///
/// Checked: each account's four balances equal the sums of its transfers by state (voided ones count nowhere);
/// debits equal credits over all accounts, for pending and for posted; no no-overdraft account below zero; every
/// transfer between known accounts of its own unit.
public enum LedgerReconciliation {
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

    private struct Sums: Equatable, CustomStringConvertible {
        var debitsPosted: Int64 = 0
        var creditsPosted: Int64 = 0
        var debitsPending: Int64 = 0
        var creditsPending: Int64 = 0

        var description: String {
            "posted debits \(self.debitsPosted), posted credits \(self.creditsPosted), pending debits "
                + "\(self.debitsPending), pending credits \(self.creditsPending)"
        }
    }

    /// Checks `accounts` against `transfers` (every transfer of the ledger, in any order).
    public static func check(accounts: [Account], transfers: some Sequence<Transfer>) -> Report {
        var report = Report(accounts: accounts.count)
        let byID = Dictionary(uniqueKeysWithValues: accounts.map { ($0.id, $0) })
        var sums: [AccountID: Sums] = [:]
        var overflowed = false
        func add(_ value: inout Int64, _ amount: Int64) {
            let (sum, overflow) = value.addingReportingOverflow(amount)
            overflowed = overflowed || overflow
            value = sum
        }
        for transfer in transfers {
            report.transfers += 1
            for id in [transfer.debit, transfer.credit] {
                guard let account = byID[id] else {
                    report.violations.append(
                        Violation(description: "transfer \(transfer.id) names unknown account \(id)")
                    )
                    continue
                }
                if account.unit != transfer.unit {
                    report.violations.append(
                        Violation(
                            description:
                                "transfer \(transfer.id) moves \(transfer.unit) through \(id), which counts \(account.unit)"
                        )
                    )
                }
            }
            switch transfer.state {
            case .pending:
                add(&sums[transfer.debit, default: Sums()].debitsPending, transfer.amount)
                add(&sums[transfer.credit, default: Sums()].creditsPending, transfer.amount)
                add(&report.pendingTotal, transfer.amount)
            case .posted:
                add(&sums[transfer.debit, default: Sums()].debitsPosted, transfer.amount)
                add(&sums[transfer.credit, default: Sums()].creditsPosted, transfer.amount)
                add(&report.postedTotal, transfer.amount)
            case .voided:
                break
            }
        }
        if overflowed { report.violations.append(Violation(description: "the transfers' sums overflow 64 bits")) }
        var debits = Sums()
        for account in accounts.sorted(by: { $0.id < $1.id }) {
            let derived = sums[account.id] ?? Sums()
            let stored = Sums(
                debitsPosted: account.debitsPosted,
                creditsPosted: account.creditsPosted,
                debitsPending: account.debitsPending,
                creditsPending: account.creditsPending
            )
            if derived != stored {
                report.violations.append(
                    Violation(description: "account \(account.id) holds \(stored) but its transfers sum to \(derived)")
                )
            }
            if account.noOverdraft && account.available < 0 {
                report.violations.append(
                    Violation(description: "account \(account.id) is below zero (\(account.available) available)")
                )
            }
            add(&debits.debitsPosted, derived.debitsPosted)
            add(&debits.creditsPosted, derived.creditsPosted)
            add(&debits.debitsPending, derived.debitsPending)
            add(&debits.creditsPending, derived.creditsPending)
        }
        if debits.debitsPosted != debits.creditsPosted || debits.debitsPending != debits.creditsPending {
            report.violations.append(Violation(description: "debits and credits differ: \(debits)"))
        }
        return report
    }
}
