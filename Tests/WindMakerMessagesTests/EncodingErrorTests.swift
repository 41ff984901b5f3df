import Testing
import WindMakerMessages

@Suite struct EncodingErrorTests {
    @Test func nulInAStringThrowsNamingTheField() {
        let error = #expect(throws: ProtoEncodingError.self) {
            try CommonV1.Money(fen: 1, currency: "C\u{0}Y").serializedBytes()
        }
        #expect(error?.messageName == "windmaker.common.v1.Money")
        #expect(error?.reason.contains("currency") == true)
    }

    @Test(arguments: [
        TestingV1.AllKinds(rString: ["ok", "bad\u{0}"]),
        TestingV1.AllKinds(nested: .init(label: "\u{0}")),
        TestingV1.AllKinds(rNested: [.init(), .init(label: "x\u{0}")]),
        TestingV1.AllKinds(choice: .text("\u{0}")),
        TestingV1.AllKinds(protocol: "\u{0}"),
    ])
    func nulAnywhereThrows(message: TestingV1.AllKinds) {
        #expect(throws: ProtoEncodingError.self) { try message.serializedBytes() }
    }

    @Test func failedEncodeLeavesTheSinkUntouched() {
        var sink: [UInt8] = [1, 2, 3]
        #expect(throws: ProtoEncodingError.self) {
            try RPCV1.Status(metadata: [.init(key: "k", value: "\u{0}")]).serialize(into: &sink)
        }
        #expect(sink == [1, 2, 3])
    }
}
