import ArgumentParser
import Testing

@testable import wmctl

/// `--timeout` takes a finite number of seconds in range; anything else is a usage error naming the flag, never a
/// crash converting it to a deadline.
@Suite struct TimeoutOptionTests {
    @Test(arguments: ["nan", "inf", "-inf", "1e300", "0", "-1", "3601"])
    func aTimeoutOutOfRangeIsRefusedNamingTheFlag(value: String) {
        #expect {
            _ = try ConnectionOptions.parse(["--timeout=\(value)"])
        } throws: { error in
            ConnectionOptions.message(for: error).hasPrefix("--timeout must be more than 0 and at most 3600 seconds")
        }
    }

    @Test func aTimeoutInRangeBecomesTheCallsDeadline() throws {
        let options = try ConnectionOptions.parse(["--timeout", "2.5"])
        #expect(options.callOptions.timeout == .milliseconds(2_500))
    }
}
