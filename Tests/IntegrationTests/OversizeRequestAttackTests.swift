import Logging
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerServiceSupport
import WindMakerTestSupport

/// Requests built to make a server build a huge answer get a small `INVALID_ARGUMENT`, over real mutual TLS, and a
/// status too large for a frame arrives truncated with its own code rather than as `INTERNAL`.
@Suite struct OversizeRequestAttackTests {
    /// 450,000 categories (1.35 MB) once built 49 MB of violations and came back `INTERNAL`.
    @Test func anApplyWith450000CategoriesIsOneSmallInvalidArgument() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let (registry, test) = try server.client("provider-portal")
        var request = RegistryRequests.apply(1)
        request.profile?.categories = Array(repeating: "x", count: 450_000)
        #expect(try request.serializedBytes().count > 1_300_000)
        let started = ContinuousClock.now
        let error = await rpcStatus { try await registry.apply(request, options: CallOptions(timeout: .seconds(60))) }
        let elapsed = ContinuousClock.now - started
        #expect(error?.code == .invalidArgument, "\(String(describing: error))")
        #expect(error?.message == "invalid request: profile.categories: at most 50 categories, found 450000")
        let detail = try #require(error?.details.first)
        let violations = try RPCV1.BadRequest(serializedBytes: detail.value).violations
        #expect(violations.map(\.field) == ["profile.categories"])
        #expect(detail.value.count < 200)
        // Generous: decoding 450,000 strings takes seconds in a debug build on a busy machine; building every violation
        // took ~9 s on an idle one, and the count above already shows that none was built.
        #expect(elapsed < .seconds(8), "took \(elapsed)")
        let health = try await HealthV1.Health.Client(test.client).check(HealthV1.HealthCheckRequest())
        #expect(health.status == .serving)
        await test.connection.close()
    }

    /// A 4 MiB service name made a `NOT_FOUND` echoing it, too large for a frame, so `INTERNAL`.
    @Test func aHealthCheckNamingA4MiBServiceIsInvalidArgument() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let (_, test) = try server.client("operator-alice")
        let health = HealthV1.Health.Client(test.client)
        let name = String(repeating: "s", count: 4 * 1024 * 1024 - 64)
        let error = await rpcStatus { try await health.check(HealthV1.HealthCheckRequest(service: name)) }
        #expect(error?.code == .invalidArgument, "\(String(describing: error))")
        #expect(error?.message == "service names are at most 256 bytes, found \(name.utf8.count)")
        #expect(try await health.check(HealthV1.HealthCheckRequest()).status == .serving)
        await test.connection.close()
    }

    /// A handler whose status holds 5 MiB of text.
    struct VerboseService: RPCService {
        static let method = MethodDescriptor(service: "windmaker.testing.v1.Verbose", method: "Fail", kind: .unary)
        static let message = "first words " + String(repeating: "x", count: 5 * 1024 * 1024)

        func registerMethods(with router: inout RPCRouter) {
            router.registerUnary(Self.method, request: EchoV1.EchoRequest.self, response: EchoV1.EchoResponse.self) {
                _,
                _ in
                throw RPCError(
                    .failedPrecondition,
                    Self.message,
                    details: [RPCErrorDetail(typeURL: "type.windmaker/test", value: [1, 2, 3])]
                )
            }
        }
    }

    @Test func aStatusLargerThanAFrameArrivesTruncatedWithItsCode() async throws {
        let server = try WindMakerServer(
            name: "verbose",
            services: [VerboseService()],
            policy: AccessPolicy([VerboseService.method: [.operators]]),
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            tls: DevCertificates.shared.serverConfiguration(for: "echo"),
            logger: Logger(label: "verbose")
        )
        let address = try await server.bind()
        let test = try TestClient(port: address.port!, identity: "operator-alice")
        let error = await rpcStatus {
            try await test.client.unary(
                VerboseService.method,
                request: EchoV1.EchoRequest(),
                response: EchoV1.EchoResponse.self,
                options: CallOptions(timeout: .seconds(10))
            )
        }
        #expect(error?.code == .failedPrecondition, "\(String(describing: error?.code))")
        #expect(error?.message.hasPrefix("first words xxx") == true)
        #expect(error?.message.hasSuffix("[status truncated to fit in a frame]") == true)
        #expect((error?.message.utf8.count ?? 0) < 4 * 1024 * 1024)
        #expect(error?.details.map(\.value) == [[1, 2, 3]])
        await test.connection.close()
        await server.shutDownGracefully()
    }
}
