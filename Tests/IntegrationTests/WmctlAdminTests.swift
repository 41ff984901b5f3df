import Foundation
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// `wmctl admin backup|restore` against the real incentive server's store: a backup taken while it serves, a restore
/// refused while it runs, and after a restore the server starts on the backup's state and reconciles.
@Suite struct WmctlAdminTests {
    @Test func backUpLiveRestoreStoppedAndTheServerStartsOnTheBackup() async throws {
        let first = try await ServiceTestServer.start("incentive", certificate: "incentive")
        defer { first.stop() }
        let store = first.dataDirectory.appendingPathComponent("incentive.sqlite").path
        let backup = first.dataDirectory.appendingPathComponent("backup.sqlite").path
        let operators = try first.client("operator-alice")
        let client = IncentiveV1.Incentive.Client(operators.client)
        _ = try await client.createProgram(
            IncentiveV1.CreateProgramRequest(
                programId: "kept",
                name: "Kept",
                firstPeriod: "2021-07",
                lastPeriod: "2021-12"
            )
        )

        let backedUp = try await CommandRun.wmctl(["admin", "backup", store, "--to", backup], as: "operator-alice")
        #expect(backedUp.status == 0 && backedUp.output.contains("schema version 3"), "\(backedUp.output)")
        _ = try await client.createProgram(
            IncentiveV1.CreateProgramRequest(
                programId: "lost",
                name: "Lost",
                firstPeriod: "2021-07",
                lastPeriod: "2021-12"
            )
        )
        let whileRunning = try await CommandRun.wmctl(
            ["admin", "restore", backup, "--to", store],
            as: "operator-alice"
        )
        #expect(whileRunning.status != 0 && whileRunning.output.contains("in use"), "\(whileRunning.output)")
        await operators.connection.close()

        first.server.terminate()
        _ = try await first.server.waitForExit()
        let restored = try await CommandRun.wmctl(["admin", "restore", backup, "--to", store], as: "operator-alice")
        #expect(restored.status == 0, "\(restored.output)")

        let second = try await ServiceTestServer.start(
            "incentive",
            certificate: "incentive",
            dataDirectory: first.dataDirectory
        )
        defer { second.server.kill() }
        try await second.server.waitForLog("ledger reconciled")
        let again = try second.client("operator-alice")
        let programs = try await IncentiveV1.Incentive.Client(again.client).listPrograms(
            IncentiveV1.ListProgramsRequest()
        )
        #expect(programs.programs.map(\.id) == ["kept"])
        await again.connection.close()
    }
}
