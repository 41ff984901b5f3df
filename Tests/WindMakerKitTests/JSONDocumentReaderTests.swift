import Testing
import WindMakerKit

@Suite struct JSONDocumentReaderTests {
    @Test func collectsEveryViolationWithItsPath() throws {
        let json = try JSONValue.parse(Array(#"{"rate": 1.234, "days": "7", "extra": 1, "flag": true}"#.utf8))
        var reader = JSONDocumentReader(noun: "rules")
        let members = reader.object(json, "", known: ["rate", "days", "flag", "name"])
        let root = try #require(members)
        #expect(reader.decimal(root["rate"], "rate", decimals: 2, in: 0 ... 10_000) == nil)
        #expect(reader.integer(root["days"], "days", in: 0 ... 30) == nil)
        #expect(reader.bool(root["flag"], "flag") == true)
        #expect(reader.identifier(root["name"], "name") == nil)
        #expect(reader.violations.map(\.field) == ["extra", "rate", "days", "name"])
        #expect(reader.violations[0].description.contains("not a rules field"))
        #expect(reader.violations[1].description.contains("at most 2 decimal places"))
    }

    @Test func decimalTextIsExact() {
        #expect(DecimalText.parse("1.25", decimals: 4) == 12_500)
        #expect(DecimalText.parse("-3", decimals: 2) == -300)
        #expect(DecimalText.parse("1e3", decimals: 0) == nil)
        #expect(DecimalText.parse("0.001", decimals: 2) == nil)
        #expect(DecimalText.format(12_500, decimals: 4) == "1.25")
        #expect(DecimalText.format(-300, decimals: 2) == "-3")
        #expect(DecimalText.format(7, decimals: 0) == "7")
    }
}
