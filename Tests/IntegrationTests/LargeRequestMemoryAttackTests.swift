import Foundation
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport
import WindMakerTransport

/// A request decodes to many times its size on the wire: eight 4 MiB Applies of 2,090,000 empty categories at once
/// took a registry from 31 MB to 596 MB (sixteen: 871 MB). Only two large requests decode at a time, so a crowd of
/// them costs about what two do, and each still gets its `INVALID_ARGUMENT`.
@Suite struct LargeRequestMemoryAttackTests {
    static let mebibyte = 1024 * 1024
    /// 12 × 4 MiB stays inside the server-wide budget for unfinished frames (64 MiB), so every request arrives.
    static let attackers = 12

    @Test func aCrowdOfLargeRequestsDecodesAFewAtATime() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        var request = RegistryRequests.apply(1)
        request.profile?.categories = Array(repeating: "", count: 2_090_000)
        let bytes = try request.serializedBytes()
        #expect(bytes.count <= Frame.defaultMaximumPayloadSize)
        let frames =
            try WireFrames.headers(callID: 1, method: RegistryV1.Registry.Method.apply.fullName)
            + WireFrames.frame(
                type: FrameType.message.rawValue,
                flags: FrameFlags.endStream.rawValue,
                callID: 1,
                payload: bytes
            )
        var connections: [RawTLSConnection] = []
        for _ in 0 ..< Self.attackers {
            connections.append(
                try await RawTLSConnection.connect(port: server.server.port, identity: "provider-portal")
            )
        }
        let started = try server.server.residentBytes()
        for connection in connections { try await connection.send(frames) }

        var peak = started
        let deadline = ContinuousClock.now.advanced(by: .seconds(120))
        func answered() -> Int {
            connections.filter { connection in
                WireFrames.parse(connection.bytes).contains { $0.type == FrameType.trailers.rawValue }
            }.count
        }
        while answered() < Self.attackers && ContinuousClock.now < deadline {
            peak = max(peak, try server.server.residentBytes())
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(answered() == Self.attackers)
        for connection in connections {
            let trailers = try #require(
                WireFrames.parse(connection.bytes).first { $0.type == FrameType.trailers.rawValue }
            )
            let status = try RPCV1.Status(serializedBytes: trailers.payload)
            #expect(status.code == RPCError.Code.invalidArgument.rawValue, "\(status.message)")
            await connection.close()
        }
        print(
            "\(Self.attackers) large requests: server RSS \(started / Self.mebibyte) MiB at start, \(peak / Self.mebibyte) MiB peak"
        )
        // Measured in a debug build: about 620 MiB over the start when all twelve decode at once, about 380 two at a
        // time (freed memory stays with the allocator, and one request alone costs much of it: the real fix is
        // counting repeated fields before decoding).
        #expect(
            peak - started < 500 * Self.mebibyte,
            "peak \(peak / Self.mebibyte) MiB from \(started / Self.mebibyte)"
        )
    }
}
