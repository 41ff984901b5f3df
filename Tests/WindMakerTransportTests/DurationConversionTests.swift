import NIOCore
import Testing

@testable import WindMakerTransport

/// Timeouts from peers and callers convert without overflow, whatever their size.
@Suite struct DurationConversionTests {
    /// The transport schedules timers with NIO's conversion, which must clamp rather than trap.
    @Test func timeAmountClamps() {
        #expect(TimeAmount(Duration.milliseconds(1_500)).nanoseconds == 1_500_000_000)
        #expect(TimeAmount(Duration.seconds(Int64.max)).nanoseconds == Int64.max)
    }

    @Test(arguments: [
        (Duration.milliseconds(2), UInt64(2_000)),
        (Duration.microseconds(-5), UInt64(0)),
        (Duration.seconds(Int64.max), UInt64.max),
    ])
    func wholeMicrosecondsClampsAndSaturates(duration: Duration, micros: UInt64) {
        #expect(duration.wholeMicroseconds == micros)
    }
}
