import Testing
import WindMakerMessages

@Suite struct MalformedInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var testDescription: String { self.name }
    }

    static let malformedMoney: [Case] = [
        Case(name: "truncated varint", bytes: [0x08, 0x80]),
        Case(name: "truncated key", bytes: [0x80]),
        Case(name: "truncated length-delimited field", bytes: [0x12, 0x03, 0x43]),
        Case(name: "length past the end", bytes: [0x12, 0x7F, 0x43, 0x4E, 0x59]),
        Case(name: "huge length", bytes: [0x12, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]),
        Case(name: "invalid wire type 7", bytes: [0x0F, 0x00]),
        Case(name: "invalid wire type 6", bytes: [0x0E, 0x00]),
        Case(name: "field number 0", bytes: [0x00, 0x01]),
        Case(name: "invalid UTF-8 in a string", bytes: [0x12, 0x02, 0xC3, 0x28]),
        Case(name: "lone continuation byte", bytes: [0x12, 0x01, 0x80]),
        Case(name: "UTF-16 surrogate in UTF-8", bytes: [0x12, 0x03, 0xED, 0xA0, 0x80]),
        Case(name: "NUL inside a string", bytes: [0x12, 0x03, 0x43, 0x00, 0x59]),
        Case(name: "truncated fixed64 of an unknown field", bytes: [0x79, 0x01, 0x02]),
    ]

    @Test(arguments: Self.malformedMoney)
    func malformedMoneyThrows(testCase: Case) {
        let error = #expect(throws: ProtoDecodingError.self) {
            try CommonV1.Money(serializedBytes: testCase.bytes)
        }
        #expect(error?.messageName == "windmaker.common.v1.Money")
    }

    @Test func invalidUTF8NamesTheField() throws {
        // Passes protobuf-c's own checks or not; either way it must be our error, naming the field when it is ours.
        let error = #expect(throws: ProtoDecodingError.self) {
            try RPCV1.MetadataEntry(serializedBytes: [0x12, 0x02, 0xFF, 0xFE])
        }
        if let reason = error?.reason, reason.contains("UTF-8") {
            #expect(reason.contains("value"))
        }
    }

    @Test func nulInANestedStringIsRejected() throws {
        // Status.metadata[0].value = "a\0b": Status key 0x22 (field 4), MetadataEntry key 0x12 (field 2).
        let bytes: [UInt8] = [0x22, 0x05, 0x12, 0x03, 0x61, 0x00, 0x62]
        let error = #expect(throws: ProtoDecodingError.self) { try RPCV1.Status(serializedBytes: bytes) }
        #expect(error?.reason.contains("value") == true)
    }

    @Test func malformedNestedMessageThrows() {
        // Period.start with a length that claims more than the nested bytes.
        #expect(throws: ProtoDecodingError.self) {
            try CommonV1.Period(serializedBytes: [0x0A, 0x02, 0x08])
        }
        #expect(throws: ProtoDecodingError.self) {
            try CommonV1.Period(serializedBytes: [0x0A, 0x02, 0x08, 0x80])
        }
    }

    /// Deterministic pseudo-random inputs: each either decodes or throws `ProtoDecodingError`, and never crashes.
    @Test(arguments: 0 ..< 64)
    func randomBytesNeverCrash(seed: Int) {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        let count = Int(state % 97)
        var bytes: [UInt8] = []
        for _ in 0 ..< count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(UInt8(truncatingIfNeeded: state >> 56))
        }
        do {
            let message = try TestingV1.AllKinds(serializedBytes: bytes)
            _ = try? message.serializedBytes()
        } catch {
            #expect(error.messageName == "windmaker.testing.v1.AllKinds")
        }
    }
}
