import WindMakerAssessment
import WindMakerServiceSupport

/// The assessment's domain gauges: club members in the latest computed period against the program's targets.
enum ClubGauges {
    static func readings(
        _ assessment: Assessment,
        targetBillion: Int,
        targetHundredMillion: Int
    ) throws
        -> [GaugeReading]
    {
        let latest = try assessment.progress(targetBillion: targetBillion, targetHundredMillion: targetHundredMillion)
            .periods.last?.overall
        return [
            GaugeReading("wm_assessment_club_members", ["club": "1B"], Double(latest?.billion ?? 0)),
            GaugeReading("wm_assessment_club_members", ["club": "100M"], Double(latest?.hundredMillion ?? 0)),
            GaugeReading("wm_assessment_club_target", ["club": "1B"], Double(targetBillion)),
            GaugeReading("wm_assessment_club_target", ["club": "100M"], Double(targetHundredMillion)),
            GaugeReading("wm_assessment_scored_providers", [:], Double(latest?.providers ?? 0)),
        ]
    }
}
