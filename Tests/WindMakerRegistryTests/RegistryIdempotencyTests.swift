import Testing
import WindMakerKit
import WindMakerRegistry
import WindMakerStoreKit

/// The kit's idempotency keys on the registry's operations: the key and the change commit in one write.

@Suite struct RegistryIdempotencyTests {
    static let method = "windmaker.registry.v1.Registry/Apply"

    func key(_ key: String = "retry-1", request: [UInt8] = [1, 2, 3]) throws -> IdempotencyKey {
        try IdempotencyKey(caller: Fixtures.portalID, key: key, method: Self.method, request: request)
    }

    func apply(
        _ harness: RegistryHarness,
        key: IdempotencyKey?,
        number: Int
    ) async throws -> IdempotentOutcome<Provider> {
        let registry = harness.registry
        let application = RegistryHarness.application(number)
        return try await registry.database.idempotent(
            key,
            at: Fixtures.now,
            encode: { Array($0.id.rawValue.utf8) },
            { sql in try registry.apply(application, actor: Fixtures.portalID, at: Fixtures.now, in: sql) }
        )
    }

    @Test func aRetryReplaysTheFirstResponseAndChangesNothing() async throws {
        let harness = try RegistryHarness()
        let first = try await self.apply(harness, key: self.key(), number: 1)
        guard case .performed(let provider) = first else {
            Issue.record("not performed")
            return
        }
        let counts = try harness.rowCounts()
        #expect(counts["idempotency_keys"] == 1)
        // The retry would create another provider if it ran (a fresh credit code), so any change shows.
        let retry = try await self.apply(harness, key: self.key(), number: 2)
        guard case .replayed(let response) = retry else {
            Issue.record("not replayed")
            return
        }
        #expect(response == Array(provider.id.rawValue.utf8))
        #expect(try harness.rowCounts() == counts)
    }

    @Test func withoutAKeyTheOperationJustRuns() async throws {
        let harness = try RegistryHarness()
        guard case .performed = try await self.apply(harness, key: nil, number: 1) else {
            Issue.record("not performed")
            return
        }
        #expect(try harness.rowCounts()["providers"] == 1)
        #expect(try harness.rowCounts()["idempotency_keys"] == 0)
    }

    @Test func theSameKeyForADifferentRequestIsRefused() async throws {
        let harness = try RegistryHarness()
        _ = try await self.apply(harness, key: self.key(), number: 1)
        let counts = try harness.rowCounts()
        let error = await #expect(throws: InvalidRequest.self) {
            try await self.apply(harness, key: self.key(request: [9]), number: 2)
        }
        let violations = error?.violations ?? []
        #expect(violations.map(\.field) == ["idempotency-key"])
        #expect(violations.first?.description.contains("was used for a different request") == true)
        #expect(try harness.rowCounts() == counts)
    }

    @Test func aFailedOperationStoresNoKeySoARetryRunsAgain() async throws {
        let harness = try RegistryHarness()
        _ = try harness.applied(1)
        await #expect(throws: RegistryError.self) { try await self.apply(harness, key: self.key(), number: 1) }
        #expect(try harness.rowCounts()["idempotency_keys"] == 0)
    }

    @Test func keysArePerCaller() async throws {
        let harness = try RegistryHarness()
        _ = try await self.apply(harness, key: self.key(), number: 1)
        let other = try IdempotencyKey(
            caller: Fixtures.operatorID,
            key: "retry-1",
            method: Self.method,
            request: [1, 2, 3]
        )
        guard case .performed = try await self.apply(harness, key: other, number: 2) else {
            Issue.record("replayed")
            return
        }
    }

    @Test(arguments: ["", String(repeating: "k", count: 129), "tab\there", "ключ"])
    func malformedKeysAreRefusedNamingTheHeader(key: String) throws {
        let error = #expect(throws: InvalidRequest.self) { try self.key(key) }
        #expect(error?.violations.map(\.field) == ["idempotency-key"])
    }

    @Test func aKeyOf128PrintableCharactersIsAccepted() throws {
        _ = try self.key(String(repeating: "~", count: 128))
    }
}
