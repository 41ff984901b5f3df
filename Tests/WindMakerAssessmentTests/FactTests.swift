import Testing
import WindMakerAssessment
import WindMakerKit

@Suite struct FactTests {
    private let rules = FactRules(programStart: try! CivilDate("2021-07-01"), today: try! CivilDate("2021-10-15"))

    private func fact(
        id: String = "f-1",
        kind subjectKind: String = "MERCHANT",
        subject: String = "m_1",
        date: String = "2021-09-01",
        metric: String = "PAID_GMV",
        violation: String = "",
        value: Int64 = 100
    ) throws(FactRejection) -> Fact {
        try Fact(
            id: id,
            subjectKind: subjectKind,
            subjectID: subject,
            date: date,
            metric: metric,
            kind: violation,
            value: value,
            rules: self.rules
        )
    }

    @Test func validFactsAreAccepted() throws {
        let client = try self.fact()
        #expect(client.subject == .client(try ClientRef(kind: .merchant, id: "m_1")))
        let provider = try self.fact(
            kind: "PROVIDER",
            subject: "prv_aaaaaaaaaaaaaaaa",
            metric: "VIOLATIONS",
            violation: "FAKE_ORDER",
            value: 1
        )
        #expect(provider.violationKind == .fakeOrder)
        #expect(try self.fact(date: "2021-10-15").date == (try CivilDate("2021-10-15")))
    }

    @Test(arguments: [
        ("id", "", "MERCHANT", "m_1", "2021-09-01", "PAID_GMV", "", Int64(1), "1 to 64 characters"),
        ("id", "f 1", "MERCHANT", "m_1", "2021-09-01", "PAID_GMV", "", 1, "invalid character at position 2"),
        ("subject.kind", "f", "SHOP", "m_1", "2021-09-01", "PAID_GMV", "", 1, "unknown subject kind"),
        ("subject.id", "f", "MERCHANT", "m 1", "2021-09-01", "PAID_GMV", "", 1, "invalid client id"),
        ("subject.id", "f", "PROVIDER", "prv_x", "2021-09-01", "PAID_GMV", "", 1, "provider id"),
        ("date", "f", "MERCHANT", "m_1", "2021-9-1", "PAID_GMV", "", 1, "expected YYYY-MM-DD"),
        ("date", "f", "MERCHANT", "m_1", "2021-10-16", "PAID_GMV", "", 1, "in the future"),
        ("date", "f", "MERCHANT", "m_1", "2021-06-30", "PAID_GMV", "", 1, "before the program started"),
        ("metric", "f", "MERCHANT", "m_1", "2021-09-01", "GMV", "", 1, "unknown metric"),
        ("kind", "f", "MERCHANT", "m_1", "2021-09-01", "VIOLATIONS", "", 1, "needs a kind"),
        ("kind", "f", "MERCHANT", "m_1", "2021-09-01", "ORDERS", "OTHER", 1, "only a VIOLATIONS fact"),
        ("value", "f", "MERCHANT", "m_1", "2021-09-01", "PAID_GMV", "", -1, "must not be negative"),
        ("value", "f", "MERCHANT", "m_1", "2021-09-01", "LIVE_MINUTES", "", 1_441, "at most 1440"),
    ])
    func invalidFactsNameTheField(
        field: String,
        id: String,
        kind: String,
        subject: String,
        date: String,
        metric: String,
        violation: String,
        value: Int64,
        reason: String
    ) {
        #expect {
            try self.fact(
                id: id,
                kind: kind,
                subject: subject,
                date: date,
                metric: metric,
                violation: violation,
                value: value
            )
        } throws: { error in
            guard let rejection = error as? FactRejection else { return false }
            return rejection.field == field && rejection.reason.contains(reason)
        }
    }

    @Test func sameContentIsADuplicateAndAnyDifferenceAConflict() throws {
        let original = try self.fact()
        #expect(original.hasSameContent(as: try self.fact()))
        #expect(!original.hasSameContent(as: try self.fact(value: 101)))
        #expect(!original.hasSameContent(as: try self.fact(date: "2021-09-02")))
        #expect(!original.hasSameContent(as: try self.fact(kind: "BRAND")))
    }

    @Test func everyMetricHasAScopeUnitAndBound() {
        for metric in Metric.allCases {
            #expect(metric.dailyMaximum > 0)
        }
        #expect(Metric.paidGMV.unit == .fen && Metric.paidGMV.scope == .storeOperation)
        #expect(Metric.adSpend.scope == .advertising)
        #expect(Metric.skusSold.scope == .supplyChain)
        #expect(Metric.liveMinutes.scope == .liveStreamOperation)
    }
}
