import Logging
import Testing
import WindMakerMessages
import WindMakerServiceAPI
import WindMakerServiceSupport
import WindMakerTestSupport

@testable import WindMakerRPC

/// A health check answers about the service it names, and refuses a name no service could have.
@Suite struct HealthServiceTests {
    static let context = ServerContext.testing(
        HealthV1.Health.Method.check,
        peer: PeerIdentity(uris: ["spiffe://windmaker/operator/alice"])
    )

    /// A stream's side of a call that fails the test if anything is sent.
    struct SilentIO: ServerCallIO {
        func receiveMessage<M: ProtoMessage>(as type: M.Type) async throws -> M? { nil }
        func sendMessage<M: ProtoMessage>(_ message: M) async throws {
            Issue.record("watch answered a name it refuses")
        }
    }

    @Test func aKnownServiceIsAnsweredAndAnUnknownOneIsNotFound() async throws {
        let registry = HealthStatusRegistry()
        registry.set(.serving, for: "windmaker.echo.v1.Echo")
        let service = HealthService(registry: registry)
        let known = try await service.check(
            request: HealthV1.HealthCheckRequest(service: "windmaker.echo.v1.Echo"),
            context: Self.context
        )
        #expect(known.status == .serving)
        let unknown = await #expect(throws: RPCError.self) {
            try await service.check(request: HealthV1.HealthCheckRequest(service: "nope"), context: Self.context)
        }
        #expect(unknown?.code == .notFound)
    }

    /// Not `NOT_FOUND` echoing the name (which made a 4 MiB status and so `INTERNAL`): refused, and not echoed.
    @Test(arguments: [HealthService.maximumServiceNameLength + 1, 4 * 1024 * 1024 - 64])
    func aNameLongerThanAnyServiceIsInvalidArgument(length: Int) async throws {
        let service = HealthService(registry: HealthStatusRegistry())
        let request = HealthV1.HealthCheckRequest(service: String(repeating: "s", count: length))
        let check = await #expect(throws: RPCError.self) {
            try await service.check(request: request, context: Self.context)
        }
        #expect(check?.code == .invalidArgument)
        #expect(check?.message == "service names are at most 256 bytes, found \(length)")
        let watch = await #expect(throws: RPCError.self) {
            try await service.watch(
                request: request,
                responses: ResponseWriter(io: SilentIO()),
                context: Self.context
            )
        }
        #expect(watch?.code == .invalidArgument)
    }

    @Test func aNameOfExactlyTheMaximumIsLookedUp() async {
        let service = HealthService(registry: HealthStatusRegistry())
        let request = HealthV1.HealthCheckRequest(service: String(repeating: "s", count: 256))
        let error = await #expect(throws: RPCError.self) {
            try await service.check(request: request, context: Self.context)
        }
        #expect(error?.code == .notFound)
    }
}
