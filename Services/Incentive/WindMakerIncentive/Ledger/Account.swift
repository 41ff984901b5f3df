/// A ledger account: its unit, whether it may be overdrawn, and its balances, which are sums of the transfers that
/// touch it (``LedgerEngine`` keeps them in step; reconciliation derives them again from the transfers).
public struct Account: Hashable, Sendable {
    public let id: AccountID
    public let unit: LedgerUnit
    /// When set, debits (posted and pending together) may never exceed posted credits: a program budget never goes
    /// below zero, and a pending transfer reserves what it will take.
    public let noOverdraft: Bool
    public internal(set) var debitsPosted: Int64 = 0
    public internal(set) var creditsPosted: Int64 = 0
    public internal(set) var debitsPending: Int64 = 0
    public internal(set) var creditsPending: Int64 = 0

    public init(id: AccountID, unit: LedgerUnit, noOverdraft: Bool) {
        self.id = id
        self.unit = unit
        self.noOverdraft = noOverdraft
    }

    /// Posted credits less posted debits.
    public var postedBalance: Int64 { self.creditsPosted - self.debitsPosted }

    /// What a new debit may still take: posted credits less every debit, pending ones included.
    public var available: Int64 { self.creditsPosted - self.debitsPosted - self.debitsPending }

    /// Sets the balances as stored (the store reads them back; only the engine changes them).
    package mutating func restore(
        debitsPosted: Int64,
        creditsPosted: Int64,
        debitsPending: Int64,
        creditsPending: Int64
    ) {
        self.debitsPosted = debitsPosted
        self.creditsPosted = creditsPosted
        self.debitsPending = debitsPending
        self.creditsPending = creditsPending
    }
}
