public import WindMakerKit
public import WindMakerStorage

extension Incentive {
    /// The most transfers one request applies.
    public static let maximumTransfersPerRequest = 10_000

    /// What applying a group of transfers did.
    public struct TransfersOutcome: Hashable, Sendable {
        public var created: Int
        /// Ids already stored with the same content (a retry).
        public var existing: Int
    }

    /// Applies operator transfers whole or not at all, each posted at once. An operator may only move budget:
    ///
    /// - between a funding source and a program's budget of the same unit (a top-up, or a return of unused budget);
    /// - or reverse, wholly or in part, a transfer made that way or by funding, naming it in `corrects` (a
    ///   correction: debit and credit swapped, never more in total than the transfer moved).
    ///
    /// Provider accounts change only through batches, approved by a second identity; a batch's transfer is corrected
    /// by an adjustment batch. Ids starting with `fund.` or holding `:` are the service's own and refused.
    public func createTransfers(
        _ transfers: [Transfer],
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> TransfersOutcome {
        guard (1 ... Self.maximumTransfersPerRequest).contains(transfers.count) else {
            throw IncentiveError.invalidArgument([
                FieldViolation(
                    field: "transfers",
                    description: "send 1 to \(Self.maximumTransfersPerRequest) transfers, found \(transfers.count)"
                )
            ])
        }
        var earlier: [TransferID: Transfer] = [:]
        var correcting: [TransferID: Int64] = [:]
        for (index, transfer) in transfers.enumerated() {
            try self.checkOperatorTransfer(transfer, index: index, earlier: earlier, correcting: &correcting, in: sql)
            earlier[transfer.id] = transfer
        }
        let outcomes: [LedgerEngine.Outcome]
        do {
            outcomes = try self.ledger.apply(transfers, at: time, in: sql)
        } catch let error as LedgerError {
            throw IncentiveError(error)
        }
        var created: [Transfer] = []
        for case .created(let transfer) in outcomes { created.append(transfer) }
        try self.recordFunding(of: created, in: sql)
        try self.store.appendAudit(
            at: time,
            actor: actor,
            action: "transfers",
            program: nil,
            subject: transfers[0].id.rawValue,
            detail: Self.summary(of: created),
            in: sql
        )
        return TransfersOutcome(created: created.count, existing: outcomes.count - created.count)
    }

    private func checkOperatorTransfer(
        _ transfer: Transfer,
        index: Int,
        earlier: [TransferID: Transfer],
        correcting: inout [TransferID: Int64],
        in sql: Transaction
    ) throws {
        let field = "transfers[\(index)]"
        func refuse(_ suffix: String, _ problem: String) -> IncentiveError {
            .invalidArgument([FieldViolation(field: field + suffix, description: problem)])
        }
        let id = transfer.id.rawValue.utf8
        if id.prefix(5).map({ $0 | 0x20 }).elementsEqual("fund.".utf8) || id.contains(UInt8(ascii: ":")) {
            throw refuse(".id", "ids starting with \"fund.\" or holding ':' are the service's own; choose another")
        }
        guard transfer.state == .posted else { throw refuse("", "operator transfers are posted at once") }
        guard let corrected = transfer.corrects else {
            guard Self.movesBudget(transfer) else {
                throw refuse(
                    "",
                    "an operator transfer moves budget between a funding source and a program's budget of the same "
                        + "unit, or reverses such a transfer (corrects); provider accounts change only through "
                        + "approved batches"
                )
            }
            return
        }
        guard corrected != transfer.id else { throw refuse(".corrects", "a transfer cannot correct itself") }
        // A retry (the id stored, or named earlier in this request) is answered by the ledger as it stands.
        if earlier[transfer.id] != nil { return }
        if try self.ledger.store.transfer(transfer.id, in: sql) != nil { return }
        guard (1 ... Transfer.maximumAmount).contains(transfer.amount) else {
            throw refuse(".amount", "must be 1 to \(transfer.unit.text(Transfer.maximumAmount))")
        }
        guard let original = try earlier[corrected] ?? self.ledger.store.transfer(corrected, in: sql) else {
            throw IncentiveError.notFound(what: "transfer \(corrected), which \(field) says it corrects,")
        }
        guard !original.id.rawValue.utf8.contains(UInt8(ascii: ":")) else {
            throw refuse(".corrects", "\(corrected) is a batch's transfer: batches are corrected by adjustment batches")
        }
        guard transfer.debit == original.credit, transfer.credit == original.debit, transfer.unit == original.unit
        else {
            throw refuse(
                "",
                "a correction reverses what it corrects: debit \(original.credit), credit \(original.debit), "
                    + "in \(original.unit)"
            )
        }
        if correcting[corrected] == nil {
            correcting[corrected] = try self.ledger.store.correctedAmount(corrected, in: sql)
        }
        let reversed = correcting[corrected]! + transfer.amount
        guard reversed <= original.amount else {
            throw IncentiveError.failedPrecondition(
                "\(field) would reverse \(original.unit.text(reversed)) of \(corrected) in all, which moved only "
                    + original.unit.text(original.amount)
            )
        }
        correcting[corrected] = reversed
    }

    /// Whether `transfer` moves between a funding source and a program's budget of its unit, either way.
    private static func movesBudget(_ transfer: Transfer) -> Bool {
        let funding = LedgerAccounts.funding(transfer.unit)
        let budget = transfer.debit == funding ? transfer.credit : transfer.credit == funding ? transfer.debit : nil
        return budget.flatMap(LedgerAccounts.budgetOwner(of:))?.unit == transfer.unit
    }

    /// One audit line for a request: how many transfers it posted, between which accounts (the first few pairs) and
    /// how much in each unit; every transfer itself stays in the ledger with its id.
    private static func summary(of transfers: [Transfer]) -> String {
        var totals: [LedgerUnit: Int128] = [:]
        var pairs: [String] = []
        for transfer in transfers {
            totals[transfer.unit, default: 0] += Int128(transfer.amount)
            let pair = "\(transfer.debit) → \(transfer.credit)"
            if pairs.count < 5 && !pairs.contains(pair) { pairs.append(pair) }
        }
        let moved = LedgerUnit.allCases.compactMap { unit in
            totals[unit].map {
                unit == .fen
                    ? AmountText.yuan(decimal: String($0)) : AmountText.count(decimal: String($0)) + " impressions"
            }
        }
        return "\(transfers.count) posted (\(moved.joined(separator: ", "))): \(pairs.joined(separator: "; "))"
    }

    /// Adds what `transfers` moved between funding sources and budgets to each program's funding figures, one update
    /// per program.
    private func recordFunding(of transfers: [Transfer], in sql: Transaction) throws {
        var changes: [ProgramID: SQLiteIncentiveStore.Funding] = [:]
        for transfer in transfers {
            let funding = LedgerAccounts.funding(transfer.unit)
            let cash = transfer.unit == .fen
            if transfer.debit == funding, let owner = LedgerAccounts.budgetOwner(of: transfer.credit) {
                if cash {
                    changes[owner.program, default: .init()].cash += transfer.amount
                } else {
                    changes[owner.program, default: .init()].traffic += transfer.amount
                }
            } else if transfer.credit == funding, let owner = LedgerAccounts.budgetOwner(of: transfer.debit) {
                if cash {
                    changes[owner.program, default: .init()].returnedCash += transfer.amount
                } else {
                    changes[owner.program, default: .init()].returnedTraffic += transfer.amount
                }
            }
        }
        for (program, change) in changes {
            var figures = try self.store.funding(program, in: sql)
            figures.cash += change.cash
            figures.traffic += change.traffic
            figures.returnedCash += change.returnedCash
            figures.returnedTraffic += change.returnedTraffic
            try self.store.saveFunding(program, figures, in: sql)
        }
    }
}
