/// What the ledger refuses, each naming the rule it breaks.
public enum LedgerError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalid(field: String, String)
    case unknownAccount(AccountID)
    case unknownTransfer(TransferID)
    case unitMismatch(TransferID, expected: LedgerUnit, account: AccountID, accountUnit: LedgerUnit)
    case overdraft(TransferID, account: AccountID, available: Int64, amount: Int64, unit: LedgerUnit)
    case overflow(TransferID, account: AccountID)
    case idReused(TransferID)
    case illegalTransition(TransferID, from: TransferState, event: TransferState.Event)

    public var description: String {
        switch self {
        case .invalid(let field, let problem):
            "\(field): \(problem)"
        case .unknownAccount(let account):
            "account \(account) does not exist"
        case .unknownTransfer(let transfer):
            "transfer \(transfer) does not exist"
        case .unitMismatch(let transfer, let expected, let account, let accountUnit):
            "transfer \(transfer) moves \(expected) but account \(account) counts \(accountUnit): units never mix"
        case .overdraft(let transfer, let account, let available, let amount, let unit):
            "transfer \(transfer) would take \(unit.text(amount)) from \(account), which has \(unit.text(available)) "
                + "available: it may not go below zero"
        case .overflow(let transfer, let account):
            "transfer \(transfer) would overflow the balances of \(account)"
        case .idReused(let transfer):
            "transfer id \(transfer) is already used for a different transfer; use a new id for a new transfer"
        case .illegalTransition(let transfer, let from, let event):
            "cannot \(event.rawValue) transfer \(transfer): it is \(from)"
        }
    }
}
