/// Why a server cannot start, as one sentence for the operator that names the file or flag at fault.
///
/// Executables let it propagate out of `run()`; the argument parser prints `Error: <description>` and the process
/// exits non-zero. Library errors (OpenSSL's reasons, storage messages) appear only after a sentence of ours.
public struct StartupError: Error, Sendable, CustomStringConvertible {
    /// The sentence shown to the operator.
    public var description: String

    /// Creates an error with `description` as its whole text.
    public init(_ description: String) {
        self.description = description
    }
}
