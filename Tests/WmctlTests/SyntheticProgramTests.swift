import Testing

@testable import wmctl

@Suite struct SyntheticProgramTests {
    @Test func theSameSeedPlaysTheSameProgramAndAnotherSeedAnother() {
        let first = SyntheticProgram(seed: 7, providers: 40, clients: 400)
        let again = SyntheticProgram(seed: 7, providers: 40, clients: 400)
        let other = SyntheticProgram(seed: 8, providers: 40, clients: 400)
        let ids = (0 ..< 40).map { "prv_\($0)" }
        #expect(first.facts(month: 4, providerIDs: ids) == again.facts(month: 4, providerIDs: ids))
        #expect(first.facts(month: 4, providerIDs: ids) != other.facts(month: 4, providerIDs: ids))
        #expect(first.providers.map(\.annualGMVYuan) == again.providers.map(\.annualGMVYuan))
    }

    @Test func everyTypeIsPresentAndEveryClientBelongsToOneProvider() {
        let program = SyntheticProgram(seed: 2021, providers: 5, clients: 15)
        #expect(Set(program.providers.map(\.type)) == Set(SyntheticProvider.types))
        #expect(program.clients.count == 15)
        #expect(program.providers.map(\.clients.count).reduce(0, +) == 15)
        #expect(program.providers.allSatisfy { $0.clients.count >= 3 })
        #expect(program.providers.filter { $0.fakeOrderMonth != nil }.count == 1)
    }

    @Test func factsAreWhatTheAssessmentAccepts() {
        let program = SyntheticProgram(seed: 2021, providers: 60, clients: 600)
        let ids = (0 ..< 60).map { "prv_\($0)" }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-")
        var seen = Set<String>()
        for month in SyntheticProgram.periods.indices {
            for fact in program.facts(month: month, providerIDs: ids) {
                #expect(fact.id.count <= 64 && fact.id.allSatisfy(allowed.contains), "\(fact.id)")
                #expect(seen.insert(fact.id).inserted, "fact ids are unique: \(fact.id)")
                #expect(fact.value >= 0)
                #expect((1 ... 28).contains(fact.date?.day ?? 0))
                if fact.metric == "LIVE_MINUTES" { #expect(fact.value <= 1_440, "a daily figure") }
            }
        }
        let violations = SyntheticProgram.periods.indices.flatMap { program.facts(month: $0, providerIDs: ids) }
            .filter { $0.metric == "VIOLATIONS" }
        #expect(violations.count == 1 && violations.allSatisfy { $0.kind == "FAKE_ORDER" })
    }

    @Test func 双11And618AreThePeaks() {
        let program = SyntheticProgram(seed: 2021, providers: 30, clients: 300)
        let totals = SyntheticProgram.periods.indices.map { month in
            program.providers.reduce(Int64(0)) { $0 + program.monthlyGMVFen($1, month: month) }
        }
        let november = SyntheticProgram.periods.firstIndex(of: "2021-11")!
        let june = SyntheticProgram.periods.firstIndex(of: "2022-06")!
        #expect(totals.max() == totals[november])
        #expect(totals.enumerated().filter { $0.offset != november }.map(\.element).max() == totals[june])
    }
}
