import Foundation
import WindMakerMessages

extension SyntheticProgram {
    /// Every fact of `month` (an index into ``periods``): per client its paid GMV, refunds, orders and complaints; per
    /// provider its ads, followers, live streaming, incubation, buyers, SKUs and shipments, and any fake-order
    /// finding. `providerIDs` are the registry's ids, by provider number.
    func facts(month: Int, providerIDs: [String]) -> [AssessmentV1.Fact] {
        var facts: [AssessmentV1.Fact] = []
        facts.reserveCapacity(self.clients.count * 4 + self.providers.count * 24)
        let period = Self.periods[month]
        let (year, monthNumber) = (Int32(period.prefix(4))!, Int32(period.suffix(2))!)
        var random = SeededRandom(seed: self.seed &+ UInt64(month + 1) &* 0x1000_0000)
        func fact(
            _ id: String,
            _ kind: String,
            _ subject: String,
            day: Int,
            _ metric: String,
            _ value: Int64
        )
            -> AssessmentV1.Fact
        {
            AssessmentV1.Fact(
                id: id,
                subjectKind: kind,
                subjectId: subject,
                date: CommonV1.Date(year: year, month: monthNumber, day: Int32(day)),
                metric: metric,
                kind: metric == "VIOLATIONS" ? "FAKE_ORDER" : "",
                value: max(0, value)
            )
        }
        for provider in self.providers {
            let gmv = Double(self.monthlyGMVFen(provider, month: month))
            let weights = self.clients[provider.clients].reduce(0) { $0 + $1.weight }
            let quality = provider.quality
            var orders: Int64 = 0
            for client in self.clients[provider.clients] {
                let paid = gmv * client.weight / weights * random.between(0.9, 1.1)
                let clientOrders = Int64(paid / random.between(9_000, 30_000)) + 1
                orders += clientOrders
                let prefix = "c:\(period):\(client.id):"
                facts.append(fact(prefix + "gmv", "MERCHANT", client.id, day: client.day, "PAID_GMV", Int64(paid)))
                let refundRate = 0.02 + 0.2 * (1 - quality) * random.between(0.7, 1.3)
                facts.append(
                    fact(
                        prefix + "refunds",
                        "MERCHANT",
                        client.id,
                        day: client.day,
                        "REFUNDS",
                        Int64(paid * refundRate)
                    )
                )
                facts.append(fact(prefix + "orders", "MERCHANT", client.id, day: client.day, "ORDERS", clientOrders))
                let complaintRate = 0.0005 + 0.025 * (1 - quality) * (1 - quality)
                facts.append(
                    fact(
                        prefix + "complaints",
                        "MERCHANT",
                        client.id,
                        day: client.day,
                        "COMPLAINTS",
                        Int64((Double(clientOrders) * complaintRate).rounded())
                    )
                )
            }
            facts += self.providerFacts(provider, month: month, gmv: gmv, orders: orders, random: &random) {
                fact("p:\(period):\(provider.number):\($0)", "PROVIDER", providerIDs[provider.number], day: $1, $2, $3)
            }
        }
        return facts
    }

    /// The provider's own figures for the month; `make(id suffix, day, metric, value)` builds each fact.
    private func providerFacts(
        _ provider: SyntheticProvider,
        month: Int,
        gmv: Double,
        orders: Int64,
        random: inout SeededRandom,
        make: (String, Int, String, Int64) -> AssessmentV1.Fact
    ) -> [AssessmentV1.Fact] {
        let quality = provider.quality
        let strengths = SyntheticProvider.strengths[provider.type] ?? (ads: 1, live: 1, incubation: 1)
        var facts: [AssessmentV1.Fact] = []
        let adSpend = gmv * 0.02 * strengths.ads
        let roi = (0.6 + 5.5 * quality) * random.between(0.85, 1.15)
        facts.append(make("ad-spend", 10, "AD_SPEND", Int64(adSpend)))
        facts.append(make("ad-gmv", 10, "AD_GMV", Int64(adSpend * roi)))
        facts.append(make("followers", 12, "NEW_FOLLOWERS", Int64(40_000 * quality * strengths.ads * random.unit())))
        // Live minutes are a daily figure (at most 1,440), so one fact per streaming day.
        let days = Int(4 + 8 * strengths.live * quality)
        let minutesPerDay = Int64(90 + 400 * quality)
        for day in 0 ..< min(days, 28) {
            facts.append(make("live-\(day + 1)", day + 1, "LIVE_MINUTES", minutesPerDay))
        }
        let perMinuteFen = (200 + 4_500 * quality * strengths.live) * 100 * random.between(0.8, 1.2)
        facts.append(make("live-gmv", 20, "LIVE_GMV", Int64(Double(Int64(days) * minutesPerDay) * perMinuteFen)))
        facts.append(
            make("incubated", 25, "STREAMERS_INCUBATED", Int64(6 * quality * strengths.incubation * random.unit()))
        )
        let buyers = Int64(Double(orders) * 0.8)
        facts.append(make("buyers", 28, "BUYERS", buyers))
        facts.append(make("repeat-buyers", 28, "REPEAT_BUYERS", Int64(Double(buyers) * (0.1 + 0.55 * quality))))
        let skus = Int64(50 + 500 * quality)
        facts.append(make("skus", 28, "ACTIVE_SKUS", skus))
        facts.append(make("skus-sold", 28, "SKUS_SOLD", Int64(Double(skus) * (0.2 + 0.75 * quality))))
        facts.append(make("shipments", 28, "SHIPMENTS_TOTAL", orders))
        facts.append(
            make("shipments-on-time", 28, "SHIPMENTS_ON_TIME", Int64(Double(orders) * (0.84 + 0.155 * quality)))
        )
        if provider.fakeOrderMonth == month {
            facts.append(make("fake-orders", 18, "VIOLATIONS", 1 + Int64(random.next() % 5)))
        }
        return facts
    }
}

extension SyntheticProvider {
    /// How much each type leans on ads, live streaming and incubation (1 is average).
    static let strengths: [String: (ads: Double, live: Double, incubation: Double)] = [
        "LOCAL": (1.0, 0.6, 0.4), "BRAND": (1.6, 1.0, 0.4), "MATCHMAKING": (0.8, 1.5, 1.2),
        "BASE": (0.6, 1.3, 1.8), "STRATEGIC": (1.3, 1.3, 1.3),
    ]
}
