import Foundation
import Testing

@testable import WindMakerServiceSupport

@Suite struct StructuredLogHandlerTests {
    static let fields = [
        ("time", "2021-09-01T00:00:00.000Z"), ("level", "info"), ("service", "incentive"),
        ("msg", "batch posted"), ("reason", "said \"no\" = fine\nnext\u{1B}[2J\u{202E}"), ("rpc.request_id", "abc123"),
    ]

    @Test func logfmtQuotesAndEscapesWhatCouldForgeALineOrAField() {
        let line = StructuredLogHandler.line(Self.fields, .logfmt)
        #expect(
            line
                == #"time=2021-09-01T00:00:00.000Z level=info service=incentive msg="batch posted" "#
                + #"reason="said \"no\" = fine\nnext\u001b[2J\u202e" rpc.request_id=abc123"#
        )
        #expect(!line.contains("\n") && !line.contains("\u{1B}"))
    }

    @Test func jsonIsOneObjectPerLine() throws {
        let line = StructuredLogHandler.line(Self.fields, .json)
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
        #expect(object?["reason"] == "said \"no\" = fine\nnext\u{1B}[2J\u{202E}")
        #expect(object?["rpc.request_id"] == "abc123" && !line.contains("\n"))
    }
}
