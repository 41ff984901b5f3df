import BenchmarkSupport
import Foundation
import WindMakerAssessment
import WindMakerKit
import WindMakerPostgres
import WindMakerStorage

/// Fills a temp-file assessment database with the synthetic facts (bulk transactions, not measured), then measures
/// computing period 2021-09 for every provider (facts read, attributed through the binding snapshot, scored, ranked
/// and stored) and a dry run of the default rulebook with the tiers lowered against it.
struct ComputeCase {
    let data: BenchData
    let directory: URL
    /// A PostgreSQL database instead of a SQLite file (schema `compute_bench`, apart from the ingest case's).
    var store: String?

    func run(dryRun: Bool) async throws -> [String] {
        let database: any Database =
            if let store = self.store {
                try PostgresDatabase(url: store, schema: "compute_bench")
            } else {
                try SQLiteDatabase(path: self.directory.appendingPathComponent("assessment.sqlite").path)
            }
        defer { database.close() }
        try database.migrate(AssessmentSchema.migrations)
        let assessment = Assessment(database: database)
        let now = Timestamp(microsecondsSinceEpoch: 1_633_017_600_000_000)
        try assessment.publishDefaultRulebookIfNone(effectiveFrom: try PeriodID("2021-07"), at: now)
        let setupStart = ContinuousClock.now
        try self.fill(database)
        FileHandle.standardError.write(
            Data("setup: \(self.data.facts) facts stored in \(ContinuousClock.now - setupStart)\n".utf8)
        )
        let providers = self.data.providerList
        var lines: [String] = []

        PeakMemory.reset()
        let before = PeakMemory.currentMiB
        let bindings = self.data.bindings
        let start = ContinuousClock.now
        let snapshot = BindingSnapshot(bindings)
        let snapshotDone = ContinuousClock.now
        let prepared = try assessment.prepareComputation(
            period: BenchData.period,
            providers: providers,
            snapshot: snapshot,
            at: now
        )
        let scored = ContinuousClock.now
        let record = try await assessment.store(prepared, actor: "bench")
        let seconds = Self.seconds(ContinuousClock.now - start)
        let phases =
            "\"snapshot_seconds\":\(String(format: "%.2f", Self.seconds(snapshotDone - start))),"
            + "\"scoring_seconds\":\(String(format: "%.2f", Self.seconds(scored - snapshotDone))),"
            + "\"storing_seconds\":\(String(format: "%.2f", Self.seconds(ContinuousClock.now - scored))),"
        lines.append(
            "{\"case\":\"compute\",\"store\":\"\(self.store == nil ? "sqlite" : "postgres")\",\"providers\":\(providers.count),\"facts\":\(self.data.facts),"
                + "\"bindings\":\(snapshot.count),\"attributed\":\(record.summary.attributedFacts),"
                + phases
                + "\"seconds\":\(String(format: "%.2f", seconds)),\"peak_rss_mib\":\(String(format: "%.0f", PeakMemory.peakMiB)),"
                + "\"rss_before_mib\":\(String(format: "%.0f", before))}"
        )
        if dryRun {
            let draft = String(decoding: Rulebook.defaultDocument, as: UTF8.self)
                .replacingOccurrences(of: "\"minimum\": 55", with: "\"minimum\": 30")
            PeakMemory.reset()
            let dryStart = ContinuousClock.now
            let report = try assessment.dryRun(
                period: BenchData.period,
                draft: draft,
                providers: providers,
                snapshot: BindingSnapshot(self.data.bindings),
                at: now
            )
            let drySeconds = Self.seconds(ContinuousClock.now - dryStart)
            let moved = report.summary.values.reduce(0) { $0 + $1.tierUp + $1.tierDown }
            lines.append(
                "{\"case\":\"dry_run\",\"providers\":\(providers.count),\"facts\":\(self.data.facts),"
                    + "\"tier_moves\":\(moved),\"seconds\":\(String(format: "%.2f", drySeconds)),"
                    + "\"peak_rss_mib\":\(String(format: "%.0f", PeakMemory.peakMiB))}"
            )
        }
        return lines
    }

    /// Inserts the facts in transactions of 50,000, straight through the store (the ingest path is measured by the
    /// ingest case).
    private func fill(_ database: any Database) throws {
        let store = SQLiteAssessmentStore()
        let rules = FactRules(programStart: try CivilDate("2021-01-01"), today: try CivilDate("2021-12-31"))
        let received = Timestamp(microsecondsSinceEpoch: 0)
        var index = 0
        while index < self.data.facts {
            let end = min(index + 50_000, self.data.facts)
            try database.transaction { sql in
                for number in index ..< end {
                    let raw = self.data.fact(number)
                    let fact = try Fact(
                        id: raw.id,
                        subjectKind: raw.kind,
                        subjectID: raw.subject,
                        date: raw.date.description,
                        metric: raw.metric.rawValue,
                        kind: raw.violation,
                        value: raw.value,
                        rules: rules
                    )
                    _ = try store.insertFact(fact, late: false, receivedAt: received, in: sql)
                }
            }
            index = end
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
