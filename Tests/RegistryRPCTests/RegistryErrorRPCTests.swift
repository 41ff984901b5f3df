import Testing
import WindMakerKit
import WindMakerMessages
import WindMakerRPC
import WindMakerRegistry

@testable import RegistryRPC

@Suite struct RegistryErrorRPCTests {
    static let providerID = try! ProviderID("prv_abcdefghijklmnop")
    static let bindingID = try! BindingID("bnd_qrstuvwxyz234567")

    static let cases: [(error: RegistryError, code: RPCError.Code, message: String)] = [
        (
            .invalidArgument([FieldViolation(field: "display_name", description: "must not be empty")]),
            .invalidArgument, "invalid request: display_name: must not be empty"
        ),
        (.notFound(.provider, id: "prv_abcdefghijklmnop"), .notFound, "provider prv_abcdefghijklmnop does not exist"),
        (.notFound(.binding, id: "bnd_x"), .notFound, "binding bnd_x does not exist"),
        (
            .alreadyExists(creditCode: try! CreditCode("91350100M000100Y43"), existing: providerID), .alreadyExists,
            "a provider with credit code 91350100M000100Y43 already exists: prv_abcdefghijklmnop"
        ),
        (
            .staleVersion(expected: 3, actual: 5), .aborted,
            "version 3 is stale: the current version is 5; read it again and retry"
        ),
        (
            .illegalTransition(from: .terminated, action: .reinstate), .failedPrecondition,
            "cannot reinstate a provider that is TERMINATED"
        ),
        (
            .illegalBindingTransition(bindingID, from: .ended(on: try! CivilDate("2025-01-31")), action: .confirm),
            .failedPrecondition, "cannot confirm binding bnd_qrstuvwxyz234567: it is ENDED on 2025-01-31"
        ),
        (
            .invitationRequired(.missing), .permissionDenied,
            "strategic providers join by invitation only: redeem the invitation code you were given"
        ),
        (
            .invitationRequired(.expired(at: Timestamp(secondsSinceEpoch: 1_796_208_878))), .permissionDenied,
            "this invitation expired at 2026-12-02T18:54:38+08:00; ask the platform for a new one"
        ),
        (
            .invitationRequired(.alreadyUsed(at: Timestamp(microsecondsSinceEpoch: 7))), .permissionDenied,
            "this invitation was already used (at 1970-01-01T08:00:00+08:00); invitations are single use"
        ),
        (
            .invitationRequired(.issuedForAnotherCreditCode), .permissionDenied,
            "this invitation was issued for a different credit code"
        ),
        (.invitationRequired(.unknownCode), .permissionDenied, "no invitation has this code"),
        (
            .bindingConflict(
                existing: bindingID,
                provider: providerID,
                client: try! ClientRef(kind: .brand, id: "b-7"),
                scope: .advertising,
                range: try! DateRange(start: CivilDate("2025-01-01"))
            ),
            .failedPrecondition,
            "BRAND/b-7 already has an active ADVERTISING binding on some of these dates: bnd_qrstuvwxyz234567 with "
                + "provider prv_abcdefghijklmnop over [2025-01-01, …)"
        ),
        (
            .providerNotActive(providerID, status: .suspended), .failedPrecondition,
            "provider prv_abcdefghijklmnop is SUSPENDED; only ACTIVE providers may do this"
        ),
    ]

    @Test(arguments: Self.cases)
    func mapsToCodeAndMessage(error: RegistryError, code: RPCError.Code, message: String) {
        let status = RPCError(from: error)
        #expect(status.code == code)
        #expect(status.message == message)
        if case .invalidArgument = error {} else { #expect(status.details.isEmpty) }
    }

    @Test func invalidArgumentCarriesABadRequestDetailWithEveryViolation() throws {
        let violations = [
            FieldViolation(field: "credit_code", description: "check character (position 18) should be '3', found '4'"),
            FieldViolation(field: "region", description: "is required for LOCAL providers"),
        ]
        let status = RegistryError.invalidArgument(violations).rpcError
        #expect(status.code == .invalidArgument)
        let detail = try #require(status.details.first)
        #expect(status.details.count == 1)
        #expect(detail.typeURL == "type.windmaker/windmaker.rpc.v1.BadRequest")
        let decoded = try RPCV1.BadRequest(serializedBytes: detail.value)
        #expect(decoded.violations.map(\.field) == ["credit_code", "region"])
        #expect(decoded.violations.map(\.description) == violations.map(\.description))
        #expect(
            status.message
                == "invalid request: credit_code: check character (position 18) should be '3', found '4'; region: is required for LOCAL providers"
        )
    }

    @Test func aViolationThatCannotBeEncodedStillSendsTheMessage() {
        let status = RegistryError.invalidArgument([FieldViolation(field: "display_name", description: "bad\u{0}name")])
            .rpcError
        #expect(status.code == .invalidArgument)
        #expect(status.details.isEmpty)
        #expect(status.message.contains("display_name"))
    }

    @Test func applicationViolationsFlowIntoTheStatus() {
        let application = ProviderApplication(
            displayName: "Minjiang Live",
            legalName: "Fuzhou Minjiang Live Commerce Co., Ltd.",
            creditCode: "91350100M000100Y43",
            type: .local,
            region: nil,
            categories: ["tea"],
            contact: Contact(name: "Lin Wei", phone: "+86 591 8888 0000", email: "nope"),
            capabilities: Capabilities()
        )
        do {
            _ = try application.validated()
            Issue.record("expected invalidArgument")
        } catch {
            let status = RPCError(from: error)
            #expect(status.code == .invalidArgument)
            #expect(status.message.contains("region: is required for LOCAL providers"))
            #expect(status.message.contains("contact.email:"))
        }
    }
}
