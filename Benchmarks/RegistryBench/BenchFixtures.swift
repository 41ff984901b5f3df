import WindMakerKit
import WindMakerRegistry

/// Deterministic inputs: credit codes, applications, dates.
enum BenchFixtures {
    static let portal = "spiffe://windmaker/service/portal"
    static let operatorID = "spiffe://windmaker/operator/alice"
    static let now = Timestamp(secondsSinceEpoch: 1_780_000_000)

    /// A valid credit code distinct for every `number` below 10^9.
    static func creditCode(_ number: Int) -> String {
        let digits = String(number)
        let prefix = "91350100" + String(repeating: "0", count: 9 - digits.count) + digits
        // Every 17-character prefix from the alphabet has a check character.
        return prefix + String(CreditCode.checkCharacter(for: prefix)!)
    }

    static func application(_ number: Int) -> ProviderApplication {
        ProviderApplication(
            displayName: "Provider \(number)",
            legalName: "Bench Provider \(number) Co., Ltd.",
            creditCode: Self.creditCode(number),
            type: .local,
            region: "350100",
            categories: ["apparel", "tea"],
            contact: Contact(name: "Lin Wei", phone: "+86 591 8888 0000", email: "lin.wei@example.com"),
            capabilities: Capabilities(
                trafficOperation: Capability(summary: "paid traffic for 40 stores", selfRating: 70),
                supplyChain: Capability(summary: "tea from Wuyi", selfRating: 85)
            )
        )
    }

    /// Only called with valid literals.
    static func date(_ text: String) -> CivilDate {
        try! CivilDate(text)
    }
}
