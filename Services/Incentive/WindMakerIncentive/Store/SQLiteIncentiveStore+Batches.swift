public import WindMakerKit
public import WindMakerStorage
import WindMakerStoreKit

/// Batches and their entitlement lines.
extension SQLiteIncentiveStore {
    private static let batchColumns = """
        id, kind, state, rules_version, proposed_by, proposed_at, expires_at, approved_by, approved_at, postable_at,
        closed_by, close_reason, closed_at, posted_at, lines, cash, traffic, clawback, traffic_clawback, carried
        """

    private static let lineColumns = """
        batch, provider_id, provider_type, tier, club, scorecard_revision, rulebook_version, input_digest, status,
        earned, carried_in, deducted, payout, carry_out, traffic, clawback, traffic_clawback, explanation
        """

    public func batch(_ id: BatchID, in sql: some SQLExecuting) throws -> Batch? {
        try sql.queryOne("SELECT \(Self.batchColumns) FROM batches WHERE id = ?", [.text(id.description)])
            .map(Self.batch(row:))
    }

    /// The batches of one program and period, in sequence.
    public func batches(_ program: ProgramID, _ period: PeriodID, in sql: some SQLExecuting) throws -> [Batch] {
        try sql.query(
            "SELECT \(Self.batchColumns) FROM batches WHERE program = ? AND period = ? ORDER BY sequence",
            [.text(program.rawValue), .text(period.description)]
        ).map(Self.batch(row:))
    }

    /// The program's batches that still hold a reservation, in any period.
    public func liveBatches(_ program: ProgramID, in sql: some SQLExecuting) throws -> [Batch] {
        try sql.query(
            "SELECT \(Self.batchColumns) FROM batches WHERE program = ? AND state IN ('PROPOSED', 'APPROVED') ORDER BY id",
            [.text(program.rawValue)]
        ).map(Self.batch(row:))
    }

    /// The program's first batch of a period after `period` that was not rejected or expired, if any.
    public func laterBatch(_ program: ProgramID, after period: PeriodID, in sql: some SQLExecuting) throws -> Batch? {
        try sql.queryOne(
            """
            SELECT \(Self.batchColumns) FROM batches
            WHERE program = ? AND period > ? AND state IN ('PROPOSED', 'APPROVED', 'POSTED') ORDER BY period LIMIT 1
            """,
            [.text(program.rawValue), .text(period.description)]
        ).map(Self.batch(row:))
    }

    /// Proposals whose approval deadline has passed.
    public func expiredProposals(at time: Timestamp, in sql: some SQLExecuting) throws -> [Batch] {
        try sql.query(
            "SELECT \(Self.batchColumns) FROM batches WHERE state = 'PROPOSED' AND expires_at <= ? ORDER BY id",
            [time.sqlValue]
        ).map(Self.batch(row:))
    }

    /// Every batch, for reconciliation.
    public func allBatches(in sql: some SQLExecuting) throws -> [Batch] {
        try sql.query("SELECT \(Self.batchColumns) FROM batches ORDER BY id", []).map(Self.batch(row:))
    }

    public func saveBatch(_ batch: Batch, in sql: Transaction) throws {
        try sql.execute(
            """
            INSERT INTO batches (\(Self.batchColumns), program, period, sequence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET state = excluded.state, approved_by = excluded.approved_by,
                approved_at = excluded.approved_at, postable_at = excluded.postable_at, closed_by = excluded.closed_by,
                close_reason = excluded.close_reason, closed_at = excluded.closed_at, posted_at = excluded.posted_at
            """,
            [
                .text(batch.id.description), .text(batch.kind.rawValue), .text(batch.state.rawValue),
                .integer(batch.rulesVersion), .text(batch.proposedBy), batch.proposedAt.sqlValue,
                batch.expiresAt.sqlValue, batch.approvedBy.sqlText, batch.approvedAt?.sqlValue ?? .null,
                batch.postableAt?.sqlValue ?? .null, batch.closedBy.sqlText, batch.closeReason.sqlText,
                batch.closedAt?.sqlValue ?? .null, batch.postedAt?.sqlValue ?? .null, .integer(batch.totals.lines),
                .integer(batch.totals.cash), .integer(batch.totals.traffic), .integer(batch.totals.clawback),
                .integer(batch.totals.trafficClawback), .integer(batch.totals.carried),
                .text(batch.id.program.rawValue), .text(batch.id.period.description), .integer(batch.id.sequence),
            ]
        )
    }

    /// A batch's lines, by provider; `open` limits them to pending and held ones.
    public func lines(_ batch: BatchID, openOnly: Bool = false, in sql: some SQLExecuting) throws -> [EntitlementLine] {
        try sql.query(
            "SELECT \(Self.lineColumns) FROM entitlement_lines WHERE batch = ?"
                + (openOnly ? " AND status IN ('PENDING', 'HELD')" : "") + " ORDER BY provider_id",
            [.text(batch.description)]
        ).map(Self.line(row:))
    }

