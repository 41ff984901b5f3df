import Testing
import WindMakerRegistry

@Suite struct CreditCodeTests {
    /// Codes published for real companies (recalled, not re-checked against a registry here; that both check characters
    /// hold is strong evidence, as a mistyped code passes both with probability about 1/341), plus the brief's example
    /// and two codes given as examples in a public validator's documentation.
    static let published: [(code: String, holder: String)] = [
        ("91350100M000100Y43", "example from the brief (Fuzhou, 350100)"),
        ("9144030071526726XG", "Shenzhen Tencent Computer Systems Co., Ltd."),
        ("914403001922038216", "Huawei Technologies Co., Ltd."),
        ("91330100716105852F", "Alibaba (China) Co., Ltd."),
        ("91230184MA1BUFLT44", "example in winjs-dev/cloud-utils isUnifiedSocialCreditCode"),
        ("92371000MA3MXH0E3W", "individual business (92), example in winjs-dev/cloud-utils"),
    ]

    @Test(arguments: Self.published)
    func publishedCodesAreValid(code: String, holder: String) throws {
        let parsed = try CreditCode(code)
        #expect(parsed.rawValue == code, "\(holder)")
        // Every published code we found also satisfies the embedded GB 11714 organisation-code check.
        #expect(parsed.hasValidOrganisationCodeCheck, "\(holder)")
    }

    /// Codes built by computing the check character with the implementation, over varied authorities and letters;
    /// the expected characters were computed independently (a short Python script of the same formula).
    @Test(
        arguments: [
            ("91110000MA0000001", "L"),
            ("12440600MB2C07549", "J"),
            ("Y1100000ABCDEFGHJ", "M"),
            ("51330100XY0000012", "U"),
            ("00000000000000000", "0"),
        ] as [(String, Character)]
    )
    func computedCheckCharacterMakesAValidCode(prefix: String, expected: Character) throws {
        let check = try #require(CreditCode.checkCharacter(for: prefix))
        #expect(check == expected)
        let code = try CreditCode(prefix + String(check))
        #expect(code.rawValue == prefix + String(check))
    }

    @Test func checkCharacterForMalformedPrefixIsNil() {
        #expect(CreditCode.checkCharacter(for: "9135010") == nil)
        #expect(CreditCode.checkCharacter(for: "91350100M000100I4") == nil)
    }

    @Test(arguments: [
        ("9144030071526726xg", "9144030071526726XG"),
        ("91350100m000100y43", "91350100M000100Y43"),
    ])
    func lowerCaseIsNormalisedToUpperCase(input: String, canonical: String) throws {
        let code = try CreditCode(input)
        #expect(code.rawValue == canonical)
        #expect(code == (try CreditCode(canonical)))
    }

