import Foundation

/// What the program report and the demo's dashboard show, read from the three services (``ProgramReport/gather``):
/// clubs against their targets, the budgets and how they were spent, score distributions and tiers, and rankings.
struct ProgramReport {
    struct Period {
        let period: String
        /// The assessment's state of the period (`FINAL`, `PUBLISHED`, …).
        let state: String
        let billionClub: Int64
        let hundredMillionClub: Int64
        let providers: Int64
        /// Scorecards by tier (`S`, `A`, `B`, `C`), disqualified ones under `disqualified`.
        let tiers: [String: Int]
        /// Cash and traffic paid by the period's posted batches (adjustments included), and cash clawed back.
        let paidFen: Int64
        let paidImpressions: Int64
        let clawbackFen: Int64
    }

    struct Budget {
        let funded: Int64
        let reserved: Int64
        let paid: Int64
        let recovered: Int64
        let remaining: Int64
    }

    struct Ranked {
        let rank: Int64
        let providerID: String
        let name: String
        let composite: Int64
        let tier: String
        let club: String
        let clubGMVFen: Int64
    }

    /// When the services were read.
    let readAt: Date
    let programID: String
    let programName: String
    let firstPeriod: String
    let lastPeriod: String
    let targetBillion: Int64
    let targetHundredMillion: Int64
    let periods: [Period]
    let cash: Budget
    let traffic: Budget
    /// Composites (hundredths) of the latest period's scorecards, by provider type.
    let composites: [String: [Int64]]
    /// The latest period's best-ranked providers, by type.
    let rankings: [String: [Ranked]]

    static let types = ["LOCAL", "BRAND", "MATCHMAKING", "BASE", "STRATEGIC"]
    static let tiers = ["S", "A", "B", "C", "disqualified"]

    /// The latest period the assessment has scored, which the distributions and rankings describe.
    var latest: Period? { self.periods.last }
}
