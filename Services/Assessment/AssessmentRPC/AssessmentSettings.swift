public import WindMakerKit

/// What an assessment server is configured with beyond its store and registry.
public struct AssessmentSettings: Sendable {
    /// Facts before this day are refused.
    public var programStart: CivilDate
    /// How long a published period takes appeals, in seconds (days in production; seconds for demos and tests).
    public var appealWindowSeconds: Int64
    /// The program's targets: providers in the ¥1B and the ¥100M club.
    public var targetBillion: Int
    public var targetHundredMillion: Int

    /// The most facts one ingest message carries.
    public static let maximumFactsPerMessage = 10_000

    public init(
        programStart: CivilDate,
        appealWindowSeconds: Int64 = 7 * 86_400,
        targetBillion: Int = 100,
        targetHundredMillion: Int = 200
    ) {
        self.programStart = programStart
        self.appealWindowSeconds = appealWindowSeconds
        self.targetBillion = targetBillion
        self.targetHundredMillion = targetHundredMillion
    }
}
