import Testing
import WindMakerRPC

@Suite struct RPCErrorTests {
    static let canonicalCodes: [(RPCError.Code, Int32, String)] = [
        (.ok, 0, "OK"),
        (.cancelled, 1, "CANCELLED"),
        (.unknown, 2, "UNKNOWN"),
        (.invalidArgument, 3, "INVALID_ARGUMENT"),
        (.deadlineExceeded, 4, "DEADLINE_EXCEEDED"),
        (.notFound, 5, "NOT_FOUND"),
        (.alreadyExists, 6, "ALREADY_EXISTS"),
        (.permissionDenied, 7, "PERMISSION_DENIED"),
        (.resourceExhausted, 8, "RESOURCE_EXHAUSTED"),
        (.failedPrecondition, 9, "FAILED_PRECONDITION"),
        (.aborted, 10, "ABORTED"),
        (.outOfRange, 11, "OUT_OF_RANGE"),
        (.unimplemented, 12, "UNIMPLEMENTED"),
        (.internal, 13, "INTERNAL"),
        (.unavailable, 14, "UNAVAILABLE"),
        (.dataLoss, 15, "DATA_LOSS"),
        (.unauthenticated, 16, "UNAUTHENTICATED"),
    ]

    @Test func thereAreSeventeenCanonicalCodes() {
        #expect(RPCError.Code.allCases.count == 17)
        #expect(Set(Self.canonicalCodes.map(\.0)) == Set(RPCError.Code.allCases))
    }

    @Test(arguments: Self.canonicalCodes)
    func codeHasItsWireValueAndName(code: RPCError.Code, wireValue: Int32, name: String) {
        #expect(code.rawValue == wireValue)
        #expect(code.description == name)
        #expect(RPCError.Code(wireValue: wireValue) == code)
    }

    @Test(arguments: [-1, 17, 99, Int32.max, Int32.min] as [Int32])
    func wireValueOutsideTheCanonicalRangeIsUnknown(wireValue: Int32) {
        #expect(RPCError.Code(wireValue: wireValue) == .unknown)
    }

    @Test func descriptionIsCodeThenMessage() {
        #expect(
            RPCError(.notFound, "provider 42 does not exist").description == "NOT_FOUND: provider 42 does not exist"
        )
    }

    @Test func initDefaultsToNoDetailsAndNoMetadata() {
        let error = RPCError(.aborted, "x")
        #expect(error.details.isEmpty)
        #expect(error.metadata.isEmpty)
    }

    @Test func anRPCErrorIsKeptAsItIs() {
        let original = RPCError(
            .failedPrecondition,
            "budget exhausted",
            details: [RPCErrorDetail(typeURL: "type.windmaker/x.Y", value: [1, 2])],
            metadata: ["k": "v"]
        )
        #expect(RPCError(from: original) == original)
    }

    @Test func aConvertibleErrorBecomesItsStatus() {
        #expect(RPCError(from: ProviderMissing(id: 7)) == RPCError(.notFound, "provider 7 does not exist"))
    }

    @Test func cancellationBecomesCancelled() {
        let error = RPCError(from: CancellationError())
        #expect(error.code == .cancelled)
        #expect(error.message == "the call was cancelled")
    }

    @Test func anyOtherErrorBecomesInternalWithoutItsDetails() {
        let error = RPCError(from: DatabaseFailure(secret: "password=hunter2 at db-7.internal"))
        #expect(error.code == .internal)
        #expect(error.message == "internal error")
        #expect(error.details.isEmpty)
        #expect(error.metadata.isEmpty)
        #expect(!error.description.contains("hunter2"))
    }

    @Test(
        arguments: [
            (Metadata(), false),
            ([RPCError.notProcessedKey: "1"], true),
            ([RPCError.notProcessedKey: "0"], false),
            ([RPCError.notProcessedKey: "true"], false),
            (["WM-Not-Processed": "1"], true),
        ] as [(Metadata, Bool)]
    )
    func notProcessedMarkerIsTheKeySetToOne(metadata: Metadata, expected: Bool) {
        #expect(RPCError(.unavailable, "draining", metadata: metadata).wasNotProcessed == expected)
    }
}

private struct ProviderMissing: RPCErrorConvertible {
    var id: Int
    var rpcError: RPCError { RPCError(.notFound, "provider \(self.id) does not exist") }
}

private struct DatabaseFailure: Error, CustomStringConvertible {
    var secret: String
    var description: String { self.secret }
}
