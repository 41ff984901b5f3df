import Testing
import WindMakerKit

@Suite struct JSONValueTests {
    @Test func parsesEveryKindAndKeepsNumbersAsWritten() throws {
        let value = try JSONValue.parse(
            Array(#" {"a": [1.50, -2, 3e2, true, false, null], "b": "x\u00e9\ud83d\ude00\n"} "#.utf8)
        )
        #expect(
            value
                == .object([
                    "a": .array([.number("1.50"), .number("-2"), .number("3e2"), .bool(true), .bool(false), .null]),
                    "b": .string("xé😀\n"),
                ])
        )
    }

    @Test(arguments: [
        (#"{"a": 1, "a": 2}"#, 9, "appears twice"),
        ("[1,]", 3, "expected a value"),
        ("01", 0, "may not start with 0"),
        (#""abc"#, 4, "unterminated string"),
        ("[1] x", 4, "after the document"),
        ("\"\u{01}\"", 1, "control character"),
        (#""\ud800""#, 7, "low one"),
        ("", 0, "end of input"),
    ])
    func syntaxErrorsSayWhereAndWhat(text: String, offset: Int, problem: String) {
        #expect {
            try JSONValue.parse(Array(text.utf8))
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            return error.offset == offset && error.problem.contains(problem)
        }
    }

    @Test func depthIsBounded() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array(deep.utf8)) }
    }

    @Test func invalidUTF8InAStringIsRefused() {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse([0x22, 0xff, 0x22]) }
    }
}

@Suite struct JSONSerializationTests {
    @Test func serializesSortedAndEscapedAndParsesBack() throws {
        let value = JSONValue.object([
            "b": .array([.integer(-3), .bool(true), .null]), "a": .string("引号\"\\\n\u{01}"),
        ])
        #expect(value.serialized == #"{"a":"引号\"\\\n\u0001","b":[-3,true,null]}"#)
        #expect(try JSONValue.parse(Array(value.serialized.utf8)) == value)
    }
}
