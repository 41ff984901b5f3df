import WindMakerKit
import WindMakerRegistry

/// A deterministic generator (SplitMix64) so that generated ids are reproducible in tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Fixtures {
    static let operatorID = "spiffe://windmaker/operator/alice"
    static let portalID = "spiffe://windmaker/service/portal"
    static let creditCode = "91350100M000100Y43"
    static let otherCreditCode = "914403001922038216"
    static let now = Timestamp(secondsSinceEpoch: 1_750_000_000)

    static func application(type: ProviderType = .local, region: String? = "350100") -> ProviderApplication {
        ProviderApplication(
            displayName: "  Minjiang Live  ",
            legalName: "Fuzhou Minjiang Live Commerce Co., Ltd.",
            creditCode: Self.creditCode,
            type: type,
            region: region,
            categories: ["apparel", "tea"],
            contact: Contact(name: "Lin Wei", phone: "+86 591 8888 0000", email: "lin.wei@example.com"),
            capabilities: Capabilities(
                trafficOperation: Capability(summary: "paid traffic for 40 stores", selfRating: 70),
                supplyChain: Capability(summary: "tea from Wuyi", selfRating: 85)
            )
        )
    }

    static func provider(_ lifecycle: ProviderLifecycle = .active) throws -> Provider {
        var generator = SeededGenerator(seed: 1)
        let profile = try Self.application().validated()
        return Provider(
            id: .random(using: &generator),
            profile: profile,
            lifecycle: lifecycle,
            createdAt: Self.now,
            updatedAt: Self.now,
            version: 3
        )
    }

    static func date(_ text: String) -> CivilDate {
        // Only called with literals that are valid dates.
        try! CivilDate(text)
    }

    static func range(_ start: String, _ end: String?) -> DateRange {
        try! DateRange(start: Self.date(start), end: end.map(Self.date))
    }
}
