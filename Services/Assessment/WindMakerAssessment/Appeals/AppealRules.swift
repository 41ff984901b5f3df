public import WindMakerKit

/// When a provider may appeal: its scorecard published and the window open, at most two appeals per scorecard, and
/// the second only within three days after the first was rejected.
public enum AppealRules {
    /// The most appeals one scorecard takes.
    public static let maximumPerScorecard = 2
    /// How long after a rejection a second appeal may follow.
    public static let secondAppealWindow: Int64 = 3 * 24 * 3_600 * 1_000_000

    /// Checks a new appeal against the period and the scorecard's earlier appeals (oldest first).
    /// - Throws: ``AssessmentError/failedPrecondition(_:)`` naming the rule broken.
    public static func check(period: PeriodRecord, earlier: [Appeal], at time: Timestamp) throws(AssessmentError) {
        guard period.state == .published else {
            throw .failedPrecondition(
                "period \(period.period) is \(period.state): appeals are taken while it is PUBLISHED"
            )
        }
        if let deadline = period.appealDeadline, time > deadline {
            throw .failedPrecondition(
                "the appeal window of period \(period.period) closed at \(BusinessCalendar.text(of: deadline))"
            )
        }
        guard let last = earlier.last else { return }
        guard earlier.count < Self.maximumPerScorecard else {
            throw .failedPrecondition("a scorecard takes at most \(Self.maximumPerScorecard) appeals; both are used")
        }
        switch last.state {
        case .pending:
            throw .failedPrecondition("appeal \(last.id) on this scorecard is still pending")
        case .upheld:
            throw .failedPrecondition("appeal \(last.id) was upheld; a second appeal follows only a rejected one")
        case .rejected:
            let resolved = last.resolvedAt ?? last.filedAt
            guard time.microsecondsSinceEpoch <= resolved.microsecondsSinceEpoch + Self.secondAppealWindow else {
                throw .failedPrecondition(
                    "a second appeal must follow within 3 days of the first's rejection (rejected at "
                        + "\(BusinessCalendar.text(of: resolved)))"
                )
            }
        }
    }
}
