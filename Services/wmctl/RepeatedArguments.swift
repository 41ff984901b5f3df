/// A command whose arguments repeat: the flags that may be given many times, and whether its positional arguments
/// are a list. ``ArgumentFolding`` folds those before the parser sees them.
protocol RepeatedArguments {
    /// Long flags, with their dashes (`--category`), whose every value is collected.
    static var repeatedOptions: Set<String> { get }
    /// Whether the positional arguments are one list (`attribute KIND:ID …`).
    static var repeatsPositionals: Bool { get }
}