    /// A batch's lines after provider `after`, at most `limit`, by provider.
    public func lines(
        _ batch: BatchID,
        after: ProviderID?,
        limit: Int,
        in sql: some SQLExecuting
    ) throws -> [EntitlementLine] {
        try sql.query(
            "SELECT \(Self.lineColumns) FROM entitlement_lines WHERE batch = ? AND provider_id > ? ORDER BY provider_id LIMIT ?",
            [.text(batch.description), .text(after?.rawValue ?? ""), .integer(Int64(limit))]
        ).map(Self.line(row:))
    }

    /// One provider's lines in a program's period, across its batches.
    public func lines(
        _ program: ProgramID,
        _ period: PeriodID,
        provider: ProviderID,
        in sql: some SQLExecuting
    ) throws -> [EntitlementLine] {
        try sql.query(
            """
            SELECT \(Self.lineColumns) FROM entitlement_lines WHERE program = ? AND period = ? AND provider_id = ?
            ORDER BY batch
            """,
            [.text(program.rawValue), .text(period.description), .text(provider.rawValue)]
        ).map(Self.line(row:))
    }

    /// Every line of every batch, for reconciliation.
    public func allLines(in sql: some SQLExecuting) throws -> [EntitlementLine] {
        try sql.query("SELECT \(Self.lineColumns) FROM entitlement_lines", []).map(Self.line(row:))
    }

    /// How many lines of each status each batch has, for reconciliation.
    public func lineStatusCounts(in sql: some SQLExecuting) throws -> [(batch: String, status: String, count: Int64)] {
        try sql.query("SELECT batch, status, COUNT(*) AS n FROM entitlement_lines GROUP BY batch, status", []).map {
            row in (try row.value("batch"), try row.value("status"), try row.value("n"))
        }
    }

    public func insertLine(_ line: EntitlementLine, in sql: Transaction) throws {
        try sql.execute(
            """
            INSERT INTO entitlement_lines (\(Self.lineColumns), program, period)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(line.batch.description), .text(line.provider.rawValue), .text(line.providerType.rawValue),
                .text(line.tier), line.club.sqlText, .integer(line.scorecardRevision), .integer(line.rulebookVersion),
                .text(line.inputDigest), .text(line.status.rawValue), .integer(line.earned), .integer(line.carriedIn),
                .integer(line.deducted), .integer(line.payout), .integer(line.carryOut), .integer(line.traffic),
                .integer(line.clawback), .integer(line.trafficClawback),
                .text(line.explanation.joined(separator: "\n")), .text(line.batch.program.rawValue),
                .text(line.batch.period.description),
            ]
        )
    }

    public func saveLineStatus(_ line: EntitlementLine, in sql: Transaction) throws {
        try sql.execute(
            "UPDATE entitlement_lines SET status = ?, explanation = ? WHERE batch = ? AND provider_id = ?",
            [
                .text(line.status.rawValue), .text(line.explanation.joined(separator: "\n")),
                .text(line.batch.description), .text(line.provider.rawValue),
            ]
        )
    }

    private static func batch(row: Row) throws -> Batch {
        let id = try row.parsed("id") { (text) throws(InvalidRequest) in try BatchID(text) }
        var totals = BatchTotals()
        totals.lines = try row.value("lines")
        totals.cash = try row.value("cash")
        totals.traffic = try row.value("traffic")
        totals.clawback = try row.value("clawback")
        totals.trafficClawback = try row.value("traffic_clawback")
        totals.carried = try row.value("carried")
        var batch = Batch(
            id: id,
            kind: try row.enumeration("kind"),
            rulesVersion: try row.value("rules_version"),
            proposedBy: try row.value("proposed_by"),
            proposedAt: try row.timestamp("proposed_at"),
            expiresAt: try row.timestamp("expires_at"),
            totals: totals
        )
        batch.state = try row.enumeration("state")
        batch.approvedBy = try row.value("approved_by")
        batch.approvedAt = try row.timestampIfPresent("approved_at")
        batch.postableAt = try row.timestampIfPresent("postable_at")
        batch.closedBy = try row.value("closed_by")
        batch.closeReason = try row.value("close_reason")
        batch.closedAt = try row.timestampIfPresent("closed_at")
        batch.postedAt = try row.timestampIfPresent("posted_at")
        return batch
    }

    private static func line(row: Row) throws -> EntitlementLine {
        var line = EntitlementLine(
            batch: try row.parsed("batch") { (text) throws(InvalidRequest) in try BatchID(text) },
            provider: try row.parsed("provider_id") { (text) throws(IdentifierParseError) in try ProviderID(text) },
            providerType: try row.enumeration("provider_type"),
            tier: try row.value("tier"),
            club: try row.value("club"),
            scorecardRevision: try row.value("scorecard_revision"),
            rulebookVersion: try row.value("rulebook_version"),
            inputDigest: try row.value("input_digest"),
            status: try row.enumeration("status")
        )
        line.earned = try row.value("earned")
        line.carriedIn = try row.value("carried_in")
        line.deducted = try row.value("deducted")
        line.payout = try row.value("payout")
        line.carryOut = try row.value("carry_out")
        line.traffic = try row.value("traffic")
        line.clawback = try row.value("clawback")
        line.trafficClawback = try row.value("traffic_clawback")
        let explanation: String = try row.value("explanation")
        line.explanation = explanation.isEmpty ? [] : explanation.split(separator: "\n").map(String.init)
        return line
    }
}
