import Foundation
import Testing
import WindMakerTestSupport

/// `wmctl demo` against the three real executables over mutual TLS, then `wmctl report` of what it played, opened in
/// headless Chromium.
@Suite(.serialized)
struct DemoAndReportTests {
    @Test func theDemoPlaysAYearAndItsReportRendersInChromium() async throws {
        let stack = try await IncentiveTestStack.start()
        defer { stack.stop() }
        let directory = try TemporaryDirectory()
        let addresses = [
            "--registry", "127.0.0.1:\(stack.assessmentStack.registry.server.port)",
            "--assessment", "127.0.0.1:\(stack.assessmentStack.assessment.server.port)",
            "--incentive", "127.0.0.1:\(stack.incentive.server.port)",
        ]
        let demoArguments =
            [
                "demo", "--certs", DevCertificates.shared.directory, "--cert-tool",
                DevCertificates.repositoryRoot.appendingPathComponent("scripts/dev-certs").path, "--providers", "12",
                "--clients", "60", "--report", "\(directory.path)/demo.html",
            ] + addresses
        let demo = try await CommandRun.run("wmctl", demoArguments, environment: [:], timeout: .seconds(240))
        #expect(demo.status == 0, "\(demo.output)")
        for period in ["2021-07", "2021-12", "2022-06"] {
            #expect(demo.output.contains("\(period): 12 lines"), "every period is paid: \(period)")
        }
        #expect(demo.output.contains("upheld"))
        #expect(demo.output.contains("rejected"))
        #expect(demo.output.contains("topped up by ¥500,000,000.00"))
        #expect(demo.output.contains("Clubs in 2022-06"))
        #expect(demo.output.contains("Top providers by type in 2022-06"))
        #expect(FileManager.default.fileExists(atPath: "\(directory.path)/demo.html"))

        // The demo plays a program from its first day: on stores that have one it refuses, changing nothing.
        let again = try await CommandRun.run("wmctl", demoArguments, environment: [:], timeout: .seconds(60))
        #expect(again.status != 0)
        #expect(again.output.contains("program wm-demo already exists"), "\(again.output)")

        // Every chart lays out with a size and shapes, and nothing is fetched.
        let page = "\(directory.path)/report.html"
        let report = try await CommandRun.wmctl(
            ["report", "--out", page, "--dashboard"] + addresses,
            as: "operator-alice"
        )
        #expect(report.status == 0, "\(report.output)")
        #expect(report.output.contains("Budgets:"))
        let (probe, log) = try await HeadlessChromium.probe(page, in: directory.path)
        #expect(probe.charts.count == 5, "clubs, cash and traffic burn, scores by type, tiers: \(probe.charts.count)")
        for chart in probe.charts {
            #expect(chart.width > 0 && chart.height > 0)
            #expect(chart.drawn > 5, "each chart draws its axes and data")
        }
        #expect(probe.errors.isEmpty, "\(probe.errors)")
        #expect(probe.references.isEmpty, "a self-contained page fetches nothing: \(probe.references)")
        #expect(!log.contains("Uncaught"), "\(log)")
        let png = "\(directory.path)/report.png"
        try await HeadlessChromium.screenshot(page, to: png, in: directory.path)
        let image = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        #expect(image.count > 20_000, "a rendered page, not a blank one: \(image.count) bytes")
    }

    @Test func theReportNamesTheProgramItCannotFind() async throws {
        let stack = try await IncentiveTestStack.start()
        defer { stack.stop() }
        let directory = try TemporaryDirectory()
        let run = try await CommandRun.wmctl(
            [
                "report", "--program", "no-such-program", "--out", "\(directory.path)/r.html",
                "--registry", "127.0.0.1:\(stack.assessmentStack.registry.server.port)",
                "--assessment", "127.0.0.1:\(stack.assessmentStack.assessment.server.port)",
                "--incentive", "127.0.0.1:\(stack.incentive.server.port)",
            ],
            as: "operator-alice"
        )
        #expect(run.status == 2)
        #expect(run.output.contains("NOT_FOUND"), "\(run.output)")
        #expect(run.output.contains("no-such-program"), "\(run.output)")
        #expect(!FileManager.default.fileExists(atPath: "\(directory.path)/r.html"))
    }
}