    static let invalid: [(input: String, error: CreditCode.ValidationError, message: String)] = [
        ("", .wrongLength(0), "a credit code has 18 characters, found 0"),
        ("91350100M000100Y4", .wrongLength(17), "a credit code has 18 characters, found 17"),
        ("91350100M000100Y433", .wrongLength(19), "a credit code has 18 characters, found 19"),
        (" 91350100M000100Y43", .wrongLength(19), "a credit code has 18 characters, found 19"),
        (
            "91350100M000100I43", .invalidCharacter("I", position: 16),
            "invalid character 'I' at position 16: allowed are 0-9 and A-Z except I, O, S, V, Z"
        ),
        (
            "91350100O000100Y43", .invalidCharacter("O", position: 9),
            "invalid character 'O' at position 9: allowed are 0-9 and A-Z except I, O, S, V, Z"
        ),
        (
            "S1350100M000100Y43", .invalidCharacter("S", position: 1),
            "invalid character 'S' at position 1: allowed are 0-9 and A-Z except I, O, S, V, Z"
        ),
        (
            "91350100M000100V43", .invalidCharacter("V", position: 16),
            "invalid character 'V' at position 16: allowed are 0-9 and A-Z except I, O, S, V, Z"
        ),
        (
            "91350100M000100Y4Z", .invalidCharacter("Z", position: 18),
            "invalid character 'Z' at position 18: allowed are 0-9 and A-Z except I, O, S, V, Z"
        ),
        (
            "91350100m000100i43", .invalidCharacter("i", position: 16),
            "invalid character 'i' at position 16: allowed are 0-9 and A-Z except I, O, S, V, Z"
        ),
        (
            "91350100M000-00Y43", .invalidCharacter("-", position: 13),
            "invalid character '-' at position 13: allowed are 0-9 and A-Z except I, O, S, V, Z"
        ),
        (
            "9１350100M000100Y43", .invalidCharacter("１", position: 2),
            "invalid character '１' at position 2: allowed are 0-9 and A-Z except I, O, S, V, Z"
        ),
        (
            "91A50100M000100Y43", .nonDigitInDivisionCode("A", position: 3),
            "invalid character 'A' at position 3: positions 3-8 are the administrative division code and must be digits"
        ),
        (
            "91350100M000100Y44", .wrongCheckCharacter(expected: "3", found: "4"),
            "check character (position 18) should be '3', found '4'"
        ),
        (
            "9144030071526726X0", .wrongCheckCharacter(expected: "G", found: "0"),
            "check character (position 18) should be 'G', found '0'"
        ),
        // Two adjacent characters swapped: the MOD 31-3 check catches transpositions.
        (
            "91350100M001000Y43", .wrongCheckCharacter(expected: "X", found: "3"),
            "check character (position 18) should be 'X', found '3'"
        ),
    ]

    @Test(arguments: Self.invalid)
    func invalidCodesAreRejectedSayingWhy(input: String, error: CreditCode.ValidationError, message: String) {
        #expect(throws: error) { try CreditCode(input) }
        #expect(error.description == message)
    }

    /// A real code (hutool issue #4119, Xiamen, registered before 2016) whose check character does not satisfy
    /// GB 32100. The registry enforces the standard, so such a company cannot apply with it: a known limitation.
    @Test func legacyXiamenCodeFailingTheStandardIsRejected() {
        #expect(throws: CreditCode.ValidationError.wrongCheckCharacter(expected: "F", found: "9")) {
            try CreditCode("91350203M0001QKT19")
        }
    }

    /// The organisation-code check is informational: a code whose GB 32100 check is right but whose position 17 is
    /// not the GB 11714 check character is accepted and flagged.
    @Test func organisationCodeCheckIsReportedNotEnforced() throws {
        let prefix = "91350100M000100Y5"  // the GB 11714 check character here should be 4
        let code = try CreditCode(prefix + String(try #require(CreditCode.checkCharacter(for: prefix))))
        #expect(!code.hasValidOrganisationCodeCheck)
    }

    /// Valid ASCII codes take a byte-level path; across many generated strings it must accept exactly what the
    /// check-character rule accepts, in either case, and agree on the canonical form.
    @Test func theFastPathAgreesWithTheCheckCharacterRule() throws {
        var generator = SeededGenerator(seed: 11)
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        for attempt in 0 ..< 2_000 {
            let division = (0 ..< 6).map { _ in alphabet[Int(generator.next() % 10)] }
            let rest = (0 ..< 9).map { _ in alphabet[Int(generator.next() % 31)] }
            let prefix = String([alphabet[9], alphabet[1]] + division + rest)
            let expected = try #require(CreditCode.checkCharacter(for: prefix))
            let last = attempt % 3 == 0 ? alphabet[Int(generator.next() % 31)] : expected
            let code = prefix + String(last)
            let input = attempt % 2 == 0 ? code.lowercased() : code
            if last == expected {
                #expect(try CreditCode(input).rawValue == code)
            } else {
                #expect(throws: CreditCode.ValidationError.wrongCheckCharacter(expected: expected, found: last)) {
                    try CreditCode(code)
                }
            }
        }
    }

    @Test func partsAreExposed() throws {
        let code = try CreditCode("9144030071526726XG")
        #expect(code.divisionCode == "440300")
        #expect(code.organisationCode == "71526726X")
    }
}
