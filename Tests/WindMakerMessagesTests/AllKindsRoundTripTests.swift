import Testing
import WindMakerMessages

@Suite struct AllKindsRoundTripTests {
    typealias AllKinds = TestingV1.AllKinds

    static let everythingSet = AllKinds(
        fInt32: .min,
        fInt64: .max,
        fUint32: .max,
        fUint64: .max,
        fSint32: -123_456,
        fSint64: .min,
        fFixed32: 0xDEAD_BEEF,
        fFixed64: .max,
        fSfixed32: -1,
        fSfixed64: .min,
        fBool: true,
        fFloat: -1.5e38,
        fDouble: .leastNonzeroMagnitude,
        fString: "造风者 wind maker",
        fBytes: [0x00, 0xFF, 0x00, 0x7F],
        color: .darkBlue,
        level: .unrecognized(99),
        nested: .init(label: "n", weight: -7),
        money: .init(fen: -1_00, currency: "CNY"),
        rInt32: [0, -1, .max, .min],
        rSint64: [-1, 1, .min, .max],
        rFixed32: [0, 1, .max],
        rDouble: [0.5, -2.25, .greatestFiniteMagnitude],
        rBool: [true, false, true],
        rUint64: [0, .max],
        rString: ["", "a", "造风者"],
        rBytes: [[], [0x00], [0x01, 0x00, 0x02]],
        rNested: [.init(), .init(label: "x", weight: 1)],
        rColor: [.red, .unspecified, .unrecognized(-5), .unrecognized(1_000)],
        in: true,
        protocol: "keyword",
        rFloatSingle: 3.25,
        rFloat: [1, -1, .greatestFiniteMagnitude],
        rSfixed64: [.min, -1, 0, .max],
        choice: .number(.min)
    )

    @Test func everyFieldSurvivesARoundTrip() throws {
        let bytes = try Self.everythingSet.serializedBytes()
        #expect(!bytes.isEmpty)
        #expect(try AllKinds(serializedBytes: bytes) == Self.everythingSet)
    }

    @Test(arguments: [
        AllKinds.Choice.text("造风者"),
        .text("plain"),
        .text(""),
        .number(0),
        .number(.max),
        .number(-1),
        .detail(.init(label: "detail", weight: 3)),
        .detail(.init()),
    ])
    func eachOneofMemberSurvivesARoundTrip(choice: AllKinds.Choice) throws {
        var message = AllKinds()
        message.choice = choice
        let decoded = try AllKinds(serializedBytes: try message.serializedBytes())
        #expect(decoded.choice == choice)
    }

    @Test func defaultMessageEncodesToNothing() throws {
        #expect(try AllKinds().serializedBytes() == [])
        #expect(try AllKinds(serializedBytes: []) == AllKinds())
    }

    @Test func emptyStringsAndBytesRoundTrip() throws {
        let message = AllKinds(fString: "", fBytes: [], rString: [""], rBytes: [[]])
        #expect(try AllKinds(serializedBytes: try message.serializedBytes()) == message)
    }

    @Test func unrecognizedEnumNumbersArePreserved() throws {
        let message = AllKinds(color: .unrecognized(42), rColor: [.unrecognized(Int32.min), .unrecognized(7)])
        let decoded = try AllKinds(serializedBytes: try message.serializedBytes())
        #expect(decoded.color.rawValue == 42)
        #expect(decoded.rColor.map(\.rawValue) == [Int32.min, 7])
    }

    @Test func encodesIntoAnExistingArrayByAppending() throws {
        var sink: [UInt8] = [0xAA]
        try CommonV1.Money(fen: 1, currency: "CNY").serialize(into: &sink)
        #expect(sink.first == 0xAA)
        #expect(try CommonV1.Money(serializedBytes: Array(sink.dropFirst())) == .init(fen: 1, currency: "CNY"))
    }
}
