import BenchmarkSupport
import Foundation
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTransport

/// One period's disbursement for `providers` providers with the registry and the assessment running: the three real
/// services in child processes over mutual TLS, the stores filled first (``PeriodSetup``). Measured: computing the
/// batch (every FINAL scorecard and every standing fetched page by page, entitlements applied, pending transfers
/// reserving the budget), approving it as a second finance approver, and posting it.
struct PeriodCase {
    let providers: Int
    let certificates: CertificateDirectory
    let directory: URL

    static let rules = """
        { "cash": { "basis": "gmv", "rates_bp": { "S": 200, "A": 150, "B": 100, "C": 50, "D": 20 },
                    "club_bonus_bp": { "100M": 50, "1B": 100 }, "floor_fen": 10000,
                    "cap_per_period_fen": 100000000, "cap_per_program_fen": 500000000 },
          "traffic": { "impressions": { "S": 50000, "A": 20000, "B": 10000, "C": 5000, "D": 1000 } },
          "hold_days": 0, "payout_minimum_fen": 5000, "over_budget": "pro_rata" }
        """

    private static let keyed: CallOptions = {
        var options = CallOptions()
        options.metadata.set("idempotency-key", "bench-funding")
        return options
    }()

    func run() async throws -> String {
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        let setup = ContinuousClock.now
        try await PeriodSetup(providers: self.providers, directory: self.directory).run()
        FileHandle.standardError.write(
            Data("setup: \(self.providers) providers in \(ContinuousClock.now - setup)\n".utf8)
        )
        let common = ["--certs", self.certificates.path, "--data", self.directory.path]
        let registry = try ChildServer.start(
            arguments: ["serve", "--service", "registry"] + common,
            description: "registry server"
        )
        defer { registry.stop() }
        let assessment = try ChildServer.start(
            arguments: ["serve", "--service", "assessment", "--registry", String(registry.port)] + common,
            description: "assessment server"
        )
        defer { assessment.stop() }
        let incentive = try ChildServer.start(
            arguments: [
                "serve", "--service", "incentive", "--registry", String(registry.port), "--assessment",
                String(assessment.port),
            ] + common,
            description: "incentive server"
        )
        defer { incentive.stop() }
        var clients: [String: IncentiveV1.Incentive.Client] = [:]
        var connections: [RPCConnection] = []
        for identity in ["operator-alice", "finance-bob", "finance-carol"] {
            let connection = try BenchClient.connect(
                port: incentive.port,
                serverName: "incentive",
                identity: identity,
                certificates: self.certificates
            )
            connections.append(connection)
            clients[identity] = IncentiveV1.Incentive.Client(RPCClient(transport: connection))
        }
        let operators = clients["operator-alice"]!
        _ = try await operators.createProgram(
            IncentiveV1.CreateProgramRequest(
                programId: "bench",
                name: "Bench program",
                firstPeriod: "2021-07",
                lastPeriod: "2021-12"
            )
        )
        _ = try await operators.fundProgram(
            IncentiveV1.FundProgramRequest(
                programId: "bench",
                cashFen: 1_000_000_000_000,
                trafficImpressions: 10_000_000_000
            ),
            options: Self.keyed
        )
        _ = try await operators.publishRules(
            IncentiveV1.PublishRulesRequest(programId: "bench", document: Self.rules, effectiveFrom: "2021-07")
        )
        let options = CallOptions(timeout: .seconds(600))
        let began = ContinuousClock.now
        let batch = try await clients["finance-bob"]!.compute(
            IncentiveV1.PeriodRequest(programId: "bench", period: "2021-09"),
            options: options
        ) { stream in
            var last: IncentiveV1.Batch?
            for try await message in stream where message.batch != nil { last = message.batch }
            return last
        }
        guard let batch, batch.state == "PROPOSED" else { throw BenchError("compute proposed no batch") }
        let computed = ContinuousClock.now
        _ = try await clients["finance-carol"]!.approveBatch(
            IncentiveV1.BatchRequest(batchId: batch.id),
            options: options
        )
        let approved = ContinuousClock.now
        let posted = try await clients["finance-carol"]!.postBatch(
            IncentiveV1.BatchRequest(batchId: batch.id),
            options: options
        )
        let finished = ContinuousClock.now
        guard posted.batch?.state == "POSTED" else { throw BenchError("the batch was not posted") }
        let report = try await operators.reconcile(IncentiveV1.ReconcileRequest(), options: options)
        guard report.violations.isEmpty else { throw BenchError("the ledger does not reconcile: \(report.violations)") }
        for connection in connections { await connection.close() }
        let totals = batch.totals ?? IncentiveV1.BatchTotals()
        return "{\"case\":\"period\",\"providers\":\(self.providers),\"lines\":\(totals.lines),"
            + "\"cash_fen\":\(totals.cashFen),\"transfers\":\(report.transfers),"
            + "\"compute_seconds\":\(String(format: "%.2f", (computed - began).seconds)),"
            + "\"approve_seconds\":\(String(format: "%.2f", (approved - computed).seconds)),"
            + "\"post_seconds\":\(String(format: "%.2f", (finished - approved).seconds)),"
            + "\"seconds\":\(String(format: "%.2f", (finished - began).seconds))}"
    }
}
