import Foundation
import Testing
import WindMakerAssessment
import WindMakerKit
import WindMakerStorage
import WindMakerTestSupport

@Suite struct IngestTests {
    private let rules = FactRules(programStart: try! CivilDate("2021-07-01"), today: try! CivilDate("2021-10-15"))
    private let now = Timestamp(microsecondsSinceEpoch: 1_634_000_000_000_000)

    private func assessment() throws -> Assessment {
        let database = try TestStore.serviceDatabase("assessment")
        try database.migrate(AssessmentSchema.migrations)
        return Assessment(database: database)
    }

    private func incoming(
        _ index: Int,
        id: String,
        date: String = "2021-09-01",
        metric: String = "PAID_GMV",
        value: Int64 = 100
    ) -> IncomingFact {
        let checked = Result { () throws(FactRejection) in
            try Fact(
                id: id,
                subjectKind: "MERCHANT",
                subjectID: "m_1",
                date: date,
                metric: metric,
                kind: "",
                value: value,
                rules: self.rules
            )
        }
        return IncomingFact(index: index, sentID: id, checked: checked)
    }

    @Test func countsEveryOutcomeAndReportsProblemsInOrder() async throws {
        let assessment = try self.assessment()
        let first = try await assessment.ingest(
            [self.incoming(0, id: "f1"), self.incoming(1, id: "f2")],
            receivedAt: self.now
        )
        #expect(first.accepted == 2)
        let second = try await assessment.ingest(
            [
                self.incoming(0, id: "f1"),  // same content: duplicate
                self.incoming(1, id: "f2", value: 999),  // different content: conflict
                self.incoming(2, id: "f3", value: -5),  // invalid: rejected
                self.incoming(3, id: "f4"),  // new
                self.incoming(4, id: "f4"),  // again in the same batch: duplicate
                self.incoming(5, id: "f5", metric: "PAID_GMV", value: 7),
                self.incoming(6, id: "f5", metric: "REFUNDS", value: 7),  // same id, other metric: conflict
            ],
            receivedAt: self.now
        )
        #expect(second.accepted == 2)
        #expect(second.duplicate == 2)
        #expect(second.conflict == 2)
        #expect(second.rejected == 1)
        #expect(second.problems.map(\.index) == [1, 2, 6])
        #expect(second.problems.map(\.kind) == [.conflict, .rejected, .conflict])
        #expect(second.problems[1].field == "value")
        let stored = try assessment.database.query("SELECT value FROM facts WHERE fact_id = 'f2'")
        #expect(stored.first?[0] == .integer(100))  // the conflict changed nothing
    }

    @Test func oneInvalidFactDoesNotSinkTheBatch() async throws {
        let assessment = try self.assessment()
        var batch = (0 ..< 10_000).map { self.incoming($0, id: "f\($0)") }
        batch[4_321] = self.incoming(4_321, id: "bad", date: "2031-01-01")
        let outcome = try await assessment.ingest(batch, receivedAt: self.now)
        #expect(outcome.accepted == 9_999)
        #expect(outcome.rejected == 1)
        #expect(outcome.problems.first?.index == 4_321)
        #expect(outcome.problems.first?.reason.contains("in the future") == true)
        #expect(try assessment.database.queryOne("SELECT COUNT(*) FROM facts")?[0] == .integer(9_999))
    }

    @Test func problemsAreCappedButCounted() async throws {
        let assessment = try self.assessment()
        let batch = (0 ..< 250).map { self.incoming($0, id: "f\($0)", metric: "NOPE") }
        let outcome = try await assessment.ingest(batch, receivedAt: self.now)
        #expect(outcome.rejected == 250)
        #expect(outcome.problems.count == IngestOutcome.reportedProblems)
    }

    @Test func factsForAFinalPeriodAreKeptAndReportedLate() async throws {
        let assessment = try self.assessment()
        try assessment.database.execute(
            """
            INSERT INTO periods (period, state, providers, attributed_facts, unattributed_facts, bindings, bindings_digest)
            VALUES ('2021-08', 'FINAL', 0, 0, 0, 0, '')
            """
        )
        let outcome = try await assessment.ingest(
            [self.incoming(0, id: "late", date: "2021-08-31"), self.incoming(1, id: "on-time", date: "2021-09-01")],
            receivedAt: self.now
        )
        #expect(outcome.accepted == 2)
        #expect(outcome.late == 1)
        #expect(try assessment.database.queryOne("SELECT late FROM facts WHERE fact_id = 'late'")?[0] == .integer(1))
        #expect(try assessment.database.queryOne("SELECT late FROM facts WHERE fact_id = 'on-time'")?[0] == .integer(0))
    }
}

