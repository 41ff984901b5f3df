import Foundation
import Testing
import WindMakerTestSupport

/// `wmctl assessment …` against the real registry and assessment executables: a CSV file in, a computed period and
/// a readable scorecard out.
@Suite struct WmctlAssessmentTests {
    @Test func ingestComputeAndShowAScorecardFromTheCommandLine() async throws {
        let stack = try await AssessmentTestStack.start()
        defer { stack.stop() }
        let provider = try await stack.activeProvider(1, merchant: "m_1")
        let address = ["--server", "127.0.0.1:\(stack.assessment.server.port)"]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("facts-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        // As a spreadsheet saves it: a byte-order mark and CR LF line ends.
        try
            ("\u{FEFF}id,subject_kind,subject_id,date,metric,kind,value\r\n"
            + "f1,MERCHANT,m_1,2021-09-10,PAID_GMV,,250000000\r\n"
            + "f2,MERCHANT,m_1,2021-09-10,SHIPMENTS_ON_TIME,,95\r\n"
            + "f3,MERCHANT,m_1,2021-09-10,SHIPMENTS_TOTAL,,100\r\n"
            + "f4,MERCHANT,m_1,2031-09-10,PAID_GMV,,1\r\n").write(to: file, atomically: true, encoding: .utf8)

        let ingested = try await CommandRun.wmctl(
            ["assessment", "ingest", file.path, "--json"] + address,
            as: "operator-alice"
        )
        #expect(ingested.status == 3, "\(ingested.output)")  // one fact rejected, the others stored
        #expect(ingested.output.contains(#""accepted":3"#))
        #expect(ingested.output.contains("is in the future"))

        let computed = try await CommandRun.wmctl(["assessment", "compute", "2021-09"] + address, as: "operator-alice")
        #expect(computed.status == 0, "\(computed.output)")
        #expect(computed.output.contains("providers scored"))
        #expect(computed.output.contains("COMPUTED"))

        let card = try await CommandRun.wmctl(
            ["assessment", "scorecard", "2021-09", provider] + address,
            as: "operator-alice"
        )
        #expect(card.status == 0, "\(card.output)")
        #expect(card.output.contains("on_time_rate") && card.output.contains("0.9500"))
        #expect(card.output.contains("club GMV (12 months, net)  ¥2,500,000.00"))

        let again = try await CommandRun.wmctl(["assessment", "ingest", file.path] + address, as: "operator-alice")
        #expect(again.status == 3 && again.output.contains("DUPLICATE"), "\(again.output)")
        let missing = try await CommandRun.wmctl(
            ["assessment", "ingest", "/nonexistent.csv"] + address,
            as: "operator-alice"
        )
        #expect(missing.status == 1 && missing.output.contains("cannot read /nonexistent.csv"), "\(missing.output)")
        #expect(!missing.output.contains("Usage"))

        let refused = try await CommandRun.wmctl(["assessment", "publish", "2021-13"] + address, as: "operator-alice")
        #expect(refused.status == 2)
        #expect(refused.output.contains("INVALID_ARGUMENT") && refused.output.contains("<period>"))
    }
}
