extension Duration {
    /// Whole microseconds, clamped at zero and saturating at `UInt64.max`, as the wire carries timeouts.
    var wholeMicroseconds: UInt64 {
        let (seconds, attoseconds) = self.components
        guard seconds > 0 || (seconds == 0 && attoseconds > 0) else { return 0 }
        let (whole, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000)
        guard !overflow else { return .max }
        let (total, overflowAdding) = whole.addingReportingOverflow(UInt64(max(0, attoseconds) / 1_000_000_000_000))
        return overflowAdding ? .max : total
    }

    /// The longest deadline a server keeps: later ones are treated as this far away.
    static let longestDeadline = Duration.seconds(365 * 24 * 3600)
}
