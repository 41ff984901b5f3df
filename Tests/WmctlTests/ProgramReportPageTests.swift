import Foundation
import Testing

@testable import wmctl

@Suite struct ProgramReportPageTests {
    static func report(name: String) -> ProgramReport {
        let periods = ["2021-07", "2021-08"].enumerated().map { index, period in
            ProgramReport.Period(
                period: period,
                state: "FINAL",
                billionClub: Int64(index),
                hundredMillionClub: Int64(3 + index),
                providers: 10,
                tiers: ["S": 1, "A": 2, "B": 3, "C": 3, "disqualified": 1],
                paidFen: 1_000_000,
                paidImpressions: 5_000,
                clawbackFen: 0
            )
        }
        let ranked = ProgramReport.Ranked(
            rank: 1,
            providerID: "prv_aaaaaaaaaaaaaaaa",
            name: name,
            composite: 9_012,
            tier: "S",
            club: "1B",
            clubGMVFen: 123_456_789_000
        )
        let budget = ProgramReport.Budget(
            funded: 10_000_000,
            reserved: 0,
            paid: 2_000_000,
            recovered: 0,
            remaining: 8_000_000
        )
        return ProgramReport(
            readAt: Date(timeIntervalSince1970: 1_656_633_600),
            programID: "wm-demo",
            programName: name,
            firstPeriod: "2021-07",
            lastPeriod: "2022-06",
            targetBillion: 100,
            targetHundredMillion: 200,
            periods: periods,
            cash: budget,
            traffic: budget,
            composites: ["LOCAL": [9_012, 5_000, 7_000]],
            rankings: ["LOCAL": [ranked]]
        )
    }

    @Test func namesFromUsersAreShownAsTextNeverAsMarkup() {
        let html = ProgramReportPage(report: Self.report(name: "<script>alert(1)</script>\"&'\u{202E}")).html
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;\u{FFFD}"))
        let dashboard = ProgramDashboard(report: Self.report(name: "evil\u{1B}[2Jname")).rendered
        #expect(!dashboard.contains("\u{1B}"))
    }

    @Test func thePageIsSelfContained() {
        let html = ProgramReportPage(report: Self.report(name: "Hangzhou Local Services 1")).html
        #expect(html.components(separatedBy: "<svg").count - 1 == 5)
        #expect(!html.contains("src="))
        #expect(!html.contains("href="))
        #expect(!html.contains("<script"))
        #expect(html.contains("¥1.23B"), "the ranking's twelve-month GMV")
        #expect(html.contains("<code>prv_aaaaaaaaaaaaaaaa</code>"), "the id beside the name")
        #expect(html.contains("2 periods scored, the latest (2021-08) FINAL"))
    }

    @Test func outputPathsAreCheckedBeforeAnyCall() {
        #expect(throws: (any Error).self) {
            try WMCtl.parse(commandLine: ["report", "--out", "/nonexistent/dir/r.html"])
        }
        #expect(throws: (any Error).self) { try WMCtl.parse(commandLine: ["report", "--out", "/tmp"]) }
        #expect(throws: (any Error).self) {
            try WMCtl.parse(commandLine: ["demo", "--report", "/nonexistent/dir/r.html", "--certs", "/tmp"])
        }
        #expect(throws: (any Error).self) {
            try WMCtl.parse(commandLine: ["demo", "--cert-tool", "/nonexistent/tool", "--certs", "/tmp"])
        }
        #expect(throws: Never.self) { try WMCtl.parse(commandLine: ["report", "--out", "/tmp/wm-report-test.html"]) }
        for program in ["", "Wm", "9wm", "wm demo", "a<b", String(repeating: "a", count: 41)] {
            #expect(throws: (any Error).self, "\(program)") {
                try WMCtl.parse(commandLine: ["report", "--out", "/tmp/r.html", "--program", program])
            }
        }
    }

    @Test func axesReadInRoundSteps() {
        #expect(SVGChart.niceMaximum([0]) == 1)
        #expect(SVGChart.niceMaximum([87]) == 100)
        #expect(SVGChart.niceMaximum([101]) == 200)
        #expect(SVGChart.niceMaximum([2_100_000]) == 3_000_000)
    }
}
