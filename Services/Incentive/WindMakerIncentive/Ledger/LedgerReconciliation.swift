/// Re-derives every balance from the transfers and checks the ledger's invariants: what the service runs at start
/// (refusing to start on a violation) and on request.
///
/// Checked: each account's four balances equal the sums of its transfers by state (voided ones count nowhere);
/// debits equal credits over all accounts of a unit, for pending and for posted; no no-overdraft account below zero;
/// every transfer between known accounts of its own unit. Transfers are added one at a time (``add(_:)``), so a scan
/// of millions of them needs memory only for the accounts. Sums are kept in 128 bits: no number of transfers can
/// overflow them (every stored balance fits 64 bits, as the engine refuses a transfer that would not).
public struct LedgerReconciliation: Sendable {
    /// One broken invariant, in words that name the account or transfer.
    public struct Violation: Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// What moved in one unit: the pending and the posted transfers' total amounts.
    public struct Totals: Hashable, Sendable {
        public var pending: Int128 = 0
        public var posted: Int128 = 0
    }

    /// The sums a reconciliation found, and the violations; the ledger is consistent when there are none.
    public struct Report: Hashable, Sendable {
        public var accounts = 0
        public var transfers = 0
        public var totals: [LedgerUnit: Totals] = [:]
        public var violations: [Violation] = []

        /// The totals of `unit` (zero when nothing moved in it).
        public func totals(_ unit: LedgerUnit) -> Totals { self.totals[unit] ?? Totals() }
    }

    private struct Sums: Equatable, Sendable, CustomStringConvertible {
        var debitsPosted: Int128 = 0
        var creditsPosted: Int128 = 0
        var debitsPending: Int128 = 0
        var creditsPending: Int128 = 0

        init() {}

        init(_ account: Account) {
            self.debitsPosted = Int128(account.debitsPosted)
            self.creditsPosted = Int128(account.creditsPosted)
            self.debitsPending = Int128(account.debitsPending)
            self.creditsPending = Int128(account.creditsPending)
        }

        static func += (lhs: inout Sums, rhs: Sums) {
            lhs.debitsPosted += rhs.debitsPosted
            lhs.creditsPosted += rhs.creditsPosted
            lhs.debitsPending += rhs.debitsPending
            lhs.creditsPending += rhs.creditsPending
        }

        var description: String {
            "posted debits \(self.debitsPosted), posted credits \(self.creditsPosted), pending debits "
                + "\(self.debitsPending), pending credits \(self.creditsPending)"
        }
    }

    private let accounts: [AccountID: Account]
    private var sums: [AccountID: Sums] = [:]
    private var report: Report

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
        let amount = Int128(transfer.amount)
        var totals = self.report.totals[transfer.unit] ?? Totals()
        switch transfer.state {
        case .pending:
            self.sums[transfer.debit, default: Sums()].debitsPending += amount
            self.sums[transfer.credit, default: Sums()].creditsPending += amount
            totals.pending += amount
        case .posted:
            self.sums[transfer.debit, default: Sums()].debitsPosted += amount
            self.sums[transfer.credit, default: Sums()].creditsPosted += amount
            totals.posted += amount
        case .voided:
            break
        }
        self.report.totals[transfer.unit] = totals
    }

    /// Compares the sums with the stored balances and returns the report.
    public consuming func finish() -> Report {
        var byUnit: [LedgerUnit: Sums] = [:]
        for id in self.accounts.keys.sorted() {
            let account = self.accounts[id]!
            let derived = self.sums[id] ?? Sums()
            let stored = Sums(account)
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
            byUnit[account.unit, default: Sums()] += derived
        }
        for unit in LedgerUnit.allCases {
            let sums = byUnit[unit] ?? Sums()
            if sums.debitsPosted != sums.creditsPosted || sums.debitsPending != sums.creditsPending {
                self.report.violations.append(Violation(description: "\(unit) debits and credits differ: \(sums)"))
            }
        }
        return self.report
    }
}
