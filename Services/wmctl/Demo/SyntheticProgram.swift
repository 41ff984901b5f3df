import Foundation

/// The demo's program year, made up from a seed: who the providers are, which clients each serves, and what every
/// month's figures are. Everything here is plain data and arithmetic, so the same seed and sizes give the same program
/// on any machine; `DemoCommand` sends it to the services through their RPCs.
struct SyntheticProgram {
    /// The twelve periods played, July 2021 (the program's first month) to June 2022, with 双11 and 618 in them.
    static let periods = [
        "2021-07", "2021-08", "2021-09", "2021-10", "2021-11", "2021-12",
        "2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06",
    ]
    /// Each month's share of a year's GMV: 双11 in November, 618 in June, the Spring Festival lull in February.
    static let seasonality: [Double] = [0.9, 0.9, 0.95, 1.0, 1.9, 1.05, 0.9, 0.7, 0.95, 0.95, 1.0, 1.5]

    let seed: UInt64
    let providers: [SyntheticProvider]
    let clients: [SyntheticClient]

    /// - Parameters:
    ///   - providerCount: at least 5, so that every type is present.
    ///   - clientCount: at least three per provider.
    init(seed: UInt64, providers providerCount: Int, clients clientCount: Int) {
        precondition(providerCount >= 5 && clientCount >= 3 * providerCount)
        self.seed = seed
        var random = SeededRandom(seed: seed)
        var providers = (0 ..< providerCount).map { SyntheticProvider(number: $0, random: &random) }
        // A few confirmed fake-order findings, one provider in about sixty, never the strategic ones.
        let offenders = max(1, providerCount / 60)
        var marked = 0
        while marked < offenders {
            let number = Int(random.next() % UInt64(providerCount))
            guard providers[number].type != "STRATEGIC", providers[number].fakeOrderMonth == nil else { continue }
            providers[number].fakeOrderMonth = 2 + Int(random.next() % 6)
            marked += 1
        }
        // Clients spread by the square root of each provider's size (a big provider serves more, not proportionally
        // more), at least three each.
        let weights = providers.map { $0.annualGMVYuan.squareRoot() }
        let spare = clientCount - 3 * providerCount
        let total = weights.reduce(0, +)
        var counts = weights.map { 3 + Int(Double(spare) * $0 / total) }
        counts[counts.count - 1] += clientCount - counts.reduce(0, +)
        var clients: [SyntheticClient] = []
        clients.reserveCapacity(clientCount)
        for (number, count) in counts.enumerated() {
            let first = clients.count
            for _ in 0 ..< count {
                clients.append(SyntheticClient(number: clients.count, provider: number, random: &random))
            }
            providers[number].clients = first ..< clients.count
        }
        self.providers = providers
        self.clients = clients
    }

    /// The provider's paid GMV in `month` (an index into ``periods``), in fen: its yearly GMV spread by the
    /// seasonality and its own monthly growth.
    func monthlyGMVFen(_ provider: SyntheticProvider, month: Int) -> Int64 {
        let season = Self.seasonality[month] / Self.seasonality.reduce(0, +)
        let growth = pow(1 + provider.monthlyGrowth, Double(month - 6))
        return Int64(provider.annualGMVYuan * season * growth * 100)
    }
}

/// One provider of the demo program: its type, how big and how good it is, and the clients it serves.
struct SyntheticProvider {
    static let types = ["LOCAL", "BRAND", "MATCHMAKING", "BASE", "STRATEGIC"]
    /// Cumulative shares of the types: 30 % LOCAL, 25 % BRAND, 20 % MATCHMAKING, 20 % BASE, 5 % STRATEGIC.
    private static let typeShares = [0.30, 0.55, 0.75, 0.95, 1.0]

    let number: Int
    let type: String
    /// Paid GMV over the year, in yuan: from ¥25M to about ¥4B, spread evenly on a log scale (strategic ones larger).
    let annualGMVYuan: Double
    /// How well it serves, 0–1: drives refunds, complaints, on-time shipping, ad returns and live sales.
    let quality: Double
    let monthlyGrowth: Double
    /// The month (index) of a confirmed fake-order finding, if any.
    var fakeOrderMonth: Int?
    var clients: Range<Int> = 0 ..< 0

    init(number: Int, random: inout SeededRandom) {
        self.number = number
        // The first five cover every type, so even the smallest demo has each.
        let draw = random.unit()
        self.type =
            number < Self.types.count
            ? Self.types[number] : Self.types[Self.typeShares.firstIndex { draw < $0 } ?? 0]
        let size = random.unit()
        let exponent = self.type == "STRATEGIC" ? 8.8 + 0.8 * size : 7.4 + 2.2 * size
        self.annualGMVYuan = pow(10, exponent)
        self.quality = random.between(0.15, 1.0)
        self.monthlyGrowth = random.between(-0.01, 0.05)
    }

    var displayName: String {
        let names = [
            "LOCAL": "Local Services", "BRAND": "Brand Studio", "MATCHMAKING": "Live Match",
            "BASE": "Live Base", "STRATEGIC": "Strategic Partners",
        ]
        return "\(Self.cities[self.number % Self.cities.count]) \(names[self.type] ?? "Services") \(self.number + 1)"
    }

    /// A valid unified social credit code, unique per provider number.
    func creditCodePrefix() -> String {
        let digits = String(self.number)
        return "91330100" + String(repeating: "0", count: 9 - digits.count) + digits
    }

    static let cities = ["Hangzhou", "Yiwu", "Guangzhou", "Shenzhen", "Linyi", "Chengdu", "Shanghai", "Quanzhou"]
    /// The 6-digit region code of each city above, for LOCAL providers.
    static let regions = ["330100", "330782", "440100", "440300", "371300", "510100", "310000", "350500"]
}

/// A merchant on the platform, bound to one provider for store operation, with its share of that provider's GMV.
struct SyntheticClient {
    let number: Int
    let provider: Int
    /// Relative weight within its provider's clients.
    let weight: Double
    /// The day of the month its monthly figures are dated.
    let day: Int

    init(number: Int, provider: Int, random: inout SeededRandom) {
        self.number = number
        self.provider = provider
        self.weight = -log(1 - random.unit()) + 0.05
        self.day = 1 + Int(random.next() % 28)
    }

    var id: String { String(format: "m-%06d", self.number) }
}
