/// One movement of `amount` from the debit account to the credit account, in one unit. Immutable once posted;
/// a correction is a new transfer naming the one it corrects.
public struct Transfer: Hashable, Sendable {
    /// The most one transfer moves: ¥10 trillion, or 10^15 impressions. Far above any payout or budget, and low
    /// enough that a ledger's sums stay far from 64 bits.
    public static let maximumAmount: Int64 = 1_000_000_000_000_000

    public let id: TransferID
    public let debit: AccountID
    public let credit: AccountID
    /// Positive, in ``unit``.
    public let amount: Int64
    public let unit: LedgerUnit
    public internal(set) var state: TransferState
    /// The transfer this one corrects, if any.
    public let corrects: TransferID?

    /// A transfer as a client asks for it, checked by ``LedgerEngine``.
    public init(
        id: TransferID,
        debit: AccountID,
        credit: AccountID,
        amount: Int64,
        unit: LedgerUnit,
        pending: Bool,
        corrects: TransferID? = nil
    ) {
        self.id = id
        self.debit = debit
        self.credit = credit
        self.amount = amount
        self.unit = unit
        self.state = pending ? .pending : .posted
        self.corrects = corrects
    }

    /// Whether `other` asks for the same movement (the first outcome of an id is returned for it).
    public func hasSameContent(as other: Transfer) -> Bool {
        self.debit == other.debit && self.credit == other.credit && self.amount == other.amount
            && self.unit == other.unit && self.corrects == other.corrects
    }

    /// Sets the state as stored (the store reads it back; only the engine changes it).
    package mutating func restore(state: TransferState) {
        self.state = state
    }
}
