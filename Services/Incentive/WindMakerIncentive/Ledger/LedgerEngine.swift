/// The ledger's rules over the accounts and transfers an operation touches: a pure value that the store loads,
/// applies one atomic group of changes to, and saves in the same write.
///
/// ```swift
/// var ledger = LedgerEngine(accounts: [funding, budget])
/// let outcomes = try ledger.apply([fund])          // all or nothing
/// try ledger.post(reservationID)
/// ```
public struct LedgerEngine: Sendable {
    public private(set) var accounts: [AccountID: Account]
    public private(set) var transfers: [TransferID: Transfer]

    /// An engine over `accounts` and the stored `transfers` an operation may meet again (the first of each id
    /// counts).
    public init(accounts: [Account], transfers: [Transfer] = []) {
        self.accounts = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.transfers = Dictionary(transfers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether a request created a transfer or met one already there with the same content.
    public enum Outcome: Hashable, Sendable {
        case created(Transfer)
        case existing(Transfer)
    }

    /// Applies `group` whole or not at all: if any transfer is refused, nothing of the group changes.
    /// - Throws: ``LedgerError`` naming the first transfer refused and why.
    public mutating func apply(_ group: [Transfer]) throws(LedgerError) -> [Outcome] {
        var copy = self
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(group.count)
        for transfer in group {
            outcomes.append(try copy.applyOne(transfer))
        }
        self = copy
        return outcomes
    }

    /// Posts a pending transfer: its reservation becomes a posted movement.
    public mutating func post(_ id: TransferID) throws(LedgerError) -> Transfer {
        try self.finish(id, .post)
    }

    /// Voids a pending transfer: its reservation is released.
    public mutating func void(_ id: TransferID) throws(LedgerError) -> Transfer {
        try self.finish(id, .void)
    }

    private mutating func applyOne(_ transfer: Transfer) throws(LedgerError) -> Outcome {
        if let existing = self.transfers[transfer.id] {
            guard existing.hasSameContent(as: transfer) else { throw .idReused(transfer.id) }
            return .existing(existing)
        }
        guard transfer.amount > 0 else {
            throw .invalid(field: "amount", "must be positive, found \(transfer.amount)")
        }
        guard transfer.amount <= Transfer.maximumAmount else {
            throw .invalid(
                field: "amount",
                "\(transfer.unit.text(transfer.amount)) in transfer \(transfer.id) is more than one transfer may move "
                    + "(\(transfer.unit.text(Transfer.maximumAmount)))"
            )
        }
        guard transfer.debit != transfer.credit else {
            throw .invalid(field: "credit", "a transfer moves between two different accounts")
        }
        var debit = try self.account(transfer.debit, for: transfer)
        var credit = try self.account(transfer.credit, for: transfer)
        let pending = transfer.state == .pending
        if debit.noOverdraft {
            let (after, overflow) = debit.available.subtractingReportingOverflow(transfer.amount)
            guard !overflow, after >= 0 else {
                throw .overdraft(
                    transfer.id,
                    account: debit.id,
                    available: debit.available,
                    amount: transfer.amount,
                    unit: transfer.unit
                )
            }
        }
        if pending {
            debit.debitsPending = try Self.add(debit.debitsPending, transfer.amount, transfer.id, debit.id)
            credit.creditsPending = try Self.add(credit.creditsPending, transfer.amount, transfer.id, credit.id)
        } else {
            debit.debitsPosted = try Self.add(debit.debitsPosted, transfer.amount, transfer.id, debit.id)
            credit.creditsPosted = try Self.add(credit.creditsPosted, transfer.amount, transfer.id, credit.id)
        }
        self.accounts[debit.id] = debit
        self.accounts[credit.id] = credit
        self.transfers[transfer.id] = transfer
        return .created(transfer)
    }

    private mutating func finish(_ id: TransferID, _ event: TransferState.Event) throws(LedgerError) -> Transfer {
        guard var transfer = self.transfers[id] else { throw .unknownTransfer(id) }
        try transfer.state.apply(event, transfer: id)
        var debit = try self.account(transfer.debit, for: transfer)
        var credit = try self.account(transfer.credit, for: transfer)
        debit.debitsPending -= transfer.amount
        credit.creditsPending -= transfer.amount
        if event == .post {
            debit.debitsPosted = try Self.add(debit.debitsPosted, transfer.amount, id, debit.id)
            credit.creditsPosted = try Self.add(credit.creditsPosted, transfer.amount, id, credit.id)
        }
        self.accounts[debit.id] = debit
        self.accounts[credit.id] = credit
        self.transfers[id] = transfer
        return transfer
    }

    private func account(_ id: AccountID, for transfer: Transfer) throws(LedgerError) -> Account {
        guard let account = self.accounts[id] else { throw .unknownAccount(id) }
        guard account.unit == transfer.unit else {
            throw .unitMismatch(transfer.id, expected: transfer.unit, account: id, accountUnit: account.unit)
        }
        return account
    }

    private static func add(
        _ total: Int64,
        _ amount: Int64,
        _ transfer: TransferID,
        _ account: AccountID
    ) throws(LedgerError) -> Int64 {
        let (sum, overflow) = total.addingReportingOverflow(amount)
        guard !overflow else { throw .overflow(transfer, account: account) }
        return sum
    }
}
