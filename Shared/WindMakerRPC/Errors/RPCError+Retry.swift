extension RPCError {
    /// Metadata key set on statuses that a server produced without running the handler (refused during drain,
    /// over the concurrency cap), which makes any call safe to retry.
    public static let notProcessedKey = "wm-not-processed"

    /// Whether the server said it never ran the handler for this call.
    public var wasNotProcessed: Bool { self.metadata[Self.notProcessedKey] == "1" }
}
