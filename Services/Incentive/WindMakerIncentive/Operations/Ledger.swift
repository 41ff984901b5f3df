public import WindMakerKit
public import WindMakerStorage

/// The ledger over its store: accounts opened, groups of transfers applied whole, pending transfers posted or
/// voided, and reconciliation. Each change is one ``Database/write(_:)``: atomic, isolated from concurrent callers
/// (the group committer runs writes one after another), and durable when it returns.
public final class Ledger: Sendable {
    public let database: any Database
    let store = SQLiteLedgerStore()

    public init(database: any Database) {
        self.database = database
    }

    /// Opens `account`; opening the same account again is a no-op, an account of that id with other settings is
    /// refused.
    public func open(_ account: Account, at time: Timestamp) async throws -> Account {
        let store = self.store
        return try await self.database.write { sql in
            try sql.lock(Self.accountLock(account.id))
            if let existing = try store.account(account.id, in: sql) {
                guard existing.unit == account.unit, existing.noOverdraft == account.noOverdraft else {
                    throw LedgerError.invalid(field: "account", "\(account.id) already exists with other settings")
                }
                return existing
            }
            try store.insertAccount(account, at: time, in: sql)
            return account
        }
    }

    /// Opens each of `accounts` that does not exist yet, inside the caller's write.
    public func openMissing(_ accounts: [Account], at time: Timestamp, in sql: Transaction) throws {
        try sql.lock(accounts.map { Self.accountLock($0.id) })
        for account in accounts where try self.store.account(account.id, in: sql) == nil {
            try self.store.insertAccount(account, at: time, in: sql)
        }
    }

    /// Applies `group` whole or not at all; transfers whose id is already stored with the same content are
    /// returned as they are.
    /// - Throws: ``LedgerError`` naming the first transfer refused; nothing of the group is then stored.
    public func apply(_ group: [Transfer], at time: Timestamp) async throws -> [LedgerEngine.Outcome] {
        try await self.database.write { sql in try self.apply(group, at: time, in: sql) }
    }

    /// ``apply(_:at:)`` inside the caller's write (an idempotent call's, or a batch's together with its rows).
    public func apply(_ group: [Transfer], at time: Timestamp, in sql: Transaction) throws -> [LedgerEngine.Outcome] {
        var engine = try self.engine(for: group, in: sql)
        let outcomes = try engine.apply(group)
        var touched = Set<AccountID>()
        var created: [Transfer] = []
        for case .created(let transfer) in outcomes {
            created.append(transfer)
            touched.formUnion([transfer.debit, transfer.credit])
        }
        try self.store.insertTransfers(created, at: time, in: sql)
        for id in touched.sorted() {
            try self.store.saveBalances(engine.accounts[id]!, in: sql)
        }
        return outcomes
    }

    /// Posts a pending transfer.
    /// - Throws: ``LedgerError/illegalTransition(_:from:event:)`` when it is already posted or voided.
    public func post(_ id: TransferID, at time: Timestamp) async throws -> Transfer {
        try await self.finish(id, .post, at: time)
    }

    /// Voids a pending transfer, releasing what it reserved.
    public func void(_ id: TransferID, at time: Timestamp) async throws -> Transfer {
        try await self.finish(id, .void, at: time)
    }

    private func finish(_ id: TransferID, _ event: TransferState.Event, at time: Timestamp) async throws -> Transfer {
        try await self.database.write { sql in try self.finish([id], event, at: time, in: sql)[0] }
    }

    /// Posts or voids the pending transfers `ids` inside the caller's write, all or none.
    /// - Throws: ``LedgerError`` naming the first that is unknown or no longer pending.
    public func finish(
        _ ids: [TransferID],
        _ event: TransferState.Event,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> [Transfer] {
        var transfers: [Transfer] = []
        transfers.reserveCapacity(ids.count)
        for id in ids {
            guard let transfer = try self.store.transfer(id, in: sql) else { throw LedgerError.unknownTransfer(id) }
            transfers.append(transfer)
        }
        var engine = try self.engine(for: transfers, in: sql)
        var finished: [Transfer] = []
        finished.reserveCapacity(ids.count)
        var touched = Set<AccountID>()
        for id in ids {
            let transfer = event == .post ? try engine.post(id) : try engine.void(id)
            try self.store.saveState(transfer, at: time, in: sql)
            touched.formUnion([transfer.debit, transfer.credit])
            finished.append(transfer)
        }
        for account in touched.sorted() {
            try self.store.saveBalances(engine.accounts[account]!, in: sql)
        }
        return finished
    }

    /// One account as stored.
    public func account(_ id: AccountID, in sql: some SQLExecuting) throws -> Account? {
        try self.store.account(id, in: sql)
    }

    /// Checks every balance against the transfers and the ledger's invariants (``LedgerReconciliation``), reading
    /// the transfers in one pass without holding them all.
    public func reconcile() throws -> LedgerReconciliation.Report {
        try self.database.snapshot { snapshot in
            var reconciliation = LedgerReconciliation(accounts: try self.store.accounts(in: snapshot))
            try self.store.scanTransfers(in: snapshot) { reconciliation.add($0) }
            return reconciliation.finish()
        }
    }

    /// The named lock (``Transaction/lock(_:)``) held on an account while its balances are read and changed.
    static func accountLock(_ id: AccountID) -> String {
        "account \(id)"
    }

    /// An engine over the accounts and already stored transfers that `group` touches, read once their accounts are
    /// locked: balances checked against overdraft and transfer states decided on cannot change until the write ends.
    private func engine(for group: [Transfer], in sql: Transaction) throws -> LedgerEngine {
        try sql.lock(group.flatMap { [Self.accountLock($0.debit), Self.accountLock($0.credit)] })
        var accounts: [Account] = []
        var seen = Set<AccountID>()
        for transfer in group {
            for id in [transfer.debit, transfer.credit] where seen.insert(id).inserted {
                if let account = try self.store.account(id, in: sql) { accounts.append(account) }
            }
        }
        return LedgerEngine(accounts: accounts, transfers: try self.store.transfers(group.map(\.id), in: sql))
    }
}
