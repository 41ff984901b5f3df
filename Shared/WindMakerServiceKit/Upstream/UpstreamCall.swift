public import WindMakerRPC

/// A call one service makes to another on behalf of its own caller, with the failures said in the caller's terms:
/// an upstream that cannot answer makes the operation fail with `UNAVAILABLE` (nothing was done), an upstream that
/// refuses or answers in a form that cannot be read is `INTERNAL`, and the caller's own deadline or cancellation
/// passes through as it is.
public enum UpstreamCall {
    /// Runs `body`, a call (or a paginated series of calls) to `upstream` made for `service`.
    public static func run<T>(
        _ upstream: String,
        for service: String,
        _ body: () async throws -> T
    ) async throws -> T {
        do {
            return try await body()
        } catch let error as RPCError {
            switch error.code {
            case .deadlineExceeded, .cancelled:
                throw error
            case .unavailable:
                throw RPCError(.unavailable, "the \(upstream) is unavailable (\(error.message)); nothing was done")
            default:
                throw RPCError(
                    .internal,
                    "the \(upstream) refused the \(service)'s call: \(error.code) \(error.message)"
                )
            }
        } catch let error as CancellationError {
            throw error
        } catch let error as UnreadableReply {
            throw RPCError(.internal, "the \(upstream) sent \(error.what) in a form the \(service) cannot read")
        } catch {
            throw RPCError(.unavailable, "the \(upstream) is unavailable (\(error)); nothing was done")
        }
    }
}

/// An upstream reply that cannot be turned into domain values (a newer peer, or a bug): never guessed at.
public struct UnreadableReply: Error {
    public var what: String

    public init(what: String) {
        self.what = what
    }
}
