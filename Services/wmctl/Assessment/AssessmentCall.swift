import WindMakerMessages
import WindMakerServiceAPI

/// Runs calls on the assessment service over one connection (``ServiceCall`` with the assessment's client, on port
/// 7402 unless `--server` or `WM_ASSESSMENT_SERVER` says otherwise).
enum AssessmentCall {
    static func run<T>(
        _ options: ConnectionOptions,
        flags: FlagNames = FlagNames(),
        _ body: (AssessmentV1.Assessment.Client) async throws -> T
    ) async throws -> T {
        try await ServiceCall.run(
            options,
            endpoint: .assessment,
            flags: flags,
            client: AssessmentV1.Assessment.Client.init,
            body
        )
    }
}
