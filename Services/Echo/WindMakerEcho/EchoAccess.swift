import WindMakerMessages
import WindMakerServiceAPI
public import WindMakerServiceSupport

/// Who may call the echo service: operators, finance and services echo; only services may stream to it.
public enum EchoAccess {
    public static let policy = AccessPolicy([
        EchoV1.Echo.Method.unary: [.operators, .finance, .services],
        EchoV1.Echo.Method.expand: [.operators, .finance, .services],
        EchoV1.Echo.Method.collect: [.services],
    ])
}
