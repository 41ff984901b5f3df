import Testing
import WindMakerMessages
import WindMakerRPC

@testable import wmctl

/// What a server sends cannot act on the operator's terminal: it is shown, escaped.
@Suite struct TerminalTextTests {
    static let cases: [(text: String, shown: String)] = [
        ("Minjiang Live", "Minjiang Live"),
        ("闽江直播 🧑‍🍳 Café", "闽江直播 🧑‍🍳 Café"),
        ("Shop\u{1B}[2J", "Shop\\e[2J"),
        ("Shop\nprv_forged", "Shop\\nprv_forged"),
        ("a\r\tb", "a\\r\\tb"),
        ("Shop\u{202E}evil", "Shop\\u{202E}evil"),
        ("\u{0}\u{7F}\u{9B}\u{2066}\u{200F}\u{61C}\u{2028}", "\\u{0}\\u{7F}\\u{9B}\\u{2066}\\u{200F}\\u{61C}\\u{2028}"),
        ("back\\slash", "back\\slash"),
    ]

    @Test(arguments: Self.cases)
    func controlAndBidiCharactersAreShownAsEscapes(text: String, shown: String) {
        #expect(TerminalText.escaped(text) == shown)
    }

    /// A provider stored before the domain's rule (or sent by another server) cannot clear the screen or forge a row.
    @Test func aProviderListShowsAHostileNameOnOneEscapedLine() {
        let provider = RegistryV1.Provider(
            id: "prv_aaaaaaaaaaaaaaaa",
            profile: RegistryV1.ProviderProfile(
                displayName: "\u{1B}[2JShop\nprv_bbbbbbbbbbbbbbbb  Forged  \u{202E}",
                type: .local,
                region: "350100"
            ),
            status: .active,
            version: 2
        )
        let lines = RegistryTables.providers([provider]).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2)
        #expect(lines[1].contains("\\e[2JShop\\nprv_bbbbbbbbbbbbbbbb  Forged  \\u{202E}"))
        #expect(!lines.joined().unicodeScalars.contains { TerminalText.isUnsafe($0) })
    }

    @Test func aRefusalsMessageIsEscaped() {
        let error = CLIError(RPCError(.notFound, "provider \u{1B}]0;owned\u{7} does not exist"))
        #expect(error.description == "NOT_FOUND: provider \\e]0;owned\\u{7} does not exist")
    }

    /// JSON was already escaped for C0 by the encoder; DEL, C1 and bidi controls now are too, and still decode.
    @Test func jsonEscapesEveryUnsafeCharacterAndStaysValid() throws {
        let text = "a\u{1B}b\nc\u{7F}d\u{9B}e\u{202E}f"
        let json = JSONOutput.encode(.string(text))
        #expect(json == "\"a\\u001bb\\nc\\u007fd\\u009be\\u202ef\"")
        #expect(!json.unicodeScalars.contains { TerminalText.isUnsafe($0) })
    }
}
