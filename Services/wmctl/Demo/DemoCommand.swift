import ArgumentParser
import Foundation

/// `wmctl demo`: plays a year of a synthetic program against running services and prints the dashboard.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Play a year of a synthetic partner program against running services and print its dashboard.",
        discussion: """
            Seeded and deterministic: providers of all five types (strategic ones by invitation) apply through the \
            provider portal and are approved; merchants are bound to them; then month by month from 2021-07 to \
            2022-06 the month's facts (with 618 and 双11 peaks and a few fake orders) are ingested, scored, \
            published and finalized, two providers appeal in 2021-11 (one upheld, one rejected), and finance pays \
            each period under four eyes. In 2022-01 a late revision claws money back from a 2021-11 payout. Needs \
            empty stores, the development certificates (operator-alice, finance-bob, finance-carol, \
            provider-portal) and the services' addresses; writes the HTML report at the end.
            """
    )

    @OptionGroup var addresses: StackAddresses

    @Option(name: .customLong("certs"), help: "Directory of the development certificates (scripts/dev-certs).")
    var certificates = ".dev/certs"

    @Option(
        name: .customLong("cert-tool"),
        help: "Program that issues a provider's certificate into --certs, run as TOOL DIR --provider ID."
    )
    var certificateTool = "scripts/dev-certs"

    @Option(name: .customLong("seed"), help: "Seed of the synthetic program (the same seed plays the same year).")
    var seed: UInt64 = 2021

    @Option(name: .customLong("providers"), help: "Providers in the program (5–5000).")
    var providers = 300

    @Option(name: .customLong("clients"), help: "Merchants bound to them (at least 3 per provider, at most 200000).")
    var clients = 20_000

    @Option(name: .customLong("program"), help: "Id of the incentive program to create.")
    var program = "wm-demo"

    @Option(name: .customLong("report"), help: "Where to write the HTML report.")
    var report = ".dev/report.html"

    func validate() throws {
        guard (5 ... 5_000).contains(self.providers) else {
            throw ValidationError("--providers must be 5 to 5000, got \(self.providers)")
        }
        guard self.clients >= 3 * self.providers, self.clients <= 200_000 else {
            throw ValidationError(
                "--clients must be at least 3 per provider (\(3 * self.providers)) and at most 200000, got "
                    + "\(self.clients)"
            )
        }
        try ProgramIDArgument.validate(self.program)
        // Checked before the first write: a year played into the stores cannot be played again there.
        guard FileManager.default.isExecutableFile(atPath: self.certificateTool) else {
            throw ValidationError("--cert-tool: \(self.certificateTool) is not an executable file")
        }
        try ProgramReportPage.checkWritable(self.report, flag: "--report")
        for name in ["ca", "operator-alice", "finance-bob", "finance-carol", "provider-portal"] {
            let path = "\(self.certificates)/\(name).pem"
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw ValidationError("--certs: cannot read \(path); create the directory with scripts/dev-certs DIR")
            }
        }
    }

    func run() async throws {
        let report = try await StackConnections.using(self.addresses) { connections in
            let run = DemoRun(
                program: SyntheticProgram(seed: self.seed, providers: self.providers, clients: self.clients),
                programID: self.program,
                connections: connections,
                certificates: self.certificates,
                certificateTool: self.certificateTool,
                options: self.addresses.callOptions
            )
            try await run.play()
            return try await ProgramReport.gather(
                programID: self.program,
                connections: connections,
                as: run.identity("operator-alice"),
                options: self.addresses.callOptions
            )
        }
        try ProgramReportPage(report: report).write(to: self.report)
        DemoRun.say("\n" + ProgramDashboard(report: report).rendered)
        DemoRun.say("Report: \(URL(fileURLWithPath: self.report).standardizedFileURL.path)")
    }
}
