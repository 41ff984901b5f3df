import Testing
import WindMakerKit
import WindMakerRegistry

@Suite struct BindingsInForceTests {
    @Test func returnsConfirmedBindingsOverlappingTheRangeInIDOrder() throws {
        let harness = try RegistryHarness()
        let first = try harness.active(1)
        let second = try harness.active(2)
        let before = try harness.binding(
            first,
            client: try ClientRef(kind: .merchant, id: "m1"),
            "2021-01-01",
            "2021-06-30"
        )
        let during = try harness.binding(first, client: try ClientRef(kind: .merchant, id: "m2"), "2021-06-01", nil)
        let later = try harness.binding(
            second,
            client: try ClientRef(kind: .brand, id: "b1"),
            "2021-09-30",
            "2021-12-31"
        )
        _ = try harness.binding(
            second,
            client: try ClientRef(kind: .brand, id: "b2"),
            "2021-08-01",
            nil,
            confirm: false
        )
        let ended = try harness.binding(second, client: try ClientRef(kind: .brand, id: "b3"), "2021-01-01", nil)
        _ = try harness.registry.endBinding(
            ended.id,
            on: try CivilDate("2021-06-15"),
            expectedVersion: ended.version,
            actor: Fixtures.operatorID,
            at: Fixtures.now
        )
        let found = try harness.registry.bindingsInForce(
            from: try CivilDate("2021-07-01"),
            through: try CivilDate("2021-09-30"),
            after: nil,
            limit: 10
        )
        #expect(found.map(\.id) == [during.id, later.id].sorted())
        #expect(!found.contains { $0.id == before.id })  // ended its range before the window
        let paged = try harness.registry.bindingsInForce(
            from: try CivilDate("2021-01-01"),
            through: try CivilDate("2021-12-31"),
            after: nil,
            limit: 2
        )
        let rest = try harness.registry.bindingsInForce(
            from: try CivilDate("2021-01-01"),
            through: try CivilDate("2021-12-31"),
            after: paged.last?.id,
            limit: 10
        )
        #expect((paged + rest).map(\.id) == [before.id, during.id, later.id, ended.id].sorted())
    }
}
