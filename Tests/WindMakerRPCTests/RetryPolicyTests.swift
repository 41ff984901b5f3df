import Testing
import WindMakerRPC

@Suite struct RetryPolicyTests {
    private static let notProcessed: Metadata = [RPCError.notProcessedKey: "1"]

    @Test(arguments: [
        (RPCError.Code.unavailable, true),
        (.resourceExhausted, true),
        (.cancelled, true),
        (.internal, false),
        (.unknown, false),
    ])
    func aNotProcessedErrorIsAlwaysRetried(code: RPCError.Code, isIdempotent: Bool) {
        let error = RPCError(code, "refused while draining", metadata: Self.notProcessed)
        #expect(RetryPolicy().shouldRetry(error, isIdempotent: isIdempotent))
    }

    @Test(arguments: [
        (RPCError.Code.unavailable, true, true),
        (.unavailable, false, false),
        (.deadlineExceeded, true, false),
        (.internal, true, false),
        (.cancelled, true, false),
        (.aborted, true, false),
        (.resourceExhausted, true, false),
        (.notFound, false, false),
    ])
    func aProcessedErrorIsRetriedOnlyWhenUnavailableAndIdempotent(
        code: RPCError.Code,
        isIdempotent: Bool,
        expected: Bool
    ) {
        #expect(RetryPolicy().shouldRetry(RPCError(code, "x"), isIdempotent: isIdempotent) == expected)
    }

    @Test func defaultsAreThreeAttemptsFiftyMillisecondsAndOneSecond() {
        let policy = RetryPolicy()
        #expect(policy.maxAttempts == 3)
        #expect(policy.initialBackoff == .milliseconds(50))
        #expect(policy.maxBackoff == .seconds(1))
    }

    @Test(arguments: [(0, 1), (-5, 1), (1, 1), (7, 7)])
    func maxAttemptsIsAtLeastOne(requested: Int, effective: Int) {
        #expect(RetryPolicy(maxAttempts: requested).maxAttempts == effective)
    }

    /// (attempt, the un-jittered wait) for 100 ms doubling up to 1 s; jitter takes 50–100% of it.
    @Test(arguments: [
        (1, Duration.milliseconds(100)),
        (2, .milliseconds(100)),
        (3, .milliseconds(200)),
        (4, .milliseconds(400)),
        (5, .milliseconds(800)),
        (6, .seconds(1)),
        (30, .seconds(1)),
    ])
    func backoffDoublesUpToTheCapWithJitter(attempt: Int, fullWait: Duration) {
        let policy = RetryPolicy(initialBackoff: .milliseconds(100), maxBackoff: .seconds(1))
        let waits = (0 ..< 200).map { _ in policy.backoff(beforeAttempt: attempt) }
        for wait in waits {
            #expect(wait >= fullWait / 2 && wait <= fullWait, "attempt \(attempt): \(wait)")
        }
        // Jitter: 200 draws from a continuous range are not all the same.
        #expect(Set(waits).count > 1)
    }

    @Test func anInitialBackoffAboveTheCapIsCapped() {
        let policy = RetryPolicy(initialBackoff: .seconds(5), maxBackoff: .milliseconds(300))
        for _ in 0 ..< 50 {
            let wait = policy.backoff(beforeAttempt: 2)
            #expect(wait >= .milliseconds(150) && wait <= .milliseconds(300))
        }
    }
}
