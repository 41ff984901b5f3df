import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceKit

@testable import wmctl

/// A refusal prints each violation once, under the flag the operator typed when wmctl knows it.
@Suite struct CLIErrorTests {
    static func refusal(_ violations: [(String, String)]) throws -> RPCError {
        let badRequest = RPCV1.BadRequest(
            violations: violations.map { RPCV1.FieldViolation(field: $0, description: $1) }
        )
        let message = "invalid request: " + violations.map { "\($0): \($1)" }.joined(separator: "; ")
        return RPCError(
            .invalidArgument,
            message,
            details: [RPCErrorDetail(typeURL: BadRequest.typeURL, value: try badRequest.serializedBytes())]
        )
    }

    @Test func violationsArePrintedOnceUnderTheirFlags() throws {
        let error = try Self.refusal([
            ("profile.contact.email", "must be of the form name@example.com with exactly one '@'"),
            ("profile.categories[3]", "duplicates categories[0]"),
            ("profile.capabilities.supply_chain.self_rating", "must be between 0 and 100, found 101"),
            ("profile.unknown_field", "is odd"),
            ("", "and 7 more violations"),
        ])
        let flags = ProfileOptions.flags.merging(IdempotencyOptions.flags)
        #expect(
            CLIError(error, flags: flags).description == """
                INVALID_ARGUMENT: invalid request
                --contact-email: must be of the form name@example.com with exactly one '@'
                --category #4: duplicates categories[0]
                --supply-chain: must be between 0 and 100, found 101
                profile.unknown_field: is odd
                and 7 more violations
                """
        )
    }

    @Test func aVersionBelowOneIsReportedUnderVersion() throws {
        let error = try Self.refusal([("expected_version", "version must be at least 1, found 0")])
        let flags = FlagNames(["expected_version": "--version", "provider_id": "<provider-id>"])
        #expect(
            CLIError(error, flags: flags).description
                == "INVALID_ARGUMENT: invalid request\n--version: version must be at least 1, found 0"
        )
    }

    @Test func violationTextFromTheServerIsEscaped() throws {
        let error = try Self.refusal([("display\u{1B}name", "bad \u{202E}text")])
        #expect(CLIError(error).description == "INVALID_ARGUMENT: invalid request\ndisplay\\ename: bad \\u{202E}text")
    }

    static let lookups: [(field: String, flag: String?)] = [
        ("queries[2].client.id", "KIND:ID #3"),
        ("queries[0].scope", "--scope #1"),
        ("queries", "KIND:ID"),
        ("nothing", nil),
    ]

    @Test(arguments: Self.lookups)
    func fieldsAreFoundByTheirLongestKnownPrefix(field: String, flag: String?) {
        let flags = FlagNames(["queries": "KIND:ID", "queries.client": "KIND:ID", "queries.scope": "--scope"])
        #expect(flags.flag(for: field) == flag)
    }
}
