import Foundation
import WindMakerAssessment
import WindMakerKit
import WindMakerRegistry
import WindMakerStorage

/// The stores behind the period case, filled directly in large transactions (not measured): the registry with
/// `providers` ACTIVE providers of every type, and the assessment with September 2021 computed from one GMV fact per
/// provider, published and FINAL.
struct PeriodSetup {
    let providers: Int
    let directory: URL

    static let period = try! PeriodID("2021-09")

    func run() async throws {
        let now = Timestamp(microsecondsSinceEpoch: 1_633_017_600_000_000)
        let ids = (0 ..< self.providers).map { _ in ProviderID.random() }
        let types = ProviderType.allCases

        let registryDatabase = try SQLiteDatabase(path: self.directory.appendingPathComponent("registry.sqlite").path)
        try registryDatabase.migrate(RegistrySchema.migrations)
        let registry = try Registry(database: registryDatabase)
        try registryDatabase.transaction { sql in
            for (number, id) in ids.enumerated() {
                var provider = Provider(id: id, profile: try Self.application(number, types).validated(), at: now)
                provider.lifecycle = .active
                try registry.store.insertProvider(provider, in: sql)
            }
        }
        registryDatabase.close()

        let database = try SQLiteDatabase(path: self.directory.appendingPathComponent("assessment.sqlite").path)
        defer { database.close() }
        try database.migrate(AssessmentSchema.migrations)
        let assessment = Assessment(database: database)
        try assessment.publishDefaultRulebookIfNone(effectiveFrom: try PeriodID("2021-01"), at: now)
        let store = SQLiteAssessmentStore()
        let rules = FactRules(programStart: try CivilDate("2021-01-01"), today: try CivilDate("2021-12-31"))
        try database.transaction { sql in
            for number in ids.indices {
                let fact = try Fact(
                    id: "gmv-\(number)",
                    subjectKind: "MERCHANT",
                    subjectID: "m-\(number)",
                    date: "2021-09-15",
                    metric: "PAID_GMV",
                    kind: "",
                    value: Int64(1 + number % 1_000) * 10_000_000,
                    rules: rules
                )
                _ = try store.insertFact(fact, late: false, receivedAt: now, in: sql)
            }
        }
        let start = try DateRange(start: try CivilDate("2021-01-01"))
        let spans = try ids.enumerated().map { number, id in
            BindingSpan(
                id: "b-\(number)",
                providerID: id,
                client: try ClientRef(kind: .merchant, id: "m-\(number)"),
                scope: .storeOperation,
                dates: start
            )
        }
        let prepared = try assessment.prepareComputation(
            period: Self.period,
            providers: ids.enumerated().map { PeriodComputation.Provider(id: $1, type: types[$0 % types.count]) },
            snapshot: BindingSnapshot(spans),
            at: now
        )
        _ = try await assessment.store(prepared, actor: "bench")
        _ = try await assessment.publish(period: Self.period, appealWindowMicroseconds: 1, actor: "bench", at: now)
        _ = try await assessment.finalize(period: Self.period, actor: "bench", at: now.adding(seconds: 1))
    }

    private static func application(_ number: Int, _ types: [ProviderType]) -> ProviderApplication {
        let digits = String(number)
        let prefix = "91350100" + String(repeating: "0", count: 9 - digits.count) + digits
        return ProviderApplication(
            displayName: "Provider \(number)",
            legalName: "Bench Provider \(number) Co., Ltd.",
            creditCode: prefix + String(CreditCode.checkCharacter(for: prefix)!),
            type: types[number % types.count],
            region: "350100",
            categories: ["apparel"],
            contact: Contact(name: "Lin Wei", phone: "+86 591 8888 0000", email: "lin.wei@example.com"),
            capabilities: Capabilities(trafficOperation: Capability(summary: "paid traffic", selfRating: 70))
        )
    }
}
