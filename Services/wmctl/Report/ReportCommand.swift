import ArgumentParser
import Foundation
import WindMakerRPC
import WindMakerServiceSupport

/// `wmctl report`: the program report as one self-contained HTML page.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a program's report as one self-contained HTML page (inline SVG charts, no scripts).",
        discussion: """
            Reads the program's budget and batches from the incentive service, the scored periods and scorecards \
            from the assessment and provider names from the registry, as the operator identity given by \
            --tls-cert/--tls-key/--tls-ca (or WM_TLS_CERT, WM_TLS_KEY, WM_TLS_CA).
            """
    )

    @OptionGroup var addresses: StackAddresses
    @OptionGroup var tls: TLSFileOptions

    @Option(name: .customLong("program"), help: "Id of the incentive program.")
    var program = "wm-demo"

    @Option(name: .customLong("out"), help: "The HTML file to write.")
    var out: String

    @Flag(name: .customLong("dashboard"), help: "Also print the dashboard.")
    var dashboard = false

    func validate() throws {
        try ProgramIDArgument.validate(self.program)
        try ProgramReportPage.checkWritable(self.out, flag: "--out")
    }

    func run() async throws {
        let paths = try self.tls.paths()
        let report = try await StackConnections.using(self.addresses) { connections in
            try await ProgramReport.gather(
                programID: self.program,
                connections: connections,
                as: StackConnections.Identity(certificate: paths.certificate, key: paths.key, ca: paths.ca),
                options: self.addresses.callOptions
            )
        }
        try ProgramReportPage(report: report).write(to: self.out)
        if self.dashboard { print(ProgramDashboard(report: report).rendered) }
        print("Report: \(URL(fileURLWithPath: self.out).standardizedFileURL.path)")
    }
}
