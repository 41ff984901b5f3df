import Testing
import WindMakerAssessment
import WindMakerKit

@Suite struct PeriodTests {
    @Test(arguments: PeriodState.allCases)
    func everyStateAndEvent(state: PeriodState) {
        let allowed: [PeriodState: [PeriodState.Event: PeriodState]] = [
            .open: [.compute: .computed],
            .computed: [.compute: .computed, .publish: .published],
            .published: [.finalize: .final],
            .final: [:],
        ]
        for event in PeriodState.Event.allCases {
            var current = state
            if let expected = allowed[state]?[event] {
                #expect(throws: Never.self) { try current.apply(event) }
                #expect(current == expected)
            } else {
                #expect(throws: PeriodStateError(state: state, event: event)) { try current.apply(event) }
                #expect(current == state)
            }
        }
    }

    @Test func refusalsNameTheCurrentState() {
        #expect("\(PeriodStateError(state: .final, event: .compute))".contains("FINAL"))
        #expect("\(PeriodStateError(state: .open, event: .publish))".contains("compute it first"))
    }

    @Test func periodsParseAndSpanTheirWindows() throws {
        let period = try PeriodID("2021-09")
        #expect(period.description == "2021-09")
        #expect(period.trailingWindow(months: 3).first == (try CivilDate("2021-07-01")))
        #expect(period.trailingWindow(months: 3).last == (try CivilDate("2021-09-30")))
        #expect(try PeriodID("2022-02").trailingWindow(months: 12).first == (try CivilDate("2021-03-01")))
        #expect(try PeriodID("2024-02").lastDay == (try CivilDate("2024-02-29")))
        #expect(try PeriodID("2022-01").monthsBefore(1) == (try PeriodID("2021-12")))
        for bad in ["2021-13", "2021-7", "21-07", "2021/07", "2021-00", ""] {
            #expect(throws: InvalidRequest.self) { try PeriodID(bad) }
        }
    }
}

@Suite struct ComputablePeriodTests {
    @Test func unfinishedAndPreProgramPeriodsAreRefused() throws {
        let start = try CivilDate("2021-07-01")
        let today = try CivilDate("2021-10-01")
        #expect(throws: Never.self) {
            try Assessment.checkComputable(try PeriodID("2021-09"), today: today, programStart: start)
        }
        #expect(throws: Never.self) {
            try Assessment.checkComputable(try PeriodID("2021-07"), today: today, programStart: start)
        }
        #expect(
            throws: AssessmentError.failedPrecondition(
                "period 2021-10 has not ended: it can be computed from 2021-11-01 (today is 2021-10-01)"
            )
        ) { try Assessment.checkComputable(try PeriodID("2021-10"), today: today, programStart: start) }
        #expect(throws: AssessmentError.self) {
            try Assessment.checkComputable(try PeriodID("9999-12"), today: today, programStart: start)
        }
        #expect(
            throws: AssessmentError.failedPrecondition("period 2021-06 ended before the program started on 2021-07-01")
        ) {
            try Assessment.checkComputable(try PeriodID("2021-06"), today: today, programStart: start)
        }
    }
}
