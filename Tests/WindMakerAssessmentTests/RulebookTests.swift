import Foundation
import Testing
import WindMakerAssessment
import WindMakerKit

@Suite struct RulebookTests {
    private func document(replacing old: String, with new: String) -> [UInt8] {
        let text = String(decoding: Rulebook.defaultDocument, as: UTF8.self)
        #expect(text.contains(old), "the default rulebook no longer contains \(old)")
        return Array(text.replacingOccurrences(of: old, with: new).utf8)
    }

    private func violations(_ document: [UInt8]) -> [FieldViolation] {
        do {
            _ = try Rulebook.read(document)
            return []
        } catch {
            return error.violations
        }
    }

    @Test func defaultRulebookIsValid() throws {
        let rulebook = try Rulebook.readDefault()
        #expect(rulebook.windowMonths == 3)
        #expect(rulebook.clubWindowMonths == 12)
        #expect(rulebook.tiers.map(\.name) == ["S", "A", "B"])
        #expect(rulebook.tiers.map(\.minimum) == [8_500, 7_000, 5_500])
        #expect(rulebook.clubs.map(\.minimum) == [100_000_000_000, 10_000_000_000])
        #expect(rulebook.dimensions[.traffic]?.first?.curve.points[1] == Curve.Point(x: 10_000, y: 3_000))
        #expect(rulebook.typeWeights.count == 5)
    }

    @Test(arguments: [
        // (old text, new text, expected path, part of the message)
        (
            #"[[0, 0], [500, 40], [2000, 80], [5000, 100]]"#, #"[[0, 0], [500, 40], [400, 80], [5000, 100]]"#,
            "dimensions.live_stream.indicators[0].points[2][0]", "greater than the previous"
        ),
        (
            #""sum": "STREAMERS_INCUBATED""#, #""sum": "STREAMERS""#, "dimensions.incubation.indicators[0].value.sum",
            "unknown metric"
        ),
        (#""window_months": 3"#, #""window_months": 13"#, "window_months", "between 1 and 12"),
        (#""window_months": 3"#, #""window_months": 3.5"#, "window_months", "whole number"),
        (#"[[0, 0], [1, 30]"#, #"[[0, 0], [1e0, 30]"#, "dimensions.traffic.indicators[0].points[1][0]", "exponent"),
        (#"[0.8, 0]"#, #"[0.80001, 0]"#, "dimensions.fulfilment.indicators[0].points[0][0]", "4 decimal places"),
        (#"{ "name": "A", "minimum": 70 }"#, #"{ "name": "A", "minimum": 90 }"#, "tiers[1].minimum", "highest down"),
        (
            #""BASE": { "traffic": 10, "live_stream": 25, "incubation": 30, "supply_chain": 20, "fulfilment": 15 }"#,
            #""BASE": { "traffic": 0, "live_stream": 0, "incubation": 0, "supply_chain": 0, "fulfilment": 0 }"#,
            "type_weights.BASE", "above 0"
        ),
        (#""disqualifies": true"#, #""disqualifies": "yes""#, "gates.fake_order.disqualifies", "true or false"),
        (#""window_months": 3,"#, #""window_months": 3, "windows": 2,"#, "windows", "not a rulebook field"),
        (#""id": "sell_through""#, #""id": "Sell Through""#, "dimensions.supply_chain.indicators[0].id", "a-z"),
        (
            #""id": "live_minutes""#, #""id": "live_gmv_per_minute""#, "dimensions.live_stream.indicators[1].id",
            "used twice"
        ),
    ])
    func violationsNameTheirPath(old: String, new: String, path: String, message: String) {
        let found = self.violations(self.document(replacing: old, with: new))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.field == path)
        #expect(found.first?.description.contains(message) == true, "\(found)")
    }

    @Test func everyViolationIsReportedNotOnlyTheFirst() {
        var document = self.document(replacing: #""window_months": 3"#, with: #""window_months": 0"#)
        document = Array(
            String(decoding: document, as: UTF8.self).replacingOccurrences(
                of: #""club_window_months": 12"#,
                with: #""club_window_months": "x""#
            ).utf8
        )
        let found = self.violations(document).map(\.field)
        #expect(found == ["window_months", "club_window_months"])
    }

    @Test func missingDimensionIsNamed() {
        let found = self.violations(
            Array(
                #"{"window_months": 3, "club_window_months": 12, "dimensions": {}, "type_weights": {}, "gates": {}, "tiers": [], "clubs": []}"#
                    .utf8
            )
        )
        #expect(found.map(\.field).contains("dimensions.traffic"))
        #expect(found.map(\.field).contains("type_weights.LOCAL"))
        #expect(found.map(\.field).contains("gates.fake_order"))
        #expect(found.map(\.field).contains("tiers"))
    }

    @Test func syntaxErrorsNameTheByte() {
        let found = self.violations(Array(#"{"window_months": 3,}"#.utf8))
        #expect(found.first?.description == "invalid JSON at byte 20: expected a member name in quotes")
    }
}

@Suite struct RulebookHostileTests {
    @Test func controlCharactersInNamesAreEscapedInViolations() {
        let text = String(decoding: Rulebook.defaultDocument, as: UTF8.self)
            .replacingOccurrences(of: #""window_months": 3,"#, with: #""window_months": 3, "\u0000\u001b": 1,"#)
        do {
            _ = try Rulebook.read(Array(text.utf8))
            Issue.record("a rulebook with an unknown member was accepted")
        } catch {
            let violation = error.violations.first
            #expect(violation?.field == #"\u{0}\u{1b}"#)
            #expect(
                !(violation.map { "\($0.field)\($0.description)" } ?? "").unicodeScalars.contains { $0.value < 0x20 }
            )
        }
    }
}
