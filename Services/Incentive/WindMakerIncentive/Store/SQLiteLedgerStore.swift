public import WindMakerKit
public import WindMakerStorage
import WindMakerStoreKit

/// The ledger's rows: accounts with their balances, and transfers. Portable SQL; a PostgreSQL store implements the
/// same operations.
public struct SQLiteLedgerStore: Sendable {
    public init() {}

    private static let accountColumns =
        "id, unit, no_overdraft, debits_posted, credits_posted, debits_pending, credits_pending"
    private static let transferColumns = "id, debit_account, credit_account, amount, unit, state, corrects"

    public func account(_ id: AccountID, in sql: some SQLExecuting) throws -> Account? {
        try sql.queryOne("SELECT \(Self.accountColumns) FROM ledger_accounts WHERE id = ?", [.text(id.rawValue)])
            .map(Self.account(row:))
    }

    public func accounts(in sql: some SQLExecuting) throws -> [Account] {
        try sql.query("SELECT \(Self.accountColumns) FROM ledger_accounts ORDER BY id", []).map(Self.account(row:))
    }

    public func insertAccount(_ account: Account, at time: Timestamp, in sql: Transaction) throws {
        try sql.execute(
            "INSERT INTO ledger_accounts (\(Self.accountColumns), created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                .text(account.id.rawValue), .text(account.unit.rawValue), .integer(account.noOverdraft ? 1 : 0),
                .integer(account.debitsPosted), .integer(account.creditsPosted), .integer(account.debitsPending),
                .integer(account.creditsPending), time.sqlValue,
            ]
        )
    }

    public func saveBalances(_ account: Account, in sql: Transaction) throws {
        try sql.execute(
            """
            UPDATE ledger_accounts SET debits_posted = ?, credits_posted = ?, debits_pending = ?, credits_pending = ?
            WHERE id = ?
            """,
            [
                .integer(account.debitsPosted), .integer(account.creditsPosted), .integer(account.debitsPending),
                .integer(account.creditsPending), .text(account.id.rawValue),
            ]
        )
    }

    public func transfer(_ id: TransferID, in sql: some SQLExecuting) throws -> Transfer? {
        try sql.queryOne("SELECT \(Self.transferColumns) FROM ledger_transfers WHERE id = ?", [.text(id.rawValue)])
            .map(Self.transfer(row:))
    }

    /// Rows per statement when transfers are read or written in bulk: one round trip to PostgreSQL for many rows,
    /// well under either engine's limit on parameters.
    static let bulkRows = 200

    /// The stored transfers among `ids`, in no particular order, read `bulkRows` ids per statement.
    public func transfers(_ ids: [TransferID], in sql: some SQLExecuting) throws -> [Transfer] {
        var found: [Transfer] = []
        for start in stride(from: 0, to: ids.count, by: Self.bulkRows) {
            let chunk = ids[start ..< min(start + Self.bulkRows, ids.count)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            found += try sql.query(
                "SELECT \(Self.transferColumns) FROM ledger_transfers WHERE id IN (\(marks))",
                chunk.map { .text($0.rawValue) }
            ).map(Self.transfer(row:))
        }
        return found
    }

    /// Inserts `transfers`, `bulkRows` per statement.
    public func insertTransfers(_ transfers: [Transfer], at time: Timestamp, in sql: Transaction) throws {
        for start in stride(from: 0, to: transfers.count, by: Self.bulkRows) {
            let chunk = transfers[start ..< min(start + Self.bulkRows, transfers.count)]
            let rows = Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?)", count: chunk.count).joined(separator: ", ")
            try sql.execute(
                "INSERT INTO ledger_transfers (\(Self.transferColumns), created_at, updated_at) VALUES \(rows)",
                chunk.flatMap { transfer -> [SQLValue] in
                    [
                        .text(transfer.id.rawValue), .text(transfer.debit.rawValue), .text(transfer.credit.rawValue),
                        .integer(transfer.amount), .text(transfer.unit.rawValue), .text(transfer.state.rawValue),
                        transfer.corrects.map { .text($0.rawValue) } ?? .null, time.sqlValue, time.sqlValue,
                    ]
                }
            )
        }
    }

    public func saveState(_ transfer: Transfer, at time: Timestamp, in sql: Transaction) throws {
        try sql.execute(
            "UPDATE ledger_transfers SET state = ?, updated_at = ? WHERE id = ?",
            [.text(transfer.state.rawValue), time.sqlValue, .text(transfer.id.rawValue)]
        )
    }

    /// How much the posted transfers correcting `id` have moved.
    public func correctedAmount(_ id: TransferID, in sql: some SQLExecuting) throws -> Int64 {
        try sql.queryOne(
            "SELECT COALESCE(SUM(amount), 0) AS total FROM ledger_transfers WHERE corrects = ? AND state = 'POSTED'",
            [.text(id.rawValue)]
        )?.value("total") ?? 0
    }

    /// Visits every transfer of `snapshot`, in no particular order, without holding them all.
    public func scanTransfers(in snapshot: Snapshot, _ visit: (Transfer) -> Void) throws {
        try snapshot.scan("SELECT \(Self.transferColumns) FROM ledger_transfers", []) { row in
            visit(try Self.transfer(scan: row))
        }
    }

    private static func account(row: Row) throws -> Account {
        var account = Account(
            id: try AccountID(try row.value("id")),
            unit: try row.enumeration("unit"),
            noOverdraft: try row.value("no_overdraft", as: Int64.self) != 0
        )
        account.restore(
            debitsPosted: try row.value("debits_posted"),
            creditsPosted: try row.value("credits_posted"),
            debitsPending: try row.value("debits_pending"),
            creditsPending: try row.value("credits_pending")
        )
        return account
    }

    private static func transfer(row: Row) throws -> Transfer {
        var transfer = Transfer(
            id: try TransferID(try row.value("id")),
            debit: try AccountID(try row.value("debit_account")),
            credit: try AccountID(try row.value("credit_account")),
            amount: try row.value("amount"),
            unit: try row.enumeration("unit"),
            pending: true,
            corrects: try row.value("corrects", as: String?.self).map { try TransferID($0) }
        )
        transfer.restore(state: try row.enumeration("state"))
        return transfer
    }

    private static func transfer(scan row: ScanRow) throws -> Transfer {
        func text(_ column: Int) -> String { row.withText(column) { String(decoding: $0, as: UTF8.self) } }
        guard let unit = LedgerUnit(rawValue: text(4)), let state = TransferState(rawValue: text(5)) else {
            throw StorageError(.invalidValue, "stored transfer \(text(0)) with an unknown unit or state")
        }
        let corrects = text(6)
        var transfer = Transfer(
            id: try TransferID(text(0)),
            debit: try AccountID(text(1)),
            credit: try AccountID(text(2)),
            amount: row.integer(3),
            unit: unit,
            pending: true,
            corrects: corrects.isEmpty ? nil : try TransferID(corrects)
        )
        transfer.restore(state: state)
        return transfer
    }
}
