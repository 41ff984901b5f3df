import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerRegistry

/// A request with a problem in every one of many elements gets a short answer, found without looking at every one.
@Suite struct ViolationLimitTests {
    static func violations(_ count: Int) -> [FieldViolation] {
        (0 ..< count).map { FieldViolation(field: "categories[\($0)]", description: "must not be empty") }
    }

    @Test(arguments: [0, 1, 99, 100])
    func upToTheMaximumEveryViolationIsReported(count: Int) {
        #expect(FieldViolation.capped(Self.violations(count)) == Self.violations(count))
    }

    @Test func pastTheMaximumTheFirstHundredAreReportedThenHowManyMore() {
        let capped = FieldViolation.capped(Self.violations(10_000))
        #expect(capped.count == 101)
        #expect(Array(capped.prefix(100)) == Self.violations(100))
        #expect(capped.last == FieldViolation(field: "", description: "and 9900 more violations"))
        #expect(FieldViolation.capped(Self.violations(101)).last?.description == "and 1 more violation")
    }

    /// The status carries the capped list, in the message and in the BadRequest detail.
    @Test func theStatusOfManyViolationsIsCapped() throws {
        let status = RegistryError.invalidArgument(Self.violations(450_000)).rpcError
        let detail = try #require(status.details.first)
        let decoded = try RPCV1.BadRequest(serializedBytes: detail.value)
        #expect(decoded.violations.count == 101)
        #expect(decoded.violations.last?.description == "and 449900 more violations")
        #expect(status.message.hasSuffix("categories[99]: must not be empty; and 449900 more violations"))
        #expect(status.message.utf8.count < 5_000)
    }

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
        #expect(transition?.rpcError.code == .invalidArgument)
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
