import Testing
import WindMakerKit
import WindMakerRegistry

/// A request with a problem in every one of many elements gets a short answer, found without looking at every one.
@Suite struct ViolationLimitTests {
    /// 450,000 categories are one problem, their count, and no element is checked: none of the empty ones is named.
    @Test func tooManyCategoriesIsOneViolationFoundBeforeAnyCategoryIsChecked() {
        var application = Fixtures.application()
        application.categories = Array(repeating: "", count: 450_000)
        #expect(
            application.validate() == [
                FieldViolation(field: "categories", description: "at most 50 categories, found 450000")
            ]
        )
    }

    /// Version 0 (or less) was never read from anywhere: a malformed request, not a stale one to read again.
    @Test(arguments: [0, -1, Int64.min])
    func aVersionBelowOneIsInvalidArgumentNotStale(version: Int64) throws {
        let harness = try RegistryHarness()
        let provider = try harness.applied(1)
        let expected = RegistryError.invalidArgument([
            FieldViolation(field: "expected_version", description: "version must be at least 1, found \(version)")
        ])
        let transition = #expect(throws: RegistryError.self) {
            try harness.registry.transition(
                .approve,
                providerID: provider.id,
                expectedVersion: version,
                reason: nil,
                actor: Fixtures.operatorID,
                at: Fixtures.now
            )
        }
        #expect(transition == expected)
        let active = try harness.active(2)
        let binding = try harness.binding(active, "2025-01-01", nil, confirm: false)
        let confirm = #expect(throws: RegistryError.self) {
            try harness.registry.confirmBinding(
                binding.id,
                expectedVersion: version,
                actor: RegistryHarness.clientActor,
                at: Fixtures.now
            )
        }
        #expect(confirm == expected)
        let end = #expect(throws: RegistryError.self) {
            try harness.registry.endBinding(
                binding.id,
                on: Fixtures.date("2025-02-01"),
                expectedVersion: version,
                actor: Fixtures.operatorID,
                at: Fixtures.now
            )
        }
        #expect(end == expected)
    }
}
