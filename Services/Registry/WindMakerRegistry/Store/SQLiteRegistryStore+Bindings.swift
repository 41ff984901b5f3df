public import WindMakerKit
public import WindMakerStorage
import WindMakerStoreKit

extension SQLiteRegistryStore {
    static let bindingColumns = Binding.columns.joined(separator: ", ")

    public func insertBinding(_ binding: Binding, createdAt: Timestamp, in sql: Transaction) throws(StorageError) {
        try sql.execute(
            "INSERT INTO bindings (\(Self.bindingColumns)) VALUES (\(Self.placeholders(Binding.columns.count)))",
            binding.rowValues(createdAt: createdAt)
        )
    }

    public func binding(_ id: BindingID, in sql: Transaction) throws(StorageError) -> Binding? {
        try sql.queryOne("SELECT \(Self.bindingColumns) FROM bindings WHERE id = ?", [.text(id.rawValue)])
            .map { (row) throws(StorageError) in try Binding(row: row) }
    }

    public func updateBinding(
        _ binding: Binding,
        expectedVersion: Int64,
        in sql: Transaction
    ) throws(StorageError) -> Bool {
        let changed = try sql.execute(
            "UPDATE bindings SET state = ?, ended_on = ?, confirmed_by = ?, version = ? WHERE id = ? AND version = ?",
            [
                .text(binding.state.name), binding.endedOn?.sqlValue ?? .null, binding.confirmedBy.sqlText,
                .integer(binding.version), .text(binding.id.rawValue), .integer(expectedVersion),
            ]
        )
        return changed == 1
    }

    public func openBindings(of providerID: ProviderID, in sql: Transaction) throws(StorageError) -> [Binding] {
        try sql.query(
            """
            SELECT \(Self.bindingColumns) FROM bindings
            WHERE provider_id = ? AND state IN ('PROPOSED', 'ACTIVE') ORDER BY id
            """,
            [.text(providerID.rawValue)]
        ).map { (row) throws(StorageError) in try Binding(row: row) }
    }

    public func occupyingBindings(
        client: ClientRef,
        scope: BindingScope,
        overlapping range: DateRange,
        in sql: Transaction
    ) throws(StorageError) -> [Binding] {
        var arguments: [SQLValue] = [
            .text(client.kind.rawValue), .text(client.id), .text(scope.rawValue), range.start.sqlValue,
        ]
        var startCondition = ""
        if let end = range.end {
            startCondition = " AND start_date <= ?"
            arguments.append(end.sqlValue)
        }
        return try sql.query(
            """
            SELECT \(Self.bindingColumns) FROM bindings
            WHERE client_kind = ? AND client_id = ? AND scope = ? AND state IN ('ACTIVE', 'ENDED')
            AND (end_date IS NULL OR end_date >= ?)\(startCondition)
            ORDER BY start_date, id
            """,
            arguments
        ).map { (row) throws(StorageError) in try Binding(row: row) }
    }

    public func bindings(
        of subject: BindingSubject,
        on date: CivilDate?,
        after: BindingID?,
        limit: Int,
        in sql: Transaction
    ) throws(StorageError) -> [Binding] {
        var conditions: [String]
        var arguments: [SQLValue]
        switch subject {
        case .provider(let id):
            conditions = ["provider_id = ?"]
            arguments = [.text(id.rawValue)]
        case .client(let client):
            conditions = ["client_kind = ?", "client_id = ?"]
            arguments = [.text(client.kind.rawValue), .text(client.id)]
        }
        if let date {
            conditions.append(
                "state IN ('ACTIVE', 'ENDED') AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)"
                    + " AND (ended_on IS NULL OR ended_on >= ?)"
            )
            arguments += [date.sqlValue, date.sqlValue, date.sqlValue]
        }
        if let after {
            conditions.append("id > ?")
            arguments.append(.text(after.rawValue))
        }
        arguments.append(.integer(Int64(limit)))
        return try sql.query(
            """
            SELECT \(Self.bindingColumns) FROM bindings WHERE \(conditions.joined(separator: " AND "))
            ORDER BY id LIMIT ?
            """,
            arguments
        ).map { (row) throws(StorageError) in try Binding(row: row) }
    }

    public func attributionCandidates(
        client: ClientRef,
        scope: BindingScope,
        from: CivilDate,
        through: CivilDate,
        in sql: Transaction
    ) throws(StorageError) -> [Binding] {
        try sql.query(
            """
            SELECT \(Self.bindingColumns) FROM bindings
            WHERE client_kind = ? AND client_id = ? AND scope = ? AND start_date <= ?
            AND state IN ('ACTIVE', 'ENDED') AND (end_date IS NULL OR end_date >= ?)
            ORDER BY start_date, id
            """,
            [.text(client.kind.rawValue), .text(client.id), .text(scope.rawValue), through.sqlValue, from.sqlValue]
        ).map { (row) throws(StorageError) in try Binding(row: row) }
    }

    public func bindingsInForce(
        from: CivilDate,
        through: CivilDate,
        after: BindingID?,
        limit: Int,
        in sql: Transaction
    ) throws(StorageError) -> [Binding] {
        try sql.query(
            """
            SELECT \(Self.bindingColumns) FROM bindings
            WHERE state IN ('ACTIVE', 'ENDED') AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)
            AND (ended_on IS NULL OR ended_on >= ?) AND id > ?
            ORDER BY id LIMIT ?
            """,
            [through.sqlValue, from.sqlValue, from.sqlValue, .text(after?.rawValue ?? ""), .integer(Int64(limit))]
        ).map { (row) throws(StorageError) in try Binding(row: row) }
    }
}
