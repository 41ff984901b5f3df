import WindMakerAssessment
import WindMakerKit

/// A deterministic synthetic program: `providers` providers (types in turn), five merchants each bound to its
/// provider in every scope since 2021-01-01, and facts spread over July–September 2021 (the window of period
/// 2021-09) across every metric, 5 % of them a provider's own.
struct BenchData {
    let providers: Int
    let facts: Int
    static let clientsPerProvider = 5
    static let period = try! PeriodID("2021-09")
    static let windowStart = try! CivilDate("2021-07-01")

    var providerList: [PeriodComputation.Provider] {
        (0 ..< self.providers).map { index in
            PeriodComputation.Provider(id: Self.providerID(index), type: ProviderType.allCases[index % 5])
        }
    }

    static func providerID(_ index: Int) -> ProviderID {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var digits = ""
        var value = index
        for _ in 0 ..< 16 {
            digits.append(alphabet[value % 32])
            value /= 32
        }
        return try! ProviderID("prv_" + digits)
    }

    var bindings: [BindingSpan] {
        var spans: [BindingSpan] = []
        spans.reserveCapacity(self.providers * Self.clientsPerProvider * BindingScope.allCases.count)
        let dates = try! DateRange(start: try! CivilDate("2021-01-01"))
        for provider in 0 ..< self.providers {
            for client in 0 ..< Self.clientsPerProvider {
                let ref = try! ClientRef(kind: .merchant, id: "m\(provider * Self.clientsPerProvider + client)")
                for scope in BindingScope.allCases {
                    spans.append(
                        BindingSpan(
                            id: "bnd_\(provider)_\(client)_\(scope.rawValue)",
                            providerID: Self.providerID(provider),
                            client: ref,
                            scope: scope,
                            dates: dates
                        )
                    )
                }
            }
        }
        return spans
    }

    /// Fact `index` as the wire-level fields a pipeline would send (subject kind and id, date, metric, kind, value).
    func fact(
        _ index: Int
    ) -> (id: String, kind: String, subject: String, date: CivilDate, metric: Metric, violation: String, value: Int64) {
        var mixer = UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15
        mixer ^= mixer >> 29
        let provider = Int(mixer % UInt64(self.providers))
        let metric = Metric.allCases[index % Metric.allCases.count]
        let day = Int((mixer >> 20) % 92)
        let date = Self.day(day)
        let ownFigure = index % 20 == 0
        let subject =
            ownFigure
            ? Self.providerID(provider).rawValue : "m\(provider * Self.clientsPerProvider + Int((mixer >> 40) % 5))"
        let value: Int64 =
            switch metric.unit {
            case .fen: Int64((mixer >> 8) % 5_000_000)
            case .minutes: Int64((mixer >> 8) % 300)
            case .count: metric == .violations ? (index % 997 == 0 ? 1 : 0) : Int64((mixer >> 8) % 500)
            }
        let violation = metric == .violations ? (index % 2 == 0 ? "FAKE_ORDER" : "OTHER") : ""
        return ("f\(index)", ownFigure ? "PROVIDER" : "MERCHANT", subject, date, metric, violation, value)
    }

    /// The date `offset` days after 2021-07-01 (July and August have 31 days).
    static func day(_ offset: Int) -> CivilDate {
        switch offset {
        case 0 ..< 31: try! CivilDate(year: 2021, month: 7, day: offset + 1)
        case 31 ..< 62: try! CivilDate(year: 2021, month: 8, day: offset - 30)
        default: try! CivilDate(year: 2021, month: 9, day: min(offset - 61, 30))
        }
    }
}
