import Foundation
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI

/// One play of the synthetic program against running services, as the people of the program would do it: the
/// provider portal applies and binds clients, an operator approves, ingests, computes, publishes and decides
/// appeals, two finance approvers approve and post each disbursement (four eyes), and two providers appeal with their
/// own certificates. Only RPCs: this is a client like any other.
final class DemoRun {
    let program: SyntheticProgram
    let programID: String
    let connections: StackConnections
    let certificates: String
    let certificateTool: String
    let options: CallOptions
    /// The registry's provider ids, by provider number.
    var providerIDs: [String] = []
    /// What the narrative picked, for the dashboard: the appeals' providers and the clawback.
    var story = DemoStory()

    init(
        program: SyntheticProgram,
        programID: String,
        connections: StackConnections,
        certificates: String,
        certificateTool: String,
        options: CallOptions
    ) {
        self.program = program
        self.programID = programID
        self.connections = connections
        self.certificates = certificates
        self.certificateTool = certificateTool
        self.options = options
    }

    func identity(_ name: String) -> StackConnections.Identity {
        .development(name, in: self.certificates)
    }

    var registry: RegistryV1.Registry.Client {
        get throws {
            RegistryV1.Registry.Client(try self.connections.client(.registry, as: self.identity("operator-alice")))
        }
    }
    var portal: RegistryV1.Registry.Client {
        get throws {
            RegistryV1.Registry.Client(try self.connections.client(.registry, as: self.identity("provider-portal")))
        }
    }
    var assessment: AssessmentV1.Assessment.Client {
        get throws {
            AssessmentV1.Assessment.Client(
                try self.connections.client(.assessment, as: self.identity("operator-alice"))
            )
        }
    }
    func incentive(as name: String) throws -> IncentiveV1.Incentive.Client {
        IncentiveV1.Incentive.Client(try self.connections.client(.incentive, as: self.identity(name)))
    }

    /// Call options carrying `key` as the idempotency key: every write of the demo has one, derived from the seed and
    /// the step, as a careful client's would be.
    func keyed(_ key: String) -> CallOptions {
        var options = self.options
        options.metadata.set("idempotency-key", "demo-\(self.program.seed)-\(key)")
        return options
    }

    /// Plays the whole year: providers, bindings, the program, then each period in turn.
    func play() async throws {
        try await self.requireEmptyStores()
        try await self.registerProviders()
        try await self.bindClients()
        try await self.createProgram()
        for month in SyntheticProgram.periods.indices {
            try await self.playPeriod(month)
        }
    }

    /// Prints a line of the story at once, unbuffered like the progress lines on standard error, so the two
    /// interleave as they happened even in a pipe or a file.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Runs `body` for `0 ..< count` with at most `limit` calls in flight, counting on `progress`.
    static func concurrently<T: Sendable>(
        _ count: Int,
        limit: Int = 32,
        progress: ProgressLine,
        _ body: @escaping @Sendable (Int) async throws -> T
    ) async throws -> [T] {
        var results = [T?](repeating: nil, count: count)
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var next = 0
            var done = 0
            while next < min(limit, count) {
                let index = next
                group.addTask { (index, try await body(index)) }
                next += 1
            }
            while let (index, result) = try await group.next() {
                results[index] = result
                done += 1
                progress.update(Int64(done), of: Int64(count))
                if next < count {
                    let index = next
                    group.addTask { (index, try await body(index)) }
                    next += 1
                }
            }
        }
        progress.finish()
        return results.map { $0! }
    }
}

/// Who the demo's story picked, reported at the end.
struct DemoStory {
    var upheldAppeal: String?
    var rejectedAppeal: String?
    var clawbackProvider: String?
    var clawbackFen: Int64 = 0
}
