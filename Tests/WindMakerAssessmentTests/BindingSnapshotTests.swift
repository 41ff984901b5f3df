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
        ])
        #expect(
            snapshot.provider(for: self.merchant, scope: .storeOperation, on: try CivilDate("2021-08-15")) == self.first
        )
        #expect(
            snapshot.provider(for: self.merchant, scope: .storeOperation, on: try CivilDate("2021-08-16"))
                == self.second
        )
        #expect(snapshot.provider(for: self.merchant, scope: .storeOperation, on: try CivilDate("2021-06-30")) == nil)
        #expect(snapshot.provider(for: self.merchant, scope: .supplyChain, on: try CivilDate("2021-08-01")) == nil)
        #expect(
            snapshot.provider(
                for: try ClientRef(kind: .brand, id: "m_1"),
                scope: .storeOperation,
                on: try CivilDate("2021-08-01")
            ) == nil
        )
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
