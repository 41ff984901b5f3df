public import WindMakerKit

/// Where a period is in its lifecycle: `OPEN → COMPUTED → PUBLISHED → FINAL`.
///
/// Computing is allowed while `OPEN` or `COMPUTED` (recomputing replaces the scorecards); publishing opens the appeal
/// window; finalizing needs the window passed and no appeal pending. A `FINAL` period never changes.
public enum PeriodState: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case open = "OPEN"
    case computed = "COMPUTED"
    case published = "PUBLISHED"
    case final = "FINAL"

    /// What may happen to a period.
    public enum Event: String, Hashable, Sendable, CaseIterable {
        case compute, publish, finalize
    }

    /// Applies `event`, or throws naming the current state.
    public mutating func apply(_ event: Event) throws(PeriodStateError) {
        switch (self, event) {
        case (.open, .compute), (.computed, .compute): self = .computed
        case (.computed, .publish): self = .published
        case (.published, .finalize): self = .final
        default: throw PeriodStateError(state: self, event: event)
        }
    }

    public var description: String { self.rawValue }
}

/// An event the period's current state does not allow.
public struct PeriodStateError: Error, Hashable, Sendable, CustomStringConvertible {
    public var state: PeriodState
    public var event: PeriodState.Event

    public init(state: PeriodState, event: PeriodState.Event) {
        self.state = state
        self.event = event
    }

    public var description: String {
        switch (self.event, self.state) {
        case (.compute, _): "cannot compute a period that is \(self.state): scorecards are fixed once published"
        case (.publish, .open): "cannot publish a period that is OPEN: compute it first"
        case (.publish, _): "cannot publish a period that is \(self.state)"
        case (.finalize, _): "cannot finalize a period that is \(self.state): only a PUBLISHED period can become FINAL"
        }
    }
}

extension PeriodState {
    /// ``apply(_:)`` with the refusal as the assessment's error, naming the period.
    public mutating func applyChecked(_ event: Event, period: PeriodID) throws(AssessmentError) {
        do {
            try self.apply(event)
        } catch {
            throw .failedPrecondition("period \(period): \(error)")
        }
    }
}
