import Testing
import WindMakerKit
import WindMakerRegistry

@Suite struct IdentifierTests {
    @Test func randomProviderIDsHaveTheFormatAndParseBack() throws {
        var generator = SeededGenerator(seed: 42)
        var seen = Set<ProviderID>()
        for _ in 0 ..< 200 {
            let id = ProviderID.random(using: &generator)
            #expect(id.rawValue.count == 20)
            #expect(id.rawValue.hasPrefix("prv_"))
            #expect(id.rawValue.dropFirst(4).allSatisfy { "abcdefghijklmnopqrstuvwxyz234567".contains($0) })
            #expect(try ProviderID(id.rawValue) == id)
            seen.insert(id)
        }
        #expect(seen.count == 200)
    }

    @Test func sameSeedSameIDAndSystemSourceDiffers() {
        var first = SeededGenerator(seed: 7)
        var second = SeededGenerator(seed: 7)
        #expect(ProviderID.random(using: &first) == ProviderID.random(using: &second))
        #expect(ProviderID.random() != ProviderID.random())
    }

    static let badProviderIDs: [(String, String)] = [
        ("", "must start with \"prv_\""),
        ("bnd_abcdefghijklmnop", "must start with \"prv_\""),
        ("PRV_abcdefghijklmnop", "must start with \"prv_\""),
        ("prv_abcdefghijklmno", "must be \"prv_\" followed by 16 characters, found 15"),
        ("prv_abcdefghijklmnopq", "must be \"prv_\" followed by 16 characters, found 17"),
        ("prv_abcdefghijklmnoP", "invalid character 'P' at position 20: expected a-z or 2-7"),
        ("prv_abcdefgh1jklmnop", "invalid character '1' at position 13: expected a-z or 2-7"),
        ("prv_8bcdefghijklmnop", "invalid character '8' at position 5: expected a-z or 2-7"),
    ]

    @Test(arguments: Self.badProviderIDs)
    func malformedProviderIDsAreRejected(text: String, problem: String) {
        #expect(throws: ProviderID.ParseError(noun: "provider id", text: text, problem: problem)) {
            try ProviderID(text)
        }
    }

    @Test func parseErrorMessageQuotesTheInput() {
        let error = ProviderID.ParseError(noun: "provider id", text: "prv_x", problem: "p")
        #expect(error.description == "invalid provider id \"prv_x\": p")
    }

    @Test func bindingIDsAndInvitationCodesUseTheirOwnPrefixAndLength() throws {
        var generator = SeededGenerator(seed: 3)
        let binding = BindingID.random(using: &generator)
        let code = InvitationCode.random(using: &generator)
        #expect(binding.rawValue.hasPrefix("bnd_") && binding.rawValue.count == 20)
        #expect(code.rawValue.hasPrefix("inv_") && code.rawValue.count == 30)
        #expect(try BindingID(binding.rawValue) == binding)
        #expect(try InvitationCode(code.rawValue) == code)
        #expect(throws: InvitationCode.ParseError.self) { try InvitationCode("inv_abcdefghijklmnop") }
        #expect(throws: BindingID.ParseError.self) { try BindingID("prv_abcdefghijklmnop") }
    }

    @Test(
        arguments: [
            ("350100", nil),
            ("110000", nil),
            ("35010", "must be 6 digits, found 5 characters"),
            ("3501000", "must be 6 digits, found 7 characters"),
            ("35O100", "invalid character 'O' at position 3"),
            ("00 100", "invalid character ' ' at position 3"),
            ("001000", "the province part (first 2 digits) cannot be 00"),
        ] as [(String, String?)]
    )
    func regionFormat(code: String, problem: String?) {
        if let problem {
            #expect(throws: Region.ValidationError(code: code, problem: problem)) { try Region(code) }
        } else {
            #expect((try? Region(code))?.code == code)
        }
    }

    @Test(
        arguments: [
            ("u_123", nil),
            ("A-b_9", nil),
            (String(repeating: "x", count: 64), nil),
            ("", "must be 1 to 64 characters, found 0"),
            (String(repeating: "x", count: 65), "must be 1 to 64 characters, found 65"),
            ("shop 1", "invalid character ' ' at position 5: use A-Z, a-z, 0-9, '_' or '-'"),
            ("店铺1", "invalid character '店' at position 1: use A-Z, a-z, 0-9, '_' or '-'"),
            ("a/b", "invalid character '/' at position 2: use A-Z, a-z, 0-9, '_' or '-'"),
        ] as [(String, String?)]
    )
    func clientIDFormat(id: String, problem: String?) {
        if let problem {
            #expect(throws: ClientRef.ValidationError(id: id, problem: problem)) {
                try ClientRef(kind: .streamer, id: id)
            }
        } else {
            #expect((try? ClientRef(kind: .streamer, id: id))?.description == "STREAMER/\(id)")
        }
    }
}
