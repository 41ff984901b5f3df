import Testing
import WindMakerAssessment
import WindMakerKit

@Suite struct BindingSnapshotTests {
    private let first = try! ProviderID("prv_aaaaaaaaaaaaaaaa")
    private let second = try! ProviderID("prv_bbbbbbbbbbbbbbbb")
    private let merchant = try! ClientRef(kind: .merchant, id: "m_1")

    private func span(
        _ id: String,
        _ provider: ProviderID,
        _ scope: BindingScope,
        _ start: String,
        _ end: String?
    ) throws -> BindingSpan {
        BindingSpan(
            id: id,
            providerID: provider,
            client: self.merchant,
            scope: scope,
            dates: try DateRange(start: try CivilDate(start), end: try end.map { try CivilDate($0) })
        )
    }

    @Test func attributesByClientScopeAndDate() throws {
        let snapshot = BindingSnapshot([
            try self.span("b1", self.first, .storeOperation, "2021-07-01", "2021-08-15"),
            try self.span("b2", self.second, .storeOperation, "2021-08-16", nil),
            try self.span("b3", self.second, .advertising, "2021-07-01", nil),
            // An overlapping later binding (the registry would refuse it) wins over the earlier one.
            try self.span("b4", self.first, .advertising, "2021-09-01", "2021-09-30"),
        ])
        let index = AttributionIndex(snapshot, accountOf: [self.first: 0, self.second: 1])
        let merchant = ClientKey(kind: .merchant, id: "m_1")
        #expect(index.account(merchant, .storeOperation, try CivilDate("2021-08-15")) == 0)
        #expect(index.account(merchant, .storeOperation, try CivilDate("2021-08-16")) == 1)
        #expect(index.account(merchant, .storeOperation, try CivilDate("2021-06-30")) == nil)
        #expect(index.account(merchant, .supplyChain, try CivilDate("2021-08-01")) == nil)
        #expect(index.account(ClientKey(kind: .brand, id: "m_1"), .storeOperation, try CivilDate("2021-08-01")) == nil)
        #expect(index.account(merchant, .advertising, try CivilDate("2021-09-10")) == 0)
        #expect(index.account(merchant, .advertising, try CivilDate("2021-10-01")) == 1)
        // Bindings of providers not being scored attribute nothing.
        let onlySecond = AttributionIndex(snapshot, accountOf: [self.second: 0])
        #expect(onlySecond.account(merchant, .storeOperation, try CivilDate("2021-08-01")) == nil)
    }

    @Test func digestFollowsEveryBindingButNotTheirOrder() throws {
        let a = try self.span("b1", self.first, .storeOperation, "2021-07-01", "2021-08-15")
        let b = try self.span("b2", self.second, .storeOperation, "2021-08-16", nil)
        let changed = try self.span("b2", self.second, .storeOperation, "2021-08-17", nil)
        #expect(BindingSnapshot([a, b]).digest == BindingSnapshot([b, a]).digest)
        #expect(BindingSnapshot([a, b]).digest != BindingSnapshot([a, changed]).digest)
        #expect(BindingSnapshot([a, b]).digest != BindingSnapshot([a]).digest)
    }
}
