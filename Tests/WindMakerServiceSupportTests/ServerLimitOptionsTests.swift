import ArgumentParser
import Testing
import WindMakerServiceSupport
import WindMakerTransport

/// Every limit flag reaches the server's configuration in its unit, and values that cannot work are refused naming
/// the flag.
@Suite struct ServerLimitOptionsTests {
    @Test func eachFlagSetsItsLimit() throws {
        let options = try ServerLimitOptions.parse([
            "--max-connections", "10", "--max-handshakes", "3", "--inbound-buffer-mib", "2", "--frame-timeout", "4",
            "--call-timeout", "5", "--drain-timeout", "6", "--call-window-kib", "128", "--off-loop-request-kib", "8",
        ])
        let configuration = try options.applied()
        #expect(configuration.maximumConnections == 10)
        #expect(configuration.maximumHandshakes == 3)
        #expect(configuration.inboundBufferBudget == 2 * 1024 * 1024)
        #expect(configuration.frameReadTimeout == .seconds(4))
        #expect(configuration.callTimeouts.default == .seconds(5))
        #expect(configuration.shutdownGracePeriod == .seconds(6))
        #expect(configuration.callReceiveWindow == 128 * 1024)
        #expect(configuration.offLoopRequestBytes == 8 * 1024)
    }

    @Test func unsetFlagsKeepTheDefaults() throws {
        let configuration = try ServerLimitOptions.parse([]).applied()
        let defaults = ServerConfiguration()
        #expect(configuration.callReceiveWindow == defaults.callReceiveWindow)
        #expect(configuration.offLoopRequestBytes == defaults.offLoopRequestBytes)
        #expect(configuration.shutdownGracePeriod == defaults.shutdownGracePeriod)
    }

    @Test(arguments: [
        (["--call-window-kib", "32"], "--call-window-kib must be from 64 to 2097151, got 32"),
        (["--call-window-kib", "2097152"], "--call-window-kib must be from 64 to 2097151, got 2097152"),
        (["--off-loop-request-kib", "5000"], "--off-loop-request-kib must be at most 4096, got 5000"),
        (["--drain-timeout", "0"], "--drain-timeout must be a positive whole number, got 0"),
    ])
    func valuesThatCannotWorkAreRefusedNamingTheFlag(arguments: [String], message: String) throws {
        let options = try ServerLimitOptions.parse(arguments)
        let error = #expect(throws: ValidationError.self) { try options.applied() }
        #expect(error?.message == message)
    }
}
