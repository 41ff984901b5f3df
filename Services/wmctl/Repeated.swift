import ArgumentParser

/// One or more values of a repeated argument, as ``ArgumentFolding`` folded them: declare a repeated flag or list of
/// positionals as `[Repeated]` and read ``values(_:)``.
struct Repeated: ExpressibleByArgument, Sendable {
    let values: [String]

    init(argument: String) {
        self.values = argument.split(separator: ArgumentFolding.separator, omittingEmptySubsequences: false)
            .map(String.init)
    }

    /// Every value, in the order given.
    static func values(_ arguments: [Repeated]) -> [String] {
        arguments.flatMap(\.values)
    }
}
