/// A period scored but not yet stored: what ``Assessment/prepareComputation(period:providers:snapshot:at:progress:)``
/// hands to ``Assessment/store(_:actor:)``.
public struct PreparedComputation: Sendable {
    /// The period as it will be stored (COMPUTED, with its summary).
    public var record: PeriodRecord
    public var scorecards: [Scorecard]
}
