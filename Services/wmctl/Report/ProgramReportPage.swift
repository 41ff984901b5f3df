import ArgumentParser
import Foundation
import WindMakerKit

/// The program report as one self-contained HTML page: inline CSS and SVG, no scripts, nothing fetched, so it opens
/// anywhere, offline, and can be mailed as a file. Every text that came from a service goes through ``HTMLText``.
struct ProgramReportPage {
    let report: ProgramReport

    static let typeColors = [
        "LOCAL": "#2e86c1", "BRAND": "#e67e22", "MATCHMAKING": "#8e44ad", "BASE": "#27ae60", "STRATEGIC": "#c0392b",
    ]
    static let tierColors = ["S": "#1e8449", "A": "#52be80", "B": "#f5b041", "C": "#d5d8dc", "disqualified": "#c0392b"]

    /// Writes the page atomically (a reader never sees half of it).
    /// - Throws: ``CommandFailure`` naming the file and why it could not be written.
    func write(to path: String) throws {
        do {
            try Data(self.html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure("cannot write the report to \(path): \(Self.reason(error))")
        }
    }

    /// Refuses, before anything is called, a path whose directory does not exist or cannot be written, or that
    /// names a directory: a typo should not create directories, nor be found after a year has been played.
    static func checkWritable(_ path: String, flag: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("\(flag): \(path) is a directory; give the HTML file to write")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw ValidationError("\(flag): the directory \(directory) does not exist") }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw ValidationError("\(flag): cannot write into \(directory)")
        }
    }

    private static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        return underlying.map { String(cString: strerror(Int32($0.code))) } ?? error.localizedDescription
    }

    var html: String {
        let report = self.report
        let title = "\(report.programName) — program report"
        var page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escaped(title))</title>
            <style>\(Self.style)</style></head><body>
            <header><h1>\(HTMLText.escaped(report.programName))</h1>
            <p>Program <code>\(HTMLText.escaped(report.programID))</code>, \(HTMLText.escaped(report.firstPeriod)) to
            \(HTMLText.escaped(report.lastPeriod)); \(self.scoredText). Read from the services at
            \(Self.timestamp(report.readAt)).</p></header>

            """
        page += self.tiles
        let labels = report.periods.map { String($0.period.dropFirst(2)) }
        page += Self.section(
            "Club membership against the targets",
            "Providers whose trailing twelve months of net GMV reach ¥1B or ¥100M, per period; dashed lines are the "
                + "program's targets.",
            SVGChart.lines(
                title: "Club membership per period",
                labels: labels,
                series: [
                    .init(name: "¥1B club", color: "#c0392b", values: report.periods.map { Double($0.billionClub) }),
                    .init(
                        name: "¥100M club",
                        color: "#2e86c1",
                        values: report.periods.map { Double($0.hundredMillionClub) }
                    ),
                ],
                targets: [
                    .init(name: "¥1B target", color: "#e6b0aa", values: [Double(report.targetBillion)]),
                    .init(name: "¥100M target", color: "#a9cce3", values: [Double(report.targetHundredMillion)]),
                ],
                format: { String(Int($0)) }
            )
        )
        page += Self.section(
            "Budget burn",
            "What the posted disbursements granted from the budget, accumulated over the periods, against what the "
                + "program is funded with now (top-ups included). A clawback owed is deducted from the provider's later "
                + "payouts, so the cash that reaches providers is the granted amount less those deductions.",
            self.burn(unit: "cash", funded: report.cash.funded, paid: report.periods.map(\.paidFen)) {
                Self.shortYuan($0)
            }
                + self.burn(
                    unit: "traffic",
                    funded: report.traffic.funded,
                    paid: report.periods.map(\.paidImpressions)
                ) { Self.shortCount($0) }
        )
        page += Self.section(
            "Composite scores by provider type",
            "Distribution of the composite (0–100) of every scored provider, ranked or not, in "
                + "\(HTMLText.escaped(report.latest?.period ?? "-")): box from the first to the third quartile, red "
                + "line at the median, whiskers to the lowest and highest.",
            SVGChart.boxes(
                title: "Composite score distribution by type",
                groups: ProgramReport.types.map { type in
                    (type, (report.composites[type] ?? []).map { Double($0) / 100 })
                },
                maximum: 100
            )
        )
        page += Self.section(
            "Tiers per period",
            "Scorecards by tier; disqualified ones (a confirmed fake-order finding in the window) apart.",
            SVGChart.stackedBars(
                title: "Tier counts per period",
                labels: labels,
                stacks: ProgramReport.tiers.map { tier in
                    .init(
                        name: tier,
                        color: Self.tierColors[tier] ?? "#999",
                        values: report.periods.map { Double($0.tiers[tier] ?? 0) }
                    )
                },
                format: { String(Int($0)) }
            )
        )
        page += self.rankings
        page += "<footer>Written by <code>wmctl report</code> from the registry, assessment and incentive services."
        page += "</footer></body></html>\n"
        return page
    }

    /// How many periods are scored and the state of the latest, which the distributions and rankings show.
    private var scoredText: String {
        let count = self.report.periods.count
        guard let latest = self.report.latest else { return "no period scored yet" }
        return "\(count) period\(count == 1 ? "" : "s") scored, the latest (\(HTMLText.escaped(latest.period))) "
            + HTMLText.escaped(latest.state)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    private var tiles: String {
        let latest = self.report.latest
        let tiles = [
            ("¥1B club", "\(latest?.billionClub ?? 0) / \(self.report.targetBillion)"),
            ("¥100M club", "\(latest?.hundredMillionClub ?? 0) / \(self.report.targetHundredMillion)"),
            ("cash granted", AmountText.yuan(self.report.cash.paid)),
            ("cash remaining", AmountText.yuan(self.report.cash.remaining)),
            ("traffic granted", AmountText.count(self.report.traffic.paid) + " impressions"),
            ("clawed back", AmountText.yuan(self.report.periods.reduce(0) { $0 + $1.clawbackFen })),
        ]
        return "<section class=\"tiles\">"
            + tiles.map { "<div><span>\(HTMLText.escaped($0))</span><b>\(HTMLText.escaped($1))</b></div>" }.joined()
            + "</section>\n"
    }

    private func burn(unit: String, funded: Int64, paid: [Int64], format: @escaping (Double) -> String) -> String {
        var total = 0.0
        let cumulative = paid.map { value -> Double in
            total += Double(value)
            return total
        }
        return SVGChart.lines(
            title: "\(unit) granted, cumulative",
            labels: self.report.periods.map { String($0.period.dropFirst(2)) },
            series: [.init(name: "\(unit) granted (cumulative)", color: "#1e8449", values: cumulative)],
            targets: [.init(name: "\(unit) funded", color: "#7f8c8d", values: [Double(funded)])],
            format: format
        )
    }

    private var rankings: String {
        var out =
            "<section><h2>Rankings in \(HTMLText.escaped(self.report.latest?.period ?? "-"))</h2><div class=\"ranks\">"
        for type in ProgramReport.types {
            let ranked = self.report.rankings[type] ?? []
            out += "<table><caption style=\"color:\(Self.typeColors[type] ?? "#333")\">\(type)</caption>"
            out += "<tr><th>#</th><th>provider</th><th>id</th><th>score</th><th>tier</th><th>club</th>"
            out += "<th>12-month GMV</th></tr>"
            for entry in ranked {
                // The id beside the name: names are the providers' own and two can look alike.
                out += "<tr><td>\(entry.rank)</td><td>\(HTMLText.escaped(entry.name))</td>"
                out += "<td><code>\(HTMLText.escaped(entry.providerID))</code></td>"
                out += "<td>\(FixedText.score(entry.composite))</td>"
                out += "<td>\(HTMLText.escaped(entry.tier))</td><td>\(HTMLText.escaped(entry.club))</td>"
                out += "<td class=\"n\">\(HTMLText.escaped(Self.shortYuan(Double(entry.clubGMVFen))))</td></tr>"
            }
            out += "</table>"
        }
        return out + "</div></section>\n"
    }

    private static func section(_ title: String, _ note: String, _ content: String) -> String {
        "<section><h2>\(HTMLText.escaped(title))</h2><p>\(note)</p><div class=\"charts\">\(content)</div></section>\n"
    }

    /// Fen as yuan in millions or billions (`¥1.25B`), for axes and tables where width matters.
    static func shortYuan(_ fen: Double) -> String {
        let yuan = fen / 100
        if yuan >= 1e9 { return String(format: "¥%.2fB", yuan / 1e9) }
        if yuan >= 1e6 { return String(format: "¥%.1fM", yuan / 1e6) }
        if yuan >= 1e3 { return String(format: "¥%.0fK", yuan / 1e3) }
        return String(format: "¥%.0f", yuan)
    }

    static func shortCount(_ value: Double) -> String {
        if value >= 1e9 { return String(format: "%.2fB", value / 1e9) }
        if value >= 1e6 { return String(format: "%.1fM", value / 1e6) }
        if value >= 1e3 { return String(format: "%.0fK", value / 1e3) }
        return String(format: "%.0f", value)
    }

    static let style = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC",sans-serif;margin:0;\
        color:#223;background:#f6f7f9}
        header{background:#16324f;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:22px}
        header p{margin:0;opacity:.85}code{font-family:ui-monospace,monospace}
        section{background:#fff;margin:16px 28px;padding:14px 20px;border-radius:8px;box-shadow:0 1px 3px #0001}
        h2{font-size:17px;margin:0 0 6px}section p{margin:0 0 10px;color:#556}
        .tiles{display:flex;flex-wrap:wrap;gap:12px;background:none;box-shadow:none;padding:0}
        .tiles div{background:#fff;border-radius:8px;padding:10px 16px;box-shadow:0 1px 3px #0001;min-width:150px}
        .tiles span{display:block;color:#667;font-size:12px}.tiles b{font-size:19px}
        .charts{display:flex;flex-wrap:wrap;gap:16px}
        .ranks{display:flex;flex-wrap:wrap;gap:18px}table{border-collapse:collapse;font-size:12px}
        caption{text-align:left;font-weight:600;padding:4px 0}th,td{padding:3px 8px;border-bottom:1px solid #eee;\
        text-align:left}td.n{text-align:right}
        footer{margin:12px 28px 24px;color:#889;font-size:12px}
        """
}
