import Testing
import WindMakerKit
import WindMakerRegistry

/// Display text refuses what an operator's terminal would act on, naming the character and where it is.
@Suite struct DisplayTextTests {
    static let forbidden: [(text: String, says: String)] = [
        ("Shop\u{1B}[2J", "U+001B at 5"),  // ESC: clears the screen
        ("Shop\nprv_forged", "U+000A at 5"),  // a newline forges a table row
        ("Sh\top", "U+0009 at 3"),
        ("Shop\u{7F}", "U+007F at 5"),  // DEL
        ("\u{9B}2JShop", "U+009B at 1"),  // C1 CSI: an ESC [ in one byte for some terminals
        ("Shop\u{202E}evil", "U+202E at 5"),  // right-to-left override
        ("Shop\u{202A}x", "U+202A at 5"),
        ("Shop\u{2066}x", "U+2066 at 5"),
        ("Shop\u{2069}x", "U+2069 at 5"),
        ("Shop\u{200E}x", "U+200E at 5"),
        ("Shop\u{200F}x", "U+200F at 5"),
        ("Shop\u{061C}x", "U+061C at 5"),
        ("福州\u{0}闽江", "U+0000 at 3"),  // positions count characters, as a person does
    ]

    @Test(arguments: Self.forbidden)
    func aDisplayNameWithAControlOrBidiCharacterIsRefused(text: String, says: String) {
        var application = Fixtures.application()
        application.displayName = text
        #expect(
            application.validate() == [
                FieldViolation(
                    field: "display_name",
                    description: "must not contain control or bidi-override characters (\(says))"
                )
            ]
        )
    }

    @Test func everyDisplayFieldOfAnApplicationHasTheRule() {
        var application = Fixtures.application()
        application.legalName = "Legal\u{1B}"
        application.categories = ["tea", "app\u{202E}arel"]
        application.contact.name = "Lin\nWei"
        application.contact.email = "lin\u{1B}@example.com"
        application.capabilities.supplyChain.summary = "tea\rfrom Wuyi"
        let fields = application.validate().filter { $0.description.contains("bidi-override") }.map(\.field)
        #expect(
            fields == [
                "legal_name", "categories[1]", "contact.name", "contact.email", "capabilities.supply_chain.description",
            ]
        )
    }

    /// Scripts, emoji and combining marks are text, not controls; U+200D (the emoji joiner) is not a bidi control.
    @Test func ordinaryUnicodeIsAccepted() {
        var application = Fixtures.application()
        application.displayName = "闽江直播 🧑‍🍳 Café ٣ שלום"
        #expect(application.validate() == [])
    }

    @Test func aReasonWithAnEscapeIsRefused() throws {
        var provider = try Fixtures.provider(.applied)
        let error = #expect(throws: RegistryError.self) {
            try provider.perform(
                .reject,
                reason: "no\u{1B}[31m",
                expectedVersion: provider.version,
                by: Fixtures.operatorID,
                at: Fixtures.now
            )
        }
        #expect(
            error
                == .invalidArgument([
                    FieldViolation(
                        field: "reason",
                        description: "must not contain control or bidi-override characters (U+001B at 3)"
                    )
                ])
        )
    }

    @Test func anInvitationsOrganisationNameWithAnOverrideIsRefused() throws {
        let harness = try RegistryHarness()
        let error = #expect(throws: RegistryError.self) {
            try harness.registry.invite(
                creditCode: Fixtures.creditCode,
                organisationName: "Good\u{202E}Org",
                validDays: 30,
                actor: Fixtures.operatorID,
                at: Fixtures.now
            )
        }
        guard case .invalidArgument(let violations) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(violations.map(\.field) == ["organisation_name"])
        #expect(violations.first?.description.contains("U+202E at 5") == true)
    }
}
