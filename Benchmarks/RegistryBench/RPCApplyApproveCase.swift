import BenchmarkSupport
import Logging
import NIOCore
import NIOPosix
import RegistryRPC
import Synchronization
import WindMakerMessages
import WindMakerRPC
import WindMakerRegistry
import WindMakerServiceAPI
import WindMakerServiceSupport
import WindMakerStorage
import WindMakerTLS
import WindMakerTransport

/// Applies and approves new providers through the real RPC stack over mutual TLS on loopback: an in-process
/// `registry` server built as the `registry` executable builds it (``RegistryService`` behind
/// ``RegistryAccess/policy``, on the server's default event loops), driven from clients on their own event loop: the
/// provider portal (`provider-portal`) calls `Apply`, an operator (`operator-alice`) calls `Approve` with the returned
/// version. `concurrency` tasks each loop apply→approve; one op = one pair completed inside the window, and the
/// latency is per pair.
struct RPCApplyApproveCase {
    let certificates: CertificateDirectory
    let concurrency: Int
    /// Seconds measured, after a one-second warm-up.
    let seconds: Double
    /// Credit-code numbers start here, past every provider created before.
    let firstNumber: Int

    func run(_ registry: Registry) async throws -> BenchResult {
        var logger = Logger(label: "registry-bench")
        logger.logLevel = .warning
        let server = try WindMakerServer(
            name: "registry",
            services: [RegistryService(registry: registry)],
            policy: RegistryAccess.policy,
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            tls: self.certificates.registryServer,
            logger: logger
        )
        guard let port = try await server.bind().port else { throw BenchError("the registry server has no port") }
        let serving = Task { try await server.run() }

        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let eventLoop = group.next()
        func connection(_ identity: String) throws -> RPCConnection {
            RPCConnection(
                host: "127.0.0.1",
                port: port,
                serverName: "registry",
                security: try TLSChannelSecurity(
                    configuration: self.certificates.registryClient(identity),
                    logger: logger
                ),
                group: eventLoop,
                logger: logger
            )
        }
        let portalConnection = try connection("provider-portal")
        let operatorConnection = try connection("operator-alice")
        let load = PairLoad(
            portal: RegistryV1.Registry.Client(RPCClient(transport: portalConnection)),
            operator: RegistryV1.Registry.Client(RPCClient(transport: operatorConnection)),
            next: Atomic(self.firstNumber)
        )
        guard let database = registry.database as? SQLiteDatabase else {
            throw BenchError("apply-approve counts the SQLite store's shared commits")
        }
        let before = database.writeStatistics
        let window = MeasurementWindow(warmUp: .seconds(1), seconds: self.seconds)
        let (latencies, errors) = await ClosedLoopLoad.measure(
            concurrency: self.concurrency,
            executor: EventLoopTaskExecutor(eventLoop: eventLoop),
            window: window
        ) {
            try await load.applyAndApprove()
        }

        let writes = database.writeStatistics
        await portalConnection.close()
        await operatorConnection.close()
        try await group.shutdownGracefully()
        await server.shutDownGracefully()
        try await serving.value
        if errors > 0 {
            logger.warning("rpc-apply-approve: \(errors) failed pairs")
        }
        return BenchResult(
            name: "rpc-apply-approve",
            operations: latencies.count,
            seconds: window.seconds,
            latencies: latencies,
            extra: [
                ("concurrency", "\(self.concurrency)"),
                // Warm-up included: how many writes shared each durable commit.
                ("writes", "\(writes.operations - before.operations)"),
                ("commits", "\(writes.commits - before.commits)"),
                ("largest_group", "\(writes.largestGroup)"),
            ]
        )
    }
}

/// The two clients and the next credit-code number, shared by the calling tasks.
private final class PairLoad: Sendable {
    let portal: RegistryV1.Registry.Client
    let `operator`: RegistryV1.Registry.Client
    let next: Atomic<Int>

    init(portal: RegistryV1.Registry.Client, operator: RegistryV1.Registry.Client, next: consuming Atomic<Int>) {
        self.portal = portal
        self.operator = `operator`
        self.next = next
    }

    /// Applies the next provider and approves it; true when it ends up ACTIVE.
    func applyAndApprove() async throws -> Bool {
        let number = self.next.wrappingAdd(1, ordering: .relaxed).oldValue
        let applied = try await self.portal.apply(
            RegistryV1.ApplyRequest(
                profile: BenchFixtures.wireProfile(number)
            )
        )
        guard let provider = applied.provider else { throw BenchError("Apply returned no provider") }
        let approved = try await self.operator.approve(
            RegistryV1.TransitionRequest(providerId: provider.id, expectedVersion: provider.version)
        )
        return approved.provider?.status == .active
    }
}
