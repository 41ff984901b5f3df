import Testing
import WindMakerMessages
import WindMakerServiceSupport

@Suite struct HealthStatusRegistryTests {
    @Test func statusesAreKeptPerService() {
        let registry = HealthStatusRegistry()
        registry.set(.serving)
        registry.set(.notServing, for: "windmaker.echo.v1.Echo")
        #expect(registry.status(of: "") == .serving)
        #expect(registry.status(of: "windmaker.echo.v1.Echo") == .notServing)
        #expect(registry.status(of: "windmaker.nope.v1.Nope") == nil)
    }

    @Test func watchSeesTheCurrentStatusThenChangesThenEndsAtFinish() async {
        let registry = HealthStatusRegistry()
        registry.set(.serving)
        let updates = registry.updates(of: "")
        var iterator = updates.makeAsyncIterator()
        #expect(await iterator.next() == .serving)
        registry.set(.notServing)
        #expect(await iterator.next() == .notServing)
        registry.finish()
        #expect(await iterator.next() == .notServing)
        #expect(await iterator.next() == nil)
    }

    @Test func nothingTurnsBackToServingOnceShutdownBegan() {
        let registry = HealthStatusRegistry()
        registry.set(.serving)
        registry.finish()
        registry.set(.serving)
        #expect(registry.status(of: "") == .notServing)
    }

    @Test func watchingAfterFinishGetsOneStatusAndEnds() async {
        let registry = HealthStatusRegistry()
        registry.set(.serving)
        registry.finish()
        var iterator = registry.updates(of: "").makeAsyncIterator()
        #expect(await iterator.next() == .notServing)
        #expect(await iterator.next() == nil)
    }
}
