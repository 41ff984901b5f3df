import WindMakerKit

/// The program at a glance, as text for a terminal: clubs against their targets, the two budgets, and the best
/// provider of each type in the latest period. Every cell goes through ``Table`` (names came from users).
struct ProgramDashboard {
    let report: ProgramReport

    var rendered: String {
        var out = "Program \(TerminalText.escaped(self.report.programName)) (\(self.report.programID)), "
        out += "\(self.report.firstPeriod) to \(self.report.lastPeriod)\n"
        guard let latest = self.report.latest else { return out + "No period has been scored yet.\n" }
        out += "\nClubs in \(latest.period) (trailing twelve months of net GMV, \(latest.state)):\n"
        out +=
            Table(
                header: ["club", "providers", "target", ""],
                rows: [
                    Self.club("¥1B", latest.billionClub, self.report.targetBillion),
                    Self.club("¥100M", latest.hundredMillionClub, self.report.targetHundredMillion),
                ]
            ).rendered + "\n"
        out += "\nBudgets:\n"
        out +=
            Table(
                header: ["", "funded", "reserved", "granted", "recovered", "remaining"],
                rows: [
                    ["cash"] + Self.figures(self.report.cash, AmountText.yuan),
                    ["traffic (impressions)"] + Self.figures(self.report.traffic, AmountText.count),
                ]
            ).rendered + "\n"
        out += "\nTop providers by type in \(latest.period):\n"
        let rows = ProgramReport.types.flatMap { type in
            (self.report.rankings[type] ?? []).prefix(3).map { ranked in
                [
                    type, "\(ranked.rank)", ranked.name, ranked.providerID, FixedText.score(ranked.composite),
                    ranked.tier, ranked.club.isEmpty ? "-" : ranked.club, AmountText.yuan(ranked.clubGMVFen),
                ]
            }
        }
        out +=
            Table(
                header: ["type", "rank", "provider", "id", "composite", "tier", "club", "12-month GMV"],
                rows: rows
            ).rendered + "\n"
        return out
    }

    private static func club(_ name: String, _ members: Int64, _ target: Int64) -> [String] {
        let standing =
            members >= target
            ? "target met" : "\(target > 0 ? members * 100 / target : 0) % of target"
        return [name, "\(members)", "\(target)", standing]
    }

    private static func figures(_ budget: ProgramReport.Budget, _ format: (Int64) -> String) -> [String] {
        [budget.funded, budget.reserved, budget.paid, budget.recovered, budget.remaining].map(format)
    }
}
