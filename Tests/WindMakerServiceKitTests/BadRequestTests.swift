import Testing
import WindMakerKit
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceKit

/// Field violations on the wire: capped, decodable, and never lost when a detail cannot be encoded.
@Suite struct BadRequestTests {
    static func violations(_ count: Int) -> [FieldViolation] {
        (0 ..< count).map { FieldViolation(field: "categories[\($0)]", description: "must not be empty") }
    }

    /// The status carries the capped list, in the message and in the BadRequest detail.
    @Test func theStatusOfManyViolationsIsCapped() throws {
        let status = BadRequest.status(Self.violations(450_000))
        let detail = try #require(status.details.first)
        let decoded = try RPCV1.BadRequest(serializedBytes: detail.value)
        #expect(decoded.violations.count == 101)
        #expect(decoded.violations.last?.description == "and 449900 more violations")
        #expect(status.message.hasSuffix("categories[99]: must not be empty; and 449900 more violations"))
        #expect(status.message.utf8.count < 5_000)
    }

    @Test func whatTheEncoderWritesTheDecoderReads() {
        let violations = [
            FieldViolation(field: "start", description: "is required"),
            FieldViolation(field: "budget.currency", description: "must be three letters A-Z"),
        ]
        #expect(BadRequest.violations(in: BadRequest.status(violations)) == violations)
        #expect(BadRequest.violations(in: RPCError(.invalidArgument, "no details")).isEmpty)
    }

    @Test func aKitRefusalIsInvalidArgumentWithItsViolations() {
        let status = RPCError(from: InvalidRequest(field: "page.page_size", "must be between 1 and 500"))
        #expect(status.code == .invalidArgument)
        #expect(status.message == "invalid request: page.page_size: must be between 1 and 500")
        #expect(BadRequest.violations(in: status).map(\.field) == ["page.page_size"])
    }
}
