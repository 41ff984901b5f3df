import Foundation
import Synchronization
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// A reply means the change is on disk: SIGKILL right after acknowledged writes, or in the middle of concurrent
/// group commits, loses none of them.
///
/// SIGKILL alone cannot tell a synced commit from one still in the page cache (the kernel keeps the cache when the
/// process dies), so these tests would pass with `synchronous=OFF` too. What makes them able to fail is that the
/// server logs the `synchronous` level read back from its own committing connection (`Database.durabilitySettings`)
/// right after opening it, and each test requires that line to say `full`: switching the server to `OFF` or `NORMAL`,
/// wherever in the code, changes what the connection reports.
@Suite struct RegistryDurabilityTests {
    /// Starts a server and requires it to report that every commit is synced.
    private func startDurableServer(dataDirectory: URL? = nil) async throws -> RegistryTestServer {
        let server = try await RegistryTestServer.start(dataDirectory: dataDirectory)
        try await server.server.waitForLog(
            "registry database open",
            "storage.journal_mode=wal",
            "storage.synchronous=full"
        )
        return server
    }

    @Test func acknowledgedApplicationsSurviveSIGKILL() async throws {
        let first = try await self.startDurableServer()
        let portal = try first.client("provider-portal")
        var ids: [String] = []
        for number in 1 ... 20 {
            let provider = try #require(try await portal.registry.apply(RegistryRequests.apply(number)).provider)
            ids.append(provider.id)
        }
        first.server.kill()
        _ = try await first.server.waitForExit()
        await portal.test.connection.close()

        let second = try await RegistryTestServer.start(dataDirectory: first.dataDirectory)
        defer { second.stop() }
        let operators = try second.client("operator-alice")
        for id in ids {
            let provider = try await operators.registry.getProvider(RegistryV1.GetProviderRequest(providerId: id))
            #expect(provider.provider?.id == id)
        }
        let listed = try await operators.registry.listProviders(
            RegistryV1.ListProvidersRequest(page: CommonV1.PageRequest(pageSize: 100))
        )
        #expect(Set(listed.providers.map(\.id)) == Set(ids))
        await operators.test.connection.close()
    }

    /// 16 callers on 4 connections apply without pause, so writes are always queued behind a commit in flight, and
    /// the server is killed while they are: every acknowledged provider is there after a restart, with its audit
    /// entry (an operation is never half kept); the ones in flight may or may not be.
    @Test func sigkillDuringGroupCommitsLosesNoAcknowledgedWrite() async throws {
        let first = try await self.startDurableServer()
        let ids = try await Self.applyUntil(first) { first.server.kill() }
        _ = try await first.server.waitForExit()
        try await Self.expectStored(ids, dataDirectory: first.dataDirectory)
    }

    /// The same load, stopped by SIGTERM with a drain of one second, so calls are cut off while their writes are
    /// queued: the server waits for those handlers before it closes the database, exits 0, and every acknowledged
    /// write is whole after a restart.
    @Test func sigtermDuringGroupCommitsExitsZeroAndKeepsEveryAcknowledgedWrite() async throws {
        let first = try await RegistryTestServer.start(arguments: ["--drain-timeout", "1"])
        let ids = try await Self.applyUntil(first) { first.server.terminate() }
        #expect(try await first.server.waitForExit() == 0)
        #expect(!first.server.output.contains("storage failed"), "\(first.server.output)")
        try await Self.expectStored(ids, dataDirectory: first.dataDirectory)
    }

    /// Applies from 16 callers on 4 connections until 300 were acknowledged, then calls `stop` while they go on;
    /// returns the acknowledged ids once every caller has seen its calls fail.
    private static func applyUntil(_ server: RegistryTestServer, stop: () -> Void) async throws -> [String] {
        let connections = try (0 ..< 4).map { _ in try server.client("provider-portal") }
        let load = ApplyLoad()
        await withTaskGroup(of: Void.self) { group in
            for caller in 0 ..< 16 {
                let portal = connections[caller % connections.count].registry
                group.addTask {
                    // Until the stop makes calls fail.
                    while true {
                        guard let provider = try? await portal.apply(RegistryRequests.apply(load.nextNumber())).provider
                        else { return }
                        load.acknowledge(provider.id)
                    }
                }
            }
            let deadline = ContinuousClock.now.advanced(by: .seconds(60))
            while load.acknowledged.count < 300 && ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(5))
            }
            stop()
        }
        for connection in connections { await connection.test.connection.close() }
        let ids = load.acknowledged
        #expect(ids.count >= 300)
        return ids
    }

    /// Restarts on `dataDirectory` and checks that every id in `ids` is stored, each with exactly its creation entry.
    private static func expectStored(_ ids: [String], dataDirectory: URL) async throws {
        let second = try await RegistryTestServer.start(dataDirectory: dataDirectory)
        defer { second.stop() }
        let operators = try second.client("operator-alice")
        var stored: Set<String> = []
        var token = ""
        repeat {
            let page = try await operators.registry.listProviders(
                RegistryV1.ListProvidersRequest(page: CommonV1.PageRequest(pageSize: 500, pageToken: token))
            )
            stored.formUnion(page.providers.map(\.id))
            token = page.page?.nextPageToken ?? ""
        } while !token.isEmpty
        #expect(Set(ids).subtracting(stored).isEmpty, "acknowledged but lost")
        #expect(stored.count >= ids.count)
        for id in stored.sorted().prefix(50) {
            let history = try await operators.registry.providerHistory(
                RegistryV1.ProviderHistoryRequest(providerId: id)
            )
            #expect(history.entries.count == 1, "provider \(id) without exactly its creation entry")
        }
        await operators.test.connection.close()
    }

    @Test func sigtermDrainsAndExitsCleanly() async throws {
        let first = try await RegistryTestServer.start()
        let portal = try first.client("provider-portal")
        let provider = try #require(try await portal.registry.apply(RegistryRequests.apply(1)).provider)
        first.server.terminate()
        #expect(try await first.server.waitForExit() == 0)
        await portal.test.connection.close()

        let second = try await RegistryTestServer.start(dataDirectory: first.dataDirectory)
        defer { second.stop() }
        let operators = try second.client("operator-alice")
        let found = try await operators.registry.getProvider(RegistryV1.GetProviderRequest(providerId: provider.id))
        #expect(found.provider == provider)
        await operators.test.connection.close()
    }
}

/// The callers' shared state in the SIGKILL test: the next credit-code number and the acknowledged provider ids.
private final class ApplyLoad: Sendable {
    private let next = Atomic(1)
    private let ids = Mutex<[String]>([])

    func nextNumber() -> Int { self.next.wrappingAdd(1, ordering: .relaxed).oldValue }
    func acknowledge(_ id: String) { self.ids.withLock { $0.append(id) } }
    var acknowledged: [String] { self.ids.withLock { $0 } }
}
