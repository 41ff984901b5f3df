import Testing

@testable import wmctl

@Suite struct FixedTextTests {
    @Test(arguments: [
        ("1234.56", Int64(123_456)), ("1,234.5", 123_450), ("¥1,000,000", 100_000_000), ("0.05", 5), ("7", 700),
    ])
    func yuanReadsAsFen(text: String, fen: Int64) {
        #expect(FixedText.fen(fromYuan: text) == fen)
    }

    @Test(arguments: [
        "0,5", "1,2,3", "5,00,000", ",100", "100,", "1.234", "-1", "1e3", "", "¥", "1,000.",
        "9" + String(repeating: "9", count: 20),
    ])
    func anythingElseIsRefused(text: String) {
        #expect(FixedText.fen(fromYuan: text) == nil)
    }

    @Test func countsReadOnlyWithThousandsGroups() {
        #expect(FixedText.count(from: "200,000,000") == 200_000_000)
        #expect(FixedText.count(from: "5000000") == 5_000_000)
        #expect(FixedText.count(from: "5,00,000") == nil && FixedText.count(from: "0,5") == nil)
    }

    @Test func amountsPrintWithSeparators() {
        #expect(
            FixedText.yuan(123_456) == "¥1,234.56" && FixedText.yuan(-5) == "-¥0.05" && FixedText.yuan(0) == "¥0.00"
        )
        #expect(FixedText.yuan(decimal: "36893488147419103232") == "¥368,934,881,474,191,032.32")
        #expect(FixedText.count(5_000_000) == "5,000,000")
    }
}
