import Testing

@testable import wmctl

/// An argument that is not UTF-8 is refused naming it, instead of being sent with U+FFFD in place of its bytes.
@Suite struct RawArgumentsTests {
    @Test func validArgumentsAreTheirText() throws {
        #expect(try RawArguments.text([Array("--display-name".utf8), Array("闽江".utf8)]) == ["--display-name", "闽江"])
    }

    @Test func anInvalidValueIsNamedWithItsFlagAndBytes() {
        let arguments = [
            Array("registry".utf8), Array("--display-name".utf8), Array("Min".utf8) + [0xFF] + Array("j".utf8),
        ]
        #expect {
            _ = try RawArguments.text(arguments)
        } throws: { error in
            (error as? InvalidUTF8Argument)?.description
                == "argument 3 (for --display-name) is not valid UTF-8: \"Min\\xFFj\"; give text in UTF-8 (bytes "
                + "outside printable ASCII are shown as \\xHH)"
        }
    }

    @Test(arguments: [[0xC3], [0xE9, 0x97], [0xED, 0xA0, 0x80], [0xC0, 0xAF]] as [[UInt8]])
    func truncatedOverlongAndSurrogateSequencesAreRefused(bytes: [UInt8]) {
        let error = #expect(throws: InvalidUTF8Argument.self) {
            try RawArguments.text([Array("--legal-name=".utf8) + bytes])
        }
        #expect(error?.position == 1)
        #expect(error?.option == "--legal-name")
    }
}
