public import Logging
import Synchronization

/// A `LogHandler` that keeps every message in memory so tests can assert on what was logged.
///
/// ```swift
/// let recorder = RecordingLogHandler.Store()
/// let logger = Logger(label: "test") { _ in RecordingLogHandler(store: recorder) }
/// ```
public struct RecordingLogHandler: LogHandler {
    /// One logged line.
    public struct Entry: Sendable {
        public var level: Logger.Level
        public var message: String
        public var metadata: Logger.Metadata
    }

    /// The shared, thread-safe list of entries.
    public final class Store: Sendable {
        private let entries = Mutex<[Entry]>([])

        public init() {}

        /// Everything logged so far.
        public var all: [Entry] { self.entries.withLock { $0 } }

        /// The messages logged at `level` or above.
        public func messages(atLeast level: Logger.Level) -> [String] {
            self.all.filter { $0.level >= level }.map(\.message)
        }

        fileprivate func append(_ entry: Entry) {
            self.entries.withLock { $0.append(entry) }
        }
    }

    /// Where entries go.
    public let store: Store
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .trace

    /// Creates a handler appending to `store`.
    public init(store: Store) {
        self.store = store
    }

    /// A logger whose every line lands in `store`.
    public static func logger(label: String, store: Store) -> Logger {
        Logger(label: label) { _ in RecordingLogHandler(store: store) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = self.metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        self.store.append(Entry(level: event.level, message: "\(event.message)", metadata: merged))
    }
}
