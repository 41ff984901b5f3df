public import WindMakerKit

/// The accounts the service keeps, by name, so that statements, reports and reconciliation read them as they are:
///
/// | account | unit | natural side |
/// |---|---|---|
/// | `funding:cash`, `funding:traffic` | fen, impressions | where budgets come from (debited when a program is funded) |
/// | `program:<id>:cash`, `program:<id>:traffic` | fen, impressions | the program's budgets, never below zero |
/// | `provider:<id>:payable` | fen | what the program owes the provider; never below zero |
/// | `provider:<id>:traffic` | impressions | the impressions granted to the provider |
/// | `provider:<id>:receivable` | fen | clawbacks the provider owes, deducted from later payouts |
/// | `clearing:cash` | fen | paid out: what left the payable accounts for the bank |
public enum LedgerAccounts {
    public static func funding(_ unit: LedgerUnit) -> AccountID {
        unit == .fen ? Self.fundingCash : Self.fundingTraffic
    }

    private static let fundingCash = Self.named("funding:cash")
    private static let fundingTraffic = Self.named("funding:traffic")

    public static func programBudget(_ program: ProgramID, _ unit: LedgerUnit) -> AccountID {
        Self.named("program:\(program.rawValue):\(unit == .fen ? "cash" : "traffic")")
    }

    public static func payable(_ provider: ProviderID) -> AccountID {
        Self.named("provider:\(provider.rawValue):payable")
    }

    public static func trafficGrant(_ provider: ProviderID) -> AccountID {
        Self.named("provider:\(provider.rawValue):traffic")
    }

    public static func receivable(_ provider: ProviderID) -> AccountID {
        Self.named("provider:\(provider.rawValue):receivable")
    }

    public static let clearing = Self.named("clearing:cash")

    /// The program and unit of a program budget account, or `nil` for any other account.
    public static func budgetOwner(of account: AccountID) -> (program: ProgramID, unit: LedgerUnit)? {
        let parts = account.rawValue.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "program", let program = try? ProgramID(String(parts[1])) else {
            return nil
        }
        switch parts[2] {
        case "cash": return (program, .fen)
        case "traffic": return (program, .impressions)
        default: return nil
        }
    }

    /// The accounts every ledger has before any program exists.
    public static let standing: [Account] = [
        Account(id: Self.funding(.fen), unit: .fen, noOverdraft: false),
        Account(id: Self.funding(.impressions), unit: .impressions, noOverdraft: false),
        Account(id: Self.clearing, unit: .fen, noOverdraft: false),
    ]

    /// The three accounts of a provider.
    public static func accounts(of provider: ProviderID) -> [Account] {
        [
            Account(id: Self.payable(provider), unit: .fen, noOverdraft: true),
            Account(id: Self.trafficGrant(provider), unit: .impressions, noOverdraft: false),
            Account(id: Self.receivable(provider), unit: .fen, noOverdraft: false),
        ]
    }

    /// The two budget accounts of a program.
    public static func accounts(of program: ProgramID) -> [Account] {
        [
            Account(id: Self.programBudget(program, .fen), unit: .fen, noOverdraft: true),
            Account(id: Self.programBudget(program, .impressions), unit: .impressions, noOverdraft: true),
        ]
    }

    /// Names built from valid program and provider ids are always valid account ids.
    private static func named(_ text: String) -> AccountID {
        try! AccountID(text)
    }
}
