import Foundation
import Synchronization
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// The ledger survives crashes: the real incentive server is killed with SIGKILL at random points while groups of
/// transfers (top-ups of a program's budget) are being posted, twenty times, and restarted on the same files each time (reconciling before it
/// listens, refusing to start on a violation). Afterwards the ledger reconciles, every acknowledged transfer is there,
/// and sending them all again creates nothing: none was posted twice.
///
/// As in ``RegistryDurabilityTests``, SIGKILL alone cannot tell a synced commit from the page cache, so each start
/// must also report `synchronous=full` from its own committing connection.
@Suite struct IncentiveCrashTests {
    static let groupSize = 200

    final class Acknowledged: Sendable {
        let groups = Mutex<[[IncentiveV1.Transfer]]>([])
    }

    private func start(_ directory: URL?) async throws -> ServiceTestServer {
        let server = try await ServiceTestServer.start("incentive", certificate: "incentive", dataDirectory: directory)
        try await server.server.waitForLog(
            "incentive database open",
            "storage.journal_mode=wal",
            "storage.synchronous=full"
        )
        try await server.server.waitForLog("ledger reconciled")
        return server
    }

    private static func group(round: Int, number: Int) -> [IncentiveV1.Transfer] {
        (0 ..< Self.groupSize).map { index in
            IncentiveV1.Transfer(
                id: "crash-\(round)-\(number)-\(index)",
                debitAccount: "funding:cash",
                creditAccount: "program:crash:cash",
                amount: Int64(1 + index),
                unit: "FEN"
            )
        }
    }

    @Test func killedTwentyTimesDuringLargePostsTheLedgerReconcilesAndNothingIsLostOrDoubled() async throws {
        var server = try await self.start(nil)
        let directory = server.dataDirectory
        defer { server.stop() }
        let setup = try server.client("operator-alice")
        _ = try await IncentiveV1.Incentive.Client(setup.client).createProgram(
            IncentiveV1.CreateProgramRequest(
                programId: "crash",
                name: "Crash test",
                firstPeriod: "2021-07",
                lastPeriod: "2021-12"
            )
        )
        await setup.connection.close()
        let acknowledged = Acknowledged()
        var generator = SystemRandomNumberGenerator()
        for round in 0 ..< 20 {
            let test = try server.client("operator-alice")
            let client = IncentiveV1.Incentive.Client(test.client)
            let sender = Task {
                var number = 0
                while !Task.isCancelled {
                    let group = Self.group(round: round, number: number)
                    number += 1
                    do {
                        _ = try await client.createTransfers(IncentiveV1.CreateTransfersRequest(transfers: group))
                        acknowledged.groups.withLock { $0.append(group) }
                    } catch {
                        return
                    }
                }
            }
            // At least one group acknowledged in every round, then the kill lands at a random point of the stream.
            let before = acknowledged.groups.withLock { $0.count }
            let deadline = ContinuousClock.now + .seconds(30)
            while acknowledged.groups.withLock({ $0.count }) == before {
                try #require(ContinuousClock.now < deadline, "no group acknowledged within 30 s in round \(round)")
                try await Task.sleep(for: .milliseconds(5))
            }
            try await Task.sleep(for: .milliseconds(Int.random(in: 0 ... 200, using: &generator)))
            server.server.kill()
            _ = try await server.server.waitForExit()
            await sender.value
            await test.connection.close()
            server = try await self.start(directory)
        }

        let test = try server.client("operator-alice")
        let client = IncentiveV1.Incentive.Client(test.client)
        let report = try await client.reconcile(IncentiveV1.ReconcileRequest())
        #expect(report.violations.isEmpty, "\(report.violations)")
        let groups = acknowledged.groups.withLock { $0 }
        #expect(groups.count >= 20)
        #expect(report.transfers >= Int64(groups.count * Self.groupSize))
        for group in groups {
            let again = try await client.createTransfers(IncentiveV1.CreateTransfersRequest(transfers: group))
            #expect(again.created == 0 && again.existing == Int64(Self.groupSize))
        }
        let after = try await client.reconcile(IncentiveV1.ReconcileRequest())
        #expect(after.transfers == report.transfers && after.postedFen == report.postedFen)
        await test.connection.close()
    }
}
