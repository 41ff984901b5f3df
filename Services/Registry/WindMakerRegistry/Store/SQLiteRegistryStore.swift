public import WindMakerKit
public import WindMakerStorage
import WindMakerStoreKit

/// ``RegistryStore`` over SQLite through ``WindMakerStorage``, on the tables of ``RegistrySchema``.
///
/// Stateless: every method runs on the ``Transaction`` it is given, so the store is a plain value. Queries use only
/// `?` placeholders and a fixed set of SQL strings (the storage layer caches their prepared statements); optional
/// filters select among a few prebuilt strings rather than `(? IS NULL OR column = ?)`, so the indexes are used.
public struct SQLiteRegistryStore: RegistryStore {
    public init() {}

    static let providerColumns = Provider.columns.joined(separator: ", ")
    static let insertProviderSQL =
        "INSERT INTO providers (\(providerColumns)) VALUES (\(placeholders(Provider.columns.count)))"
    static let selectProviderSQL = "SELECT \(providerColumns) FROM providers WHERE id = ?"
    static let invitationColumns = Invitation.columns.joined(separator: ", ")

    /// `?, ?, …` with `count` placeholders.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    // MARK: Providers

    public func insertProvider(_ provider: Provider, in sql: Transaction) throws(StorageError) {
        try sql.execute(Self.insertProviderSQL, provider.rowValues)
        for (position, category) in provider.profile.categories.enumerated() {
            try sql.execute(
                "INSERT INTO provider_categories (provider_id, position, category) VALUES (?, ?, ?)",
                [.text(provider.id.rawValue), .integer(Int64(position)), .text(category)]
            )
        }
    }

    public func provider(_ id: ProviderID, in sql: Transaction) throws(StorageError) -> Provider? {
        guard let row = try sql.queryOne(Self.selectProviderSQL, [.text(id.rawValue)]) else { return nil }
        return try Provider(row: row, categories: self.categories(of: id, in: sql))
    }

    private func categories(of id: ProviderID, in sql: Transaction) throws(StorageError) -> [String] {
        try sql.query(
            "SELECT category FROM provider_categories WHERE provider_id = ? ORDER BY position",
            [.text(id.rawValue)]
        ).map { (row) throws(StorageError) in try row.value(at: 0, as: String.self) }
    }

    public func providerID(creditCode: CreditCode, in sql: Transaction) throws(StorageError) -> ProviderID? {
        try sql.queryOne("SELECT id FROM providers WHERE credit_code = ?", [.text(creditCode.rawValue)])
            .map { (row) throws(StorageError) in try row.parsed("id", ProviderID.init) }
    }

    public func updateProvider(
        _ provider: Provider,
        expectedVersion: Int64,
        in sql: Transaction
    ) throws(StorageError) -> Bool {
        let changed = try sql.execute(
            """
            UPDATE providers SET status = ?, status_reason = ?, updated_at_micros = ?, version = ?
            WHERE id = ? AND version = ?
            """,
            [
                .text(provider.status.rawValue), provider.lifecycle.reason.sqlText, provider.updatedAt.sqlValue,
                .integer(provider.version), .text(provider.id.rawValue), .integer(expectedVersion),
            ]
        )
        return changed == 1
    }

    public func providers(
        matching filter: ProviderFilter,
        after: ProviderID?,
        limit: Int,
        in sql: Transaction
    ) throws(StorageError) -> [Provider] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let type = filter.type {
            conditions.append("type = ?")
            arguments.append(.text(type.rawValue))
        }
        if let status = filter.status {
            conditions.append("status = ?")
            arguments.append(.text(status.rawValue))
        }
        if let region = filter.region {
            conditions.append("region = ?")
            arguments.append(.text(region.code))
        }
        if let after {
            conditions.append("id > ?")
            arguments.append(.text(after.rawValue))
        }
        arguments.append(.integer(Int64(limit)))
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let rows = try sql.query(
            "SELECT \(Self.providerColumns) FROM providers\(whereClause) ORDER BY id LIMIT ?",
            arguments
        )
        var providers: [Provider] = []
        providers.reserveCapacity(rows.count)
        for row in rows {
            let id = try row.parsed("id", ProviderID.init)
            providers.append(try Provider(row: row, categories: self.categories(of: id, in: sql)))
        }
        return providers
    }

    // MARK: Audit trail

    public func appendAuditEntry(_ entry: AuditEntry, in sql: Transaction) throws(StorageError) {
        // The id is assigned here rather than by the database so the SQL stays portable; the write transaction
        // holds the lock, so no other writer can take the same number.
        try sql.execute(
            """
            INSERT INTO audit_entries (id, provider_id, actor, at_micros, from_status, to_status, reason)
            SELECT COALESCE(MAX(id), 0) + 1, ?, ?, ?, ?, ?, ? FROM audit_entries
            """,
            entry.rowValues
        )
    }

    public func auditEntries(of providerID: ProviderID, in sql: Transaction) throws(StorageError) -> [AuditEntry] {
        try sql.query(
            """
            SELECT provider_id, actor, at_micros, from_status, to_status, reason FROM audit_entries
            WHERE provider_id = ? ORDER BY id
            """,
            [.text(providerID.rawValue)]
        ).map { (row) throws(StorageError) in try AuditEntry(row: row) }
    }

    // MARK: Invitations

    public func insertInvitation(_ invitation: Invitation, in sql: Transaction) throws(StorageError) {
        try sql.execute(
            "INSERT INTO invitations (\(Self.invitationColumns)) VALUES (\(Self.placeholders(Invitation.columns.count)))",
            invitation.rowValues
        )
    }

    public func invitation(_ code: InvitationCode, in sql: Transaction) throws(StorageError) -> Invitation? {
        try sql.queryOne("SELECT \(Self.invitationColumns) FROM invitations WHERE code = ?", [.text(code.rawValue)])
            .map { (row) throws(StorageError) in try Invitation(row: row) }
    }

    public func updateInvitationRedemption(_ invitation: Invitation, in sql: Transaction) throws(StorageError) {
        try sql.execute(
            "UPDATE invitations SET redeemed_at_micros = ?, redeemed_provider_id = ? WHERE code = ?",
            [
                invitation.redeemedAt?.sqlValue ?? .null,
                invitation.redeemedProviderID.map { .text($0.rawValue) } ?? .null, .text(invitation.code.rawValue),
            ]
        )
    }
}
