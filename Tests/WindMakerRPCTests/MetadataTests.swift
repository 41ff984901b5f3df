import Testing
import WindMakerRPC

@Suite struct MetadataTests {
    @Test func addLowerCasesTheKeyAndKeepsTheValue() {
        var metadata = Metadata()
        metadata.add("Request-ID", "R-17")
        #expect(metadata.entries == [Metadata.Entry(key: "request-id", value: "R-17")])
    }

    @Test func lookupIgnoresTheCaseOfTheKey() {
        let metadata: Metadata = ["request-id": "r-17"]
        #expect(metadata["REQUEST-ID"] == "r-17")
        #expect(metadata.values(for: "Request-Id") == ["r-17"])
        #expect(metadata["missing"] == nil)
        #expect(metadata.values(for: "missing") == [])
    }

    @Test func repeatedKeysKeepEveryValueInOrder() {
        var metadata = Metadata()
        metadata.add("tag", "a")
        metadata.add("other", "x")
        metadata.add("TAG", "b")
        #expect(metadata["tag"] == "a")
        #expect(metadata.values(for: "tag") == ["a", "b"])
        #expect(metadata.map(\.key) == ["tag", "other", "tag"])
        #expect(metadata.count == 3)
    }

    @Test func setReplacesEveryValueOfTheKey() {
        var metadata: Metadata = ["tag": "a", "other": "x", "Tag": "b"]
        metadata.set("TAG", "c")
        #expect(metadata.values(for: "tag") == ["c"])
        #expect(metadata.entries == [.init(key: "other", value: "x"), .init(key: "tag", value: "c")])
    }

    @Test func setNilRemovesTheKey() {
        var metadata: Metadata = ["tag": "a", "other": "x", "tag": "b"]
        metadata.set("Tag", nil)
        #expect(metadata.entries == [.init(key: "other", value: "x")])
        metadata.set("other", nil)
        #expect(metadata.isEmpty)
        #expect(metadata.count == 0)
    }

    @Test func dictionaryLiteralLowerCasesKeysAndKeepsOrder() {
        let metadata: Metadata = ["B": "2", "a": "1"]
        #expect(metadata.entries == [.init(key: "b", value: "2"), .init(key: "a", value: "1")])
    }

    @Test(arguments: [
        ("request-id", true),
        ("a", true),
        ("x.y_z-0", true),
        (String(repeating: "k", count: 128), true),
        (String(repeating: "k", count: 129), false),
        ("", false),
        ("Request-ID", false),
        ("has space", false),
        ("colon:", false),
        ("é", false),
    ])
    func validKeysAreShortLowerCaseASCII(key: String, isValid: Bool) {
        #expect(Metadata.isValidKey(key) == isValid)
    }
}
