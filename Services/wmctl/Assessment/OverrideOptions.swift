import ArgumentParser
import WindMakerMessages

/// `--dimension`, `--indicator`, `--value` and `--justification`: an indicator override, for upholding an appeal and
/// for revising a FINAL scorecard late.
struct OverrideOptions: ParsableArguments {
    @Option(name: .customLong("dimension"), help: "The dimension of the indicator.") var dimension: String?
    @Option(name: .customLong("indicator"), help: "The indicator to override (its id in the rulebook).")
    var indicator: String?
    @Option(name: .customLong("value"), help: "The indicator's value to use, e.g. 0.97 (up to 4 decimals).")
    var value: String?
    @Option(name: .customLong("justification"), help: "Why the override is right.") var justification: String?

    /// Which flag sets each field of the override.
    static let flags = FlagNames([
        "override.dimension": "--dimension", "override.indicator": "--indicator", "override.value": "--value",
        "override.justification": "--justification",
    ])

    /// Whether any of the flags was given.
    var isGiven: Bool {
        self.dimension != nil || self.indicator != nil || self.value != nil || self.justification != nil
    }

    /// Checks that every flag is given and the value reads.
    func requireAll(for purpose: String) throws {
        guard self.dimension != nil, self.indicator != nil, self.value != nil, self.justification != nil else {
            throw ValidationError("\(purpose) needs --dimension, --indicator, --value and --justification")
        }
        guard FixedText.tenThousandths(self.value ?? "") != nil else {
            throw ValidationError("--value must be a number with at most 4 decimals, e.g. 0.97")
        }
    }

    var wire: AssessmentV1.IndicatorOverride {
        AssessmentV1.IndicatorOverride(
            dimension: self.dimension ?? "",
            indicator: self.indicator ?? "",
            value: FixedText.tenThousandths(self.value ?? "") ?? 0,
            justification: self.justification ?? ""
        )
    }
}
