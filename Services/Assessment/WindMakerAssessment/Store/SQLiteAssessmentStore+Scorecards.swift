public import WindMakerKit
public import WindMakerStorage
import WindMakerStoreKit

extension SQLiteAssessmentStore {
    private static let scorecardColumns = """
        period, provider_id, revision, provider_type, type_rank, rulebook_version, input_digest, breakdown, created_at
        """

    public func replaceScorecards(
        _ scorecards: [Scorecard],
        of period: PeriodID,
        in sql: Transaction
    ) throws(StorageError) {
        try sql.execute("DELETE FROM scorecards WHERE period = ?", [.text(period.description)])
        for scorecard in scorecards {
            try self.insert(scorecard, in: sql)
        }
    }

    public func insertRevision(_ scorecard: Scorecard, in sql: Transaction) throws(StorageError) {
        try sql.execute(
            "UPDATE scorecards SET is_current = 0 WHERE period = ? AND provider_id = ?",
            [.text(scorecard.period.description), .text(scorecard.providerID.rawValue)]
        )
        try self.insert(scorecard, in: sql)
    }

    private func insert(_ scorecard: Scorecard, in sql: Transaction) throws(StorageError) {
        let score = scorecard.score
        try sql.execute(
            """
            INSERT INTO scorecards (period, provider_id, revision, is_current, provider_type, composite, tier, club,
                type_rank, disqualified, rulebook_version, input_digest, breakdown, created_at, club_gmv)
            VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(scorecard.period.description), .text(score.providerID.rawValue),
                .integer(Int64(scorecard.revision)),
                .text(score.providerType.rawValue), .integer(score.composite), .text(score.tier),
                score.club.map(SQLValue.text) ?? .null, scorecard.rank.map { .integer(Int64($0)) } ?? .null,
                .integer(score.disqualified ? 1 : 0), .integer(Int64(scorecard.rulebookVersion)),
                .text(scorecard.inputDigest), .text(score.breakdownText), scorecard.createdAt.sqlValue,
                .integer(score.clubGMV),
            ]
        )
    }

    public func setRank(_ rank: Int?, period: PeriodID, provider: ProviderID, in sql: Transaction) throws(StorageError)
    {
        try sql.execute(
            "UPDATE scorecards SET type_rank = ? WHERE period = ? AND provider_id = ? AND is_current = 1",
            [rank.map { .integer(Int64($0)) } ?? .null, .text(period.description), .text(provider.rawValue)]
        )
    }

    public func scorecard(
        period: PeriodID,
        provider: ProviderID,
        revision: Int?,
        in sql: some SQLExecuting
    ) throws(StorageError) -> Scorecard? {
        let which = revision.map { SQLValue.integer(Int64($0)) }
        return try sql.queryOne(
            "SELECT \(Self.scorecardColumns) FROM scorecards WHERE period = ? AND provider_id = ? AND "
                + (which == nil ? "is_current = 1" : "revision = ?"),
            [.text(period.description), .text(provider.rawValue)] + (which.map { [$0] } ?? [])
        ).map(Self.scorecard(row:))
    }

    public func scorecardHistory(
        period: PeriodID,
        provider: ProviderID,
        in sql: some SQLExecuting
    ) throws(StorageError) -> [Scorecard] {
        try sql.query(
            "SELECT \(Self.scorecardColumns) FROM scorecards WHERE period = ? AND provider_id = ? ORDER BY revision",
            [.text(period.description), .text(provider.rawValue)]
        ).map(Self.scorecard(row:))
    }

    public func currentScorecards(
        period: PeriodID,
        type: ProviderType?,
        in sql: some SQLExecuting
    ) throws(StorageError) -> [Scorecard] {
        var arguments: [SQLValue] = [.text(period.description)]
        if let type { arguments.append(.text(type.rawValue)) }
        return try sql.query(
            "SELECT \(Self.scorecardColumns) FROM scorecards WHERE period = ? AND is_current = 1"
                + (type == nil ? "" : " AND provider_type = ?") + " ORDER BY provider_id",
            arguments
        ).map(Self.scorecard(row:))
    }

    public func currentScorecards(
        period: PeriodID,
        after: ProviderID?,
        limit: Int,
        in sql: some SQLExecuting
    ) throws(StorageError) -> [Scorecard] {
        try sql.query(
            """
            SELECT \(Self.scorecardColumns) FROM scorecards
            WHERE period = ? AND is_current = 1 AND provider_id > ?
            ORDER BY provider_id LIMIT ?
            """,
            [.text(period.description), .text(after?.rawValue ?? ""), .integer(Int64(limit))]
        ).map(Self.scorecard(row:))
    }

    public func rankings(
        period: PeriodID,
        type: ProviderType,
        after: Int,
        limit: Int,
        in sql: some SQLExecuting
    ) throws(StorageError) -> [Scorecard] {
        try sql.query(
            """
            SELECT \(Self.scorecardColumns) FROM scorecards
            WHERE period = ? AND is_current = 1 AND provider_type = ? AND type_rank > ?
            ORDER BY type_rank LIMIT ?
            """,
            [.text(period.description), .text(type.rawValue), .integer(Int64(after)), .integer(Int64(limit))]
        ).map(Self.scorecard(row:))
    }

    public func outcomes(period: PeriodID, in sql: some SQLExecuting) throws(StorageError) -> [ScorecardOutcome] {
        try sql.query(
            """
            SELECT provider_id, provider_type, composite, tier, club, club_gmv,
                CASE WHEN revision > 1 THEN breakdown ELSE NULL END AS revised
            FROM scorecards WHERE period = ? AND is_current = 1 ORDER BY provider_id
            """,
            [.text(period.description)]
        ).map { (row) throws(StorageError) in
            let providerID = try row.parsed("provider_id") { (text) throws(IdentifierParseError) in try ProviderID(text)
            }
            let providerType: ProviderType = try row.enumeration("provider_type")
            // Only a revision (an upheld appeal) can carry overrides; reading them needs the breakdown.
            let overrides = try row.value("revised", as: String?.self).map { (text) throws(StorageError) in
                try Score(providerID: providerID, providerType: providerType, breakdown: text).overrides
            }
            return ScorecardOutcome(
                providerID: providerID,
                providerType: providerType,
                composite: try row.value("composite"),
                tier: try row.value("tier"),
                club: try row.value("club"),
                clubGMV: try row.value("club_gmv"),
                overrides: overrides ?? []
            )
        }
    }

    private static func scorecard(row: Row) throws(StorageError) -> Scorecard {
        let providerID = try row.parsed("provider_id") { (text) throws(IdentifierParseError) in try ProviderID(text) }
        return Scorecard(
            period: try row.parsed("period") { (text) throws(InvalidRequest) in try PeriodID(text) },
            revision: Int(try row.value("revision", as: Int64.self)),
            score: try Score(
                providerID: providerID,
                providerType: try row.enumeration("provider_type"),
                breakdown: try row.value("breakdown")
            ),
            rank: try row.value("type_rank", as: Int64?.self).map(Int.init),
            rulebookVersion: Int(try row.value("rulebook_version", as: Int64.self)),
            inputDigest: try row.value("input_digest"),
            createdAt: try row.timestamp("created_at")
        )
    }
}
