import Foundation
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// The real `registry`, `assessment` and `incentive` executables over mutual TLS, each calling the others with its
/// own identity, and a helper that takes a period to FINAL at the assessment (its appeal window one second). Scaled
/// out, there are two instances of each on one PostgreSQL database, and every client is given both addresses.
struct IncentiveTestStack {
    let assessmentStack: AssessmentTestStack
    let incentive: ServiceTestServer
    /// The second instance, when scaled out.
    var secondIncentive: ServiceTestServer?

    static func start() async throws -> IncentiveTestStack {
        let registry = try await RegistryTestServer.start()
        let assessment = try await ServiceTestServer.start(
            "assessment",
            certificate: "assessment",
            arguments: ["--registry", "127.0.0.1:\(registry.server.port)", "--appeal-seconds", "1"]
        )
        let incentive = try await ServiceTestServer.start(
            "incentive",
            certificate: "incentive",
            arguments: [
                "--registry", "127.0.0.1:\(registry.server.port)", "--assessment",
                "127.0.0.1:\(assessment.server.port)",
            ]
        )
        return IncentiveTestStack(
            assessmentStack: AssessmentTestStack(registry: registry, assessment: assessment),
            incentive: incentive
        )
    }

    /// Two instances of each service on the PostgreSQL database `store`.
    static func scaled(store: String) async throws -> IncentiveTestStack {
        let assessmentStack = try await AssessmentTestStack.scaled(
            store: store,
            assessmentArguments: ["--appeal-seconds", "1"]
        )
        let arguments = [
            "--store", store, "--registry", assessmentStack.registryAddresses, "--assessment",
            assessmentStack.assessmentPorts.map { "127.0.0.1:\($0)" }.joined(separator: ","),
        ]
        return IncentiveTestStack(
            assessmentStack: assessmentStack,
            incentive: try await ServiceTestServer.start("incentive", certificate: "incentive", arguments: arguments),
            secondIncentive: try await ServiceTestServer.start(
                "incentive",
                certificate: "incentive",
                arguments: arguments
            )
        )
    }

    var incentivePorts: [Int] {
        [self.incentive.server.port] + (self.secondIncentive.map { [$0.server.port] } ?? [])
    }
    /// `host:port[,host:port]` of the incentive service's instances, for `--server`.
    var incentiveAddresses: String { self.incentivePorts.map { "127.0.0.1:\($0)" }.joined(separator: ",") }

    /// A client of the incentive service (every instance) connected as `identity`.
    func client(_ identity: String) throws -> (incentive: IncentiveV1.Incentive.Client, test: TestClient) {
        let test = try TestClient(ports: self.incentivePorts, identity: identity)
        return (IncentiveV1.Incentive.Client(test.client), test)
    }

    func stop() {
        self.incentive.stop()
        self.secondIncentive?.stop()
        self.assessmentStack.stop()
    }

    /// Ingests `gmv` (fen) of paid GMV per merchant for September 2021, computes, publishes and finalizes it.
    func finalSeptember(_ gmv: [(merchant: String, fen: Int64)]) async throws {
        let operators = try self.assessmentStack.client("operator-alice")
        let pipeline = try self.assessmentStack.client("registry")
        defer {
            Task {
                await operators.test.connection.close()
                await pipeline.test.connection.close()
            }
        }
        _ = try await pipeline.assessment.ingest { writer in
            try await writer.write(
                AssessmentV1.IngestRequest(
                    facts: gmv.map {
                        AssessmentTestStack.fact(
                            "gmv-\($0.merchant)",
                            merchant: $0.merchant,
                            metric: "PAID_GMV",
                            value: $0.fen
                        )
                    }
                )
            )
        }
        try await operators.assessment.compute(AssessmentV1.PeriodRequest(period: "2021-09")) { stream in
            for try await _ in stream {}
        }
        _ = try await operators.assessment.publish(AssessmentV1.PeriodRequest(period: "2021-09"))
        try await Task.sleep(for: .milliseconds(1_100))
        _ = try await operators.assessment.finalize(AssessmentV1.PeriodRequest(period: "2021-09"))
    }

    static let rules = """
        { "cash": { "basis": "gmv", "rates_bp": { "S": 200, "A": 150, "B": 100, "C": 50, "D": 0 },
                    "floor_fen": 0, "cap_per_period_fen": 100000000, "cap_per_program_fen": 500000000 },
          "traffic": { "impressions": { "S": 50000, "A": 20000, "B": 10000, "C": 5000, "D": 0 } },
          "hold_days": 0, "payout_minimum_fen": 100, "over_budget": "fail" }
        """

    /// Creates, funds and gives rules to program `wm-2021h2` as the operator.
    func program(cash: Int64 = 100_000_000_000, traffic: Int64 = 10_000_000) async throws {
        let operators = try self.client("operator-alice")
        defer { Task { await operators.test.connection.close() } }
        _ = try await operators.incentive.createProgram(
            IncentiveV1.CreateProgramRequest(
                programId: "wm-2021h2",
                name: "Wind Maker 2021 H2",
                firstPeriod: "2021-07",
                lastPeriod: "2021-12"
            )
        )
        _ = try await operators.incentive.fundProgram(
            IncentiveV1.FundProgramRequest(programId: "wm-2021h2", cashFen: cash, trafficImpressions: traffic),
            options: Self.keyed("initial-funding")
        )
        _ = try await operators.incentive.publishRules(
            IncentiveV1.PublishRulesRequest(programId: "wm-2021h2", document: Self.rules, effectiveFrom: "2021-07")
        )
    }

    /// Call options carrying an idempotency key.
    static func keyed(_ key: String) -> CallOptions {
        var options = CallOptions()
        options.metadata.set("idempotency-key", key)
        return options
    }
}
