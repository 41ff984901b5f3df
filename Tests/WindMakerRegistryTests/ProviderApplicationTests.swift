import Testing
import WindMakerKit
import WindMakerRegistry

@Suite struct ProviderApplicationTests {
    @Test func aValidApplicationHasNoViolationsAndIsNormalised() throws {
        var application = Fixtures.application()
        application.creditCode = "91350100m000100y43"
        application.categories = [" apparel ", "tea"]
        #expect(application.validate() == [])
        let profile = try application.validated()
        #expect(profile.displayName == "Minjiang Live")
        #expect(profile.creditCode.rawValue == "91350100M000100Y43")
        #expect(profile.region == (try Region("350100")))
        #expect(profile.categories == ["apparel", "tea"])
    }

    /// One broken field at a time: the violation names that field and only that field.
    static let single:
        [(name: String, change: @Sendable (inout ProviderApplication) -> Void, field: String, says: String)] = [
            ("empty display name", { $0.displayName = "   " }, "display_name", "must not be empty"),
            (
                "long display name", { $0.displayName = String(repeating: "a", count: 101) }, "display_name",
                "must be at most 100 characters, found 101"
            ),
            ("empty legal name", { $0.legalName = "" }, "legal_name", "must not be empty"),
            (
                "long legal name", { $0.legalName = String(repeating: "公", count: 201) }, "legal_name",
                "must be at most 200 characters, found 201"
            ),
            (
                "bad credit code", { $0.creditCode = "91350100M000100Y44" }, "credit_code",
                "check character (position 18) should be '3', found '4'"
            ),
            (
                "short credit code", { $0.creditCode = "913501" }, "credit_code",
                "a credit code has 18 characters, found 6"
            ),
            ("LOCAL without region", { $0.region = nil }, "region", "is required for LOCAL providers"),
            ("LOCAL with blank region", { $0.region = "  " }, "region", "is required for LOCAL providers"),
            (
                "malformed region", { $0.region = "35010X" }, "region",
                "invalid administrative division code \"35010X\": invalid character 'X' at position 6"
            ),
            (
                "too many categories", { $0.categories = (0 ..< 51).map { "c\($0)" } }, "categories",
                "at most 50 categories, found 51"
            ),
            ("empty category", { $0.categories = ["tea", " "] }, "categories[1]", "must not be empty"),
            (
                "long category", { $0.categories = [String(repeating: "x", count: 51)] }, "categories[0]",
                "must be at most 50 characters, found 51"
            ),
            (
                "duplicate category", { $0.categories = ["tea", "apparel", " tea"] }, "categories[2]",
                "duplicates categories[0]"
            ),
            ("empty contact name", { $0.contact.name = "" }, "contact.name", "must not be empty"),
            (
                "long contact name", { $0.contact.name = String(repeating: "n", count: 101) }, "contact.name",
                "must be at most 100 characters, found 101"
            ),
            ("empty phone", { $0.contact.phone = "" }, "contact.phone", "must not be empty"),
            (
                "phone with letters", { $0.contact.phone = "+86 591 CALL" }, "contact.phone",
                "invalid character 'C' at position 9: use digits, spaces, '-' and a leading '+'"
            ),
            (
                "phone with inner plus", { $0.contact.phone = "86+5918888" }, "contact.phone",
                "invalid character '+' at position 3: use digits, spaces, '-' and a leading '+'"
            ),
            ("short phone", { $0.contact.phone = "1234" }, "contact.phone", "must be 5 to 20 characters, found 4"),
            ("phone of dashes", { $0.contact.phone = "12-- --" }, "contact.phone", "must contain at least 5 digits"),
            ("empty email", { $0.contact.email = "" }, "contact.email", "must not be empty"),
            (
                "email without at", { $0.contact.email = "lin.example.com" }, "contact.email",
                "must be of the form name@example.com with exactly one '@'"
            ),
            (
                "email with two ats", { $0.contact.email = "a@b@example.com" }, "contact.email",
                "must be of the form name@example.com with exactly one '@'"
            ),
            (
                "email without local part", { $0.contact.email = "@example.com" }, "contact.email",
                "the part before '@' must be 1 to 64 characters"
            ),
            (
                "email without dot", { $0.contact.email = "lin@localhost" }, "contact.email",
                "the domain after '@' must be dotted, like example.com"
            ),
            (
                "email with empty label", { $0.contact.email = "lin@example..com" }, "contact.email",
                "the domain after '@' must be dotted, like example.com"
            ),
            (
                "email with space", { $0.contact.email = "lin wei@example.com" }, "contact.email",
                "must not contain white space"
            ),
            (
                "long capability", { $0.capabilities.supplyChain.summary = String(repeating: "s", count: 501) },
                "capabilities.supply_chain.description", "must be at most 500 characters, found 501"
            ),
            (
                "rating above 100", { $0.capabilities.trafficOperation.selfRating = 101 },
                "capabilities.traffic_operation.self_rating", "must be between 0 and 100, found 101"
            ),
            (
                "negative rating", { $0.capabilities.serviceFulfilment.selfRating = -1 },
                "capabilities.service_fulfilment.self_rating", "must be between 0 and 100, found -1"
            ),
        ]

    @Test(arguments: Self.single)
    func eachRuleNamesItsField(
        name: String,
        change: @Sendable (inout ProviderApplication) -> Void,
        field: String,
        says: String
    ) {
        var application = Fixtures.application()
        change(&application)
        #expect(application.validate() == [FieldViolation(field: field, description: says)], "\(name)")
        #expect(throws: RegistryError.invalidArgument([FieldViolation(field: field, description: says)])) {
            try application.validated()
        }
    }

    @Test(arguments: [ProviderType.brand, .matchmaking, .base, .strategic])
    func onlyLocalRequiresARegion(type: ProviderType) throws {
        let application = Fixtures.application(type: type, region: nil)
        #expect(application.validate() == [])
        #expect(try application.validated().region == nil)
    }

    @Test func limitsAreInclusive() {
        var application = Fixtures.application()
        application.displayName = String(repeating: "a", count: 100)
        application.legalName = String(repeating: "b", count: 200)
        application.categories = (0 ..< 50).map { String(repeating: "c", count: 40) + "\($0)" }
        application.capabilities.streamerIncubation = Capability(
            summary: String(repeating: "d", count: 500),
            selfRating: 100
        )
        application.contact.phone = "12345"
        #expect(application.validate() == [])
    }

    @Test func everyProblemIsReportedAtOnce() {
        let application = ProviderApplication(
            displayName: "",
            legalName: "",
            creditCode: "91350100M000100I43",
            type: .local,
            region: nil,
            categories: [""],
            contact: Contact(name: "", phone: "x", email: "nope"),
            capabilities: Capabilities(liveStreamOperation: Capability(summary: "", selfRating: 200))
        )
        #expect(
            application.validate().map(\.field) == [
                "display_name", "legal_name", "credit_code", "region", "categories[0]", "contact.name",
                "contact.phone", "contact.email", "capabilities.live_stream_operation.self_rating",
            ]
        )
    }
}
