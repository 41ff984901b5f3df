import Testing
import WindMakerMessages

@Suite struct KnownWireBytesTests {
    /// fen = 100: key 0x08 (field 1, varint), 0x64; currency = "CNY": key 0x12 (field 2, length-delimited), 3, "CNY".
    static let moneyBytes: [UInt8] = [0x08, 0x64, 0x12, 0x03, 0x43, 0x4E, 0x59]

    @Test func decodesHandComputedMoney() throws {
        let money = try CommonV1.Money(serializedBytes: Self.moneyBytes)
        #expect(money == CommonV1.Money(fen: 100, currency: "CNY"))
    }

    @Test func encodesMoneyToTheSameBytes() throws {
        #expect(try CommonV1.Money(fen: 100, currency: "CNY").serializedBytes() == Self.moneyBytes)
    }

    @Test func skipsUnknownFields() throws {
        // Field 15 as a varint (key 0x78), value 1, before the known fields.
        let money = try CommonV1.Money(serializedBytes: [0x78, 0x01] + Self.moneyBytes)
        #expect(money == CommonV1.Money(fen: 100, currency: "CNY"))
    }

    /// The reference client's request headers for `Collect` with its default 1 MiB window (docs/PROTOCOL.md §6.4):
    /// `receive_window` is field 4, a varint (key 0x20), 1048576 = 80 80 40.
    @Test func encodesTheReceiveWindowAfterTheOtherHeaderFields() throws {
        let headers = RPCV1.RequestHeaders(method: "windmaker.echo.v1.Echo/Collect", receiveWindow: 1_048_576)
        let bytes = try headers.serializedBytes()
        #expect(bytes.count == 36)
        #expect(Array(bytes.suffix(4)) == [0x20, 0x80, 0x80, 0x40])
        #expect(try RPCV1.RequestHeaders(serializedBytes: bytes) == headers)
    }

    @Test func decodesNestedAndRepeatedMessages() throws {
        let status = RPCV1.Status(
            code: 3,
            message: "bad",
            details: [.init(typeUrl: "type.windmaker/windmaker.rpc.v1.BadRequest", value: [1, 2])],
            metadata: [.init(key: "k", value: "v"), .init(key: "k2", value: "")]
        )
        #expect(try RPCV1.Status(serializedBytes: try status.serializedBytes()) == status)
        let period = CommonV1.Period(start: .init(year: 2026, month: 1, day: 1), end: nil)
        #expect(try CommonV1.Period(serializedBytes: try period.serializedBytes()) == period)
    }

    @Test func namespacesAndEnumsFollowTheMappingRules() {
        #expect(HealthV1.ServingStatus.notServing.rawValue == 2)
        #expect(HealthV1.ServingStatus(rawValue: 3) == .serviceUnknown)
        #expect(HealthV1.ServingStatus(rawValue: 9) == .unrecognized(9))
        #expect(HealthV1.ServingStatus.unrecognized(1) == .serving)
        #expect(HealthV1.ServingStatus() == .unknown)
        #expect(ReflectionV1.MethodKind.knownCases == [.unspecified, .unary, .serverStreaming, .clientStreaming])
        #expect(EchoV1.EchoRequest.protoName == "windmaker.echo.v1.EchoRequest")
        #expect(TestingV1.AllKinds.Nested.protoName == "windmaker.testing.v1.AllKinds.Nested")
        #expect(CommonV1.Timestamp(unixMicros: 5).unixMicros == 5)
    }
}
