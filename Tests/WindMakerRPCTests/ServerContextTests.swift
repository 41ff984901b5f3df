import Testing
import WindMakerRPC

@Suite struct ServerContextTests {
    @Test func responseMetadataAddedThroughACopyIsSeenByTheOriginal() {
        let context = Fixtures.context()
        let copy = context
        copy.addResponseMetadata("Cost-Units", "3")
        context.addResponseMetadata("cost-units", "4")

        #expect(context.responseMetadata.values(for: "cost-units") == ["3", "4"])
        #expect(copy.responseMetadata == context.responseMetadata)
    }

    @Test func eachContextHasItsOwnResponseMetadata() {
        let first = Fixtures.context()
        let second = Fixtures.context()
        first.addResponseMetadata("k", "v")
        #expect(second.responseMetadata.isEmpty)
        #expect(first.responseMetadata.count == 1)
    }

    @Test func currentIsBoundOnlyInsideWithValue() {
        let deadline = ContinuousClock.now.advanced(by: .seconds(5))
        #expect(ServerContext.current == nil)
        ServerContext.$current.withValue(Fixtures.context(deadline: deadline)) {
            #expect(ServerContext.current?.deadline == deadline)
            #expect(ServerContext.current?.descriptor == Fixtures.echo)
        }
        #expect(ServerContext.current == nil)
    }

    @Test func isCancelledFollowsTheTask() async {
        let context = Fixtures.context()
        #expect(!context.isCancelled)
        let task = Task {
            try? await Task.sleep(for: .seconds(60))
            return context.isCancelled
        }
        task.cancel()
        #expect(await task.value)
    }
}
