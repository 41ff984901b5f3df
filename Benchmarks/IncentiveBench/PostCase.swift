import BenchmarkSupport
import Foundation
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI

/// Posts `count` transfers through an incentive server in a child process, over mutual TLS on loopback, in
/// `CreateTransfers` requests of `group` transfers (each applied whole, posted, durable when answered), `concurrency`
/// requests in flight so that the server's group commit shares fsyncs among them. The requests are built before the
/// clock starts. Every transfer tops up one program's cash budget from the funding source: the hottest pair of
/// accounts a ledger can have.
///
/// With `store` (a PostgreSQL URL), `instances` incentive servers run on it, each request going to the next in turn.
struct PostCase {
    let count: Int
    let group: Int
    let concurrency: Int
    let certificates: CertificateDirectory
    let directory: URL
    var store: String?
    var instances = 1

    func run() async throws -> String {
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        let servers = try (0 ..< self.instances).map { _ in
            try ChildServer.start(
                arguments: [
                    "serve", "--service", "incentive", "--certs", self.certificates.path, "--data",
                    self.directory.path,
                ] + (self.store.map { ["--store", $0] } ?? []),
                description: "incentive server"
            )
        }
        defer { for server in servers { server.stop() } }
        let requests = stride(from: 0, to: self.count, by: self.group).map { start in
            IncentiveV1.CreateTransfersRequest(
                transfers: (start ..< min(start + self.group, self.count)).map { index in
                    IncentiveV1.Transfer(
                        id: "bench-\(index)",
                        debitAccount: "funding:cash",
                        creditAccount: "program:bench:cash",
                        amount: Int64(1 + index % 1_000),
                        unit: "FEN"
                    )
                }
            )
        }
        let connections = try servers.map { server in
            try BenchClient.connect(
                port: server.port,
                serverName: "incentive",
                identity: "operator-alice",
                certificates: self.certificates
            )
        }
        let clients = connections.map { IncentiveV1.Incentive.Client(RPCClient(transport: $0)) }
        let client = clients[0]
        _ = try await client.createProgram(
            IncentiveV1.CreateProgramRequest(
                programId: "bench",
                name: "Bench program",
                firstPeriod: "2021-07",
                lastPeriod: "2021-12"
            )
        )
        let next = NextIndex()
        let began = ContinuousClock.now
        let created = try await withThrowingTaskGroup(of: Int64.self) { tasks in
            for _ in 0 ..< self.concurrency {
                tasks.addTask {
                    var created: Int64 = 0
                    while let index = next.take(below: requests.count) {
                        created += try await clients[index % clients.count].createTransfers(
                            requests[index],
                            options: CallOptions(timeout: .seconds(600))
                        ).created
                    }
                    return created
                }
            }
            return try await tasks.reduce(0, +)
        }
        let seconds = (ContinuousClock.now - began).seconds
        for connection in connections { await connection.close() }
        guard created == Int64(self.count) else {
            throw BenchError("posted \(created) of \(self.count) transfers")
        }
        return "{\"case\":\"post\",\"store\":\"\(self.store == nil ? "sqlite" : "postgres")\","
            + "\"instances\":\(self.instances),\"transfers\":\(self.count),\"group\":\(self.group),"
            + "\"concurrency\":\(self.concurrency),\"seconds\":\(String(format: "%.2f", seconds)),"
            + "\"transfers_per_s\":\(String(format: "%.0f", Double(self.count) / seconds))}"
    }
}
