import Logging
import WindMakerMessages
import WindMakerRPC
import WindMakerTestSupport

/// Descriptors and contexts shared by the suites.
enum Fixtures {
    static let echo = MethodDescriptor(service: "windmaker.echo.v1.Echo", method: "Echo", kind: .unary)
    static let expand = MethodDescriptor(service: "windmaker.echo.v1.Echo", method: "Expand", kind: .serverStreaming)
    static let collect = MethodDescriptor(service: "windmaker.echo.v1.Echo", method: "Collect", kind: .clientStreaming)

    static func context(
        _ descriptor: MethodDescriptor = Self.echo,
        deadline: ContinuousClock.Instant? = nil,
        metadata: Metadata = [:]
    ) -> ServerContext {
        .testing(descriptor, deadline: deadline, metadata: metadata)
    }
}
