/// A setup failure that stops the benchmark (failed calls are counted instead).
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
