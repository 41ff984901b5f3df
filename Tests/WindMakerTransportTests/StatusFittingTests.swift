import Testing
import WindMakerMessages

@testable import WindMakerTransport

/// A status too large for a frame reaches the client trimmed, with its code, instead of becoming `INTERNAL`.
@Suite struct StatusFittingTests {
    static func detail(_ size: Int, _ byte: UInt8 = 1) -> RPCV1.ErrorDetail {
        RPCV1.ErrorDetail(typeUrl: "type.windmaker/test", value: Array(repeating: byte, count: size))
    }

    static let statuses: [RPCV1.Status] = [
        RPCV1.Status(),
        RPCV1.Status(code: 3, message: "bad"),
        RPCV1.Status(code: -1, message: "negative codes take ten bytes"),
        RPCV1.Status(code: 13, message: String(repeating: "闽", count: 50_000), details: [Self.detail(200)]),
        RPCV1.Status(
            code: 8,
            details: [RPCV1.ErrorDetail(typeUrl: "", value: [1]), RPCV1.ErrorDetail(typeUrl: "t", value: [])],
            metadata: [RPCV1.MetadataEntry(key: "k", value: ""), RPCV1.MetadataEntry(key: "key", value: "value")]
        ),
    ]

    /// The fitting trusts these sizes instead of encoding: they must be exact.
    @Test(arguments: Self.statuses)
    func computedSizesMatchTheEncoding(status: RPCV1.Status) throws {
        #expect(StatusSize.of(status) == (try status.serializedBytes().count))
    }

    @Test func aStatusThatFitsIsUnchanged() {
        let status = RPCV1.Status(code: 3, message: "bad", details: [Self.detail(100)])
        #expect(status.fitted(within: 4 * 1024 * 1024) == status)
    }

    @Test func anOversizeMessageIsCutToFitAndSaysSo() throws {
        let limit = 4 * 1024 * 1024
        let message = String(repeating: "x", count: 5 * 1024 * 1024)
        let fitted = RPCV1.Status(code: 3, message: message).fitted(within: limit)
        #expect(fitted.code == 3)
        #expect(try fitted.serializedBytes().count <= limit)
        #expect(fitted.message.hasSuffix(RPCV1.Status.truncationNotice))
        #expect(fitted.message.utf8.count > limit - 1024)
        #expect(message.hasPrefix(fitted.message.dropLast(RPCV1.Status.truncationNotice.count)))
    }

    /// Cut between scalars: three-byte characters are never split, so the text stays valid UTF-8.
    @Test(arguments: [301, 302, 303, 1000])
    func aMultiByteMessageIsCutAtACharacterBoundary(limit: Int) throws {
        let fitted = RPCV1.Status(code: 9, message: String(repeating: "闽", count: 1000)).fitted(within: limit)
        let bytes = try fitted.serializedBytes()
        #expect(bytes.count <= limit)
        #expect(try RPCV1.Status(serializedBytes: bytes).message == fitted.message)
        #expect(fitted.message.hasPrefix("闽闽闽"))
    }

    @Test func detailsThatNoLongerFitAreDroppedFromTheFirstThatDoesNot() throws {
        let details = (0 ..< 10).map { Self.detail(100, UInt8($0)) }
        let fitted = RPCV1.Status(code: 3, message: "many details", details: details).fitted(within: 700)
        #expect(try fitted.serializedBytes().count <= 700)
        #expect(!fitted.details.isEmpty)
        #expect(fitted.details.count < 10)
        #expect(fitted.details == Array(details.prefix(fitted.details.count)))
        #expect(fitted.message == "many details" + RPCV1.Status.truncationNotice)
    }

    @Test func metadataThatWouldTakeHalfTheFrameIsDropped() throws {
        let metadata = [RPCV1.MetadataEntry(key: "note", value: String(repeating: "m", count: 5000))]
        let fitted = RPCV1.Status(code: 10, message: "aborted", metadata: metadata).fitted(within: 4000)
        #expect(fitted.metadata.isEmpty)
        #expect(fitted.code == 10)
        #expect(fitted.message.hasPrefix("aborted"))
        #expect(try fitted.serializedBytes().count <= 4000)
    }

    @Test func aLimitTooSmallForTextStillCarriesTheCode() throws {
        let fitted = RPCV1.Status(code: 3, message: String(repeating: "x", count: 100)).fitted(within: 20)
        #expect(fitted == RPCV1.Status(code: 3))
    }
}
