public import WindMakerKit

/// One published version of a program's entitlement rules, in force from its period until a later version's.
public struct RulesVersion: Hashable, Sendable {
    public var program: ProgramID
    public var version: Int64
    public var effectiveFrom: PeriodID
    /// The document as published, kept byte for byte so statements can cite it.
    public var document: String
    public var rules: EntitlementRules
    public var publishedBy: String
    public var publishedAt: Timestamp

    public init(
        program: ProgramID,
        version: Int64,
        effectiveFrom: PeriodID,
        document: String,
        rules: EntitlementRules,
        publishedBy: String,
        publishedAt: Timestamp
    ) {
        self.program = program
        self.version = version
        self.effectiveFrom = effectiveFrom
        self.document = document
        self.rules = rules
        self.publishedBy = publishedBy
        self.publishedAt = publishedAt
    }
}