@Suite struct RulebookPublishingTests {
    private let now = Timestamp(microsecondsSinceEpoch: 1_634_000_000_000_000)

    private func assessment() throws -> Assessment {
        let database = try TestStore.serviceDatabase("assessment")
        try database.migrate(AssessmentSchema.migrations)
        return Assessment(database: database)
    }

    @Test func defaultIsPublishedOnceAsVersionOne() throws {
        let assessment = try self.assessment()
        let first = try assessment.publishDefaultRulebookIfNone(effectiveFrom: try PeriodID("2021-07"), at: self.now)
        let again = try assessment.publishDefaultRulebookIfNone(effectiveFrom: try PeriodID("2022-01"), at: self.now)
        #expect(first.version == 1 && again == first)
        #expect(first.digest == SHA256.hash(String(decoding: Rulebook.defaultDocument, as: UTF8.self)).hex)
    }

    @Test func publishingAddsVersionsAndInvalidDocumentsListEveryViolation() async throws {
        let assessment = try self.assessment()
        try assessment.publishDefaultRulebookIfNone(effectiveFrom: try PeriodID("2021-07"), at: self.now)
        let document = String(decoding: Rulebook.defaultDocument, as: UTF8.self)
        let second = try await assessment.publishRulebook(
            document: document.replacingOccurrences(of: "\"window_months\": 3", with: "\"window_months\": 6"),
            effectiveFrom: try PeriodID("2021-10"),
            actor: "spiffe://windmaker/operator/alice",
            at: self.now
        )
        #expect(second.version == 2 && second.rulebook.windowMonths == 6)
        #expect(try assessment.rulebook(version: nil).version == 2)
        #expect(try assessment.rulebook(version: 1).rulebook.windowMonths == 3)
        await #expect(throws: AssessmentError.self) {
            try await assessment.publishRulebook(
                document: document.replacingOccurrences(of: "\"window_months\": 3", with: "\"window_months\": 0")
                    .replacingOccurrences(of: "\"minimum\": 70", with: "\"minimum\": 99"),
                effectiveFrom: try PeriodID("2021-11"),
                actor: "alice",
                at: self.now
            )
        }
        do {
            _ = try await assessment.publishRulebook(
                document: "{",
                effectiveFrom: try PeriodID("2021-11"),
                actor: "a",
                at: self.now
            )
        } catch let error as AssessmentError {
            #expect(error.fieldViolations?.first?.description.contains("invalid JSON") == true)
        }
        #expect(throws: AssessmentError.notFound(what: "rulebook version 9")) { try assessment.rulebook(version: 9) }
        #expect(try assessment.rulebook(version: nil).version == 2)  // the refused ones stored nothing
    }
}

@Suite struct IngestReportTests {
    @Test func problemsDoNotEchoHugeInput() async throws {
        let database = try TestStore.serviceDatabase("assessment")
        try database.migrate(AssessmentSchema.migrations)
        let assessment = Assessment(database: database)
        let rules = FactRules(programStart: try CivilDate("2021-07-01"), today: try CivilDate("2021-10-15"))
        let huge = String(repeating: "s", count: 3_000_000)
        let checked = Result { () throws(FactRejection) in
            try Fact(
                id: huge,
                subjectKind: "MERCHANT",
                subjectID: huge,
                date: "2021-09-01",
                metric: "ORDERS",
                kind: "",
                value: 1,
                rules: rules
            )
        }
        let outcome = try await assessment.ingest(
            [IncomingFact(index: 0, sentID: huge, checked: checked)],
            receivedAt: Timestamp(microsecondsSinceEpoch: 0)
        )
        let problem = try #require(outcome.problems.first)
        #expect(problem.factID.count < 260 && problem.reason.count < 260)
        #expect(problem.factID.hasSuffix("… (3000000 bytes)"))
    }
}
