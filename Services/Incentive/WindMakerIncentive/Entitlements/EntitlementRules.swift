public import WindMakerKit

/// How a program turns a FINAL scorecard into cash and traffic: versioned data, read from a JSON document whose every
/// violation names its path (docs/INCENTIVE.md documents it field by field).
public struct EntitlementRules: Hashable, Sendable {
    /// What cash is a share of.
    public enum Basis: String, Hashable, Sendable {
        /// The net attributed GMV of the scorecard's window.
        case gmv
        /// That GMV's growth over the previous period (nothing when it fell).
        case growth
    }

    /// What happens when a period's entitlements exceed what the cash budget has left.
    public enum OverBudget: String, Hashable, Sendable {
        /// Computing fails, saying by how much.
        case fail
        /// Every cash entitlement is scaled down by the same ratio, exactly to the budget.
        case proRata = "pro_rata"
    }

    public var basis: Basis
    /// Basis points (1/10,000) of the basis, per tier; a tier not listed earns no cash.
    public var tierRates: [String: Int64]
    /// Extra basis points per GMV club.
    public var clubBonuses: [String: Int64]
    /// Cash of an entitled provider is at least this (fen).
    public var floor: Int64
    /// Cash per provider per period at most (fen).
    public var capPerPeriod: Int64
    /// Cash per provider over the whole program at most (fen).
    public var capPerProgram: Int64
    /// Impressions per tier.
    public var trafficPerTier: [String: Int64]
    /// Days between approval and posting.
    public var holdDays: Int64
    /// Payouts below this (fen) are carried forward to the next period.
    public var payoutMinimum: Int64
    public var overBudget: OverBudget

    /// Reads and validates a rules document.
    /// - Throws: ``InvalidRequest`` listing every violation by its path.
    public static func read(_ document: [UInt8]) throws(InvalidRequest) -> EntitlementRules {
        guard document.count <= Self.maximumDocumentBytes else {
            throw InvalidRequest(
                field: "document",
                "a rules document is at most \(Self.maximumDocumentBytes / 1024) KiB, found \(document.count) bytes"
            )
        }
        return try JSONDocumentReader.read(document, noun: "rules") { json, reader in Self.read(json, &reader) }
    }

    /// The largest rules document accepted: a real one is a few hundred bytes.
    public static let maximumDocumentBytes = 64 * 1024

    private static let maximumAmount: Int64 = 1_000_000_000_000_000

    private static func read(_ json: JSONValue, _ reader: inout JSONDocumentReader) -> EntitlementRules? {
        guard
            let root = reader.object(
                json,
                "",
                known: ["cash", "traffic", "hold_days", "payout_minimum_fen", "over_budget"]
            )
        else { return nil }
        let cash = reader.object(
            root["cash"],
            "cash",
            known: ["basis", "rates_bp", "club_bonus_bp", "floor_fen", "cap_per_period_fen", "cap_per_program_fen"]
        )
        var basis: Basis?
        if let cash {
            switch cash["basis"] {
            case .string(let name)?:
                basis = Basis(rawValue: name)
                if basis == nil { reader.fail("cash.basis", "must be \"gmv\" or \"growth\", found \"\(name)\"") }
            default: reader.fail("cash.basis", "must be \"gmv\" or \"growth\"")
            }
        }
        let rates = cash.flatMap { Self.table($0["rates_bp"], "cash.rates_bp", &reader, range: 0 ... 10_000) }
        let bonuses =
            cash?["club_bonus_bp"] == nil
            ? [:] : cash.flatMap { Self.table($0["club_bonus_bp"], "cash.club_bonus_bp", &reader, range: 0 ... 10_000) }
        let floor = cash.flatMap { reader.integer($0["floor_fen"], "cash.floor_fen", in: 0 ... Self.maximumAmount) }
        let capPeriod = cash.flatMap {
            reader.integer($0["cap_per_period_fen"], "cash.cap_per_period_fen", in: 1 ... Self.maximumAmount)
        }
        let capProgram = cash.flatMap {
            reader.integer($0["cap_per_program_fen"], "cash.cap_per_program_fen", in: 1 ... Self.maximumAmount)
        }
        let traffic = reader.object(root["traffic"], "traffic", known: ["impressions"])
        let impressions = traffic.flatMap {
            Self.table($0["impressions"], "traffic.impressions", &reader, range: 0 ... Self.maximumAmount)
        }
        let hold = reader.integer(root["hold_days"], "hold_days", in: 0 ... 90)
        let minimum = reader.integer(root["payout_minimum_fen"], "payout_minimum_fen", in: 0 ... Self.maximumAmount)
        var overBudget: OverBudget?
        switch root["over_budget"] {
        case .string(let name)?:
            overBudget = OverBudget(rawValue: name)
            if overBudget == nil { reader.fail("over_budget", "must be \"fail\" or \"pro_rata\", found \"\(name)\"") }
        default: reader.fail("over_budget", "must be \"fail\" or \"pro_rata\"")
        }
        if let floor, let capPeriod, floor > capPeriod {
            reader.fail("cash.floor_fen", "must not exceed cash.cap_per_period_fen (\(capPeriod))")
        }
        if let capPeriod, let capProgram, capPeriod > capProgram {
            reader.fail("cash.cap_per_period_fen", "must not exceed cash.cap_per_program_fen (\(capProgram))")
        }
        guard let basis, let rates, let bonuses, let floor, let capPeriod, let capProgram, let impressions, let hold,
            let minimum, let overBudget
        else { return nil }
        return EntitlementRules(
            basis: basis,
            tierRates: rates,
            clubBonuses: bonuses,
            floor: floor,
            capPerPeriod: capPeriod,
            capPerProgram: capProgram,
            trafficPerTier: impressions,
            holdDays: hold,
            payoutMinimum: minimum,
            overBudget: overBudget
        )
    }

    /// An object of upper-case names (tiers, clubs) to integers in `range`.
    private static func table(
        _ json: JSONValue?,
        _ path: String,
        _ reader: inout JSONDocumentReader,
        range: ClosedRange<Int64>
    ) -> [String: Int64]? {
        guard case .object(let members)? = json else {
            reader.fail(path, json == nil ? "is required" : "must be an object of names to numbers")
            return nil
        }
        var table: [String: Int64] = [:]
        var valid = true
        for name in members.keys.sorted() {
            guard let key = reader.identifier(.string(name), "\(path).\(name)", upperCase: true),
                let value = reader.integer(members[name], "\(path).\(name)", in: range)
            else {
                valid = false
                continue
            }
            table[key] = value
        }
        return valid ? table : nil
    }
}
