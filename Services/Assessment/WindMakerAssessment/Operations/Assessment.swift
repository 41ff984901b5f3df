public import WindMakerKit
public import WindMakerStorage

/// The assessment's operations over its store: ingest, rulebooks, periods, scorecards and appeals.
///
/// It reads no clock of its own: callers pass the time and the actor. Writes go through ``Database/write(_:)``, so
/// each operation is atomic and durable when it returns, and concurrent operations share commits.
public final class Assessment: Sendable {
    public let database: any Database
    let store: SQLiteAssessmentStore

    /// The named lock (``Transaction/lock(_:)``) every change to a period, an appeal, a late revision or the
    /// rulebooks takes first: these are an operator's occasional decisions, so one lock for all of them costs nothing
    /// and lets each decide on what it read without another instance changing it meanwhile. Ingest takes none: a
    /// fact's insert settles duplicates itself (`ON CONFLICT`).
    static let changeLock = "period state"

    public init(database: any Database, store: SQLiteAssessmentStore = SQLiteAssessmentStore()) {
        self.database = database
        self.store = store
    }

    /// Stores the valid facts of one ingest batch in one write, each fact id its own idempotency key, and counts
    /// what happened to every fact.
    ///
    /// A fact whose id is stored with the same content is a duplicate (nothing changes), with other content a
    /// conflict (not applied); a fact dated in a month whose period is FINAL is stored and counted as late. Returns
    /// once the batch is durable.
    public func ingest(_ facts: [IncomingFact], receivedAt: Timestamp) async throws -> IngestOutcome {
        let store = self.store
        return try await self.database.write { sql in
            var outcome = IngestOutcome()
            let finalPeriods = try store.finalPeriods(in: sql)
            for incoming in facts {
                let fact: Fact
                switch incoming.checked {
                case .failure(let rejection):
                    outcome.report(
                        FactProblem(
                            kind: .rejected,
                            index: incoming.index,
                            factID: incoming.sentID,
                            field: rejection.field,
                            reason: rejection.reason
                        )
                    )
                    continue
                case .success(let valid):
                    fact = valid
                }
                let late = finalPeriods.contains(PeriodID(containing: fact.date))
                if try store.insertFact(fact, late: late, receivedAt: receivedAt, in: sql) {
                    outcome.accepted += 1
                    if late { outcome.late += 1 }
                } else if let existing = try store.fact(fact.id, in: sql), existing.hasSameContent(as: fact) {
                    outcome.duplicate += 1
                } else {
                    outcome.report(
                        FactProblem(
                            kind: .conflict,
                            index: incoming.index,
                            factID: incoming.sentID,
                            field: "id",
                            reason: "fact \(fact.id) is already stored with different content; send a new id to "
                                + "correct a figure"
                        )
                    )
                }
            }
            return outcome
        }
    }

    /// Publishes `document` as the next rulebook version, effective from `effectiveFrom`. Scorecards already
    /// computed keep the version they were computed under.
    /// - Throws: ``AssessmentError/invalidArgument(_:)`` listing every violation by its path in the document.
    public func publishRulebook(
        document: String,
        effectiveFrom: PeriodID,
        actor: String,
        at time: Timestamp
    ) async throws -> RulebookRecord {
        // Validated before the write is queued, so a large invalid document never holds up other writes.
        _ = try AssessmentError.checking { () throws(InvalidRequest) in try Rulebook.read(Array(document.utf8)) }
        return try await self.database.write { sql in
            try self.publishRulebook(document: document, effectiveFrom: effectiveFrom, actor: actor, at: time, in: sql)
        }
    }

    /// ``publishRulebook(document:effectiveFrom:actor:at:)`` inside the caller's write.
    public func publishRulebook(
        document: String,
        effectiveFrom: PeriodID,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> RulebookRecord {
        try sql.lock(Assessment.changeLock)
        let store = self.store
        let version = (try store.latestRulebookVersion(in: sql) ?? 0) + 1
        let record = try AssessmentError.checking { () throws(InvalidRequest) in
            try RulebookRecord(
                version: version,
                effectiveFrom: effectiveFrom,
                document: document,
                publishedBy: actor,
                publishedAt: time
            )
        }
        try store.insertRulebook(record, in: sql)
        return record
    }

    /// Publishes the program's default rulebook as version 1 when none is published yet (a server's first start).
    /// - Returns: the version-1 record, new or already there.
    @discardableResult
    public func publishDefaultRulebookIfNone(effectiveFrom: PeriodID, at time: Timestamp) throws -> RulebookRecord {
        let store = self.store
        return try self.database.transaction { sql in
            try sql.lock(Assessment.changeLock)
            if let existing = try store.rulebook(version: 1, in: sql) { return existing }
            let record = try RulebookRecord(
                version: 1,
                effectiveFrom: effectiveFrom,
                document: String(decoding: Rulebook.defaultDocument, as: UTF8.self),
                publishedBy: "default",
                publishedAt: time
            )
            try store.insertRulebook(record, in: sql)
            return record
        }
    }

    /// The rulebook of `version`, or the newest when `version` is `nil`.
    /// - Throws: ``AssessmentError/notFound(what:)``.
    public func rulebook(version: Int?) throws -> RulebookRecord {
        let store = self.store
        let record = try self.database.transaction { sql in
            guard let version = try version ?? store.latestRulebookVersion(in: sql) else {
                return nil as RulebookRecord?
            }
            return try store.rulebook(version: version, in: sql)
        }
        guard let record else {
            throw AssessmentError.notFound(what: version.map { "rulebook version \($0)" } ?? "a published rulebook")
        }
        return record
    }
}
