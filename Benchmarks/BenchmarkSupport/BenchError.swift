/// A setup failure that stops the benchmark (failed calls are counted instead).
public struct BenchError: Error, CustomStringConvertible {
    /// What went wrong, as printed when the benchmark stops.
    public let description: String

    /// A failure described by `description`.
    public init(_ description: String) {
        self.description = description
    }
}
