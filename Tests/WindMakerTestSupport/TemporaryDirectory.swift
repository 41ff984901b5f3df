import Foundation

/// A fresh temporary directory (with a database path in it), removed with everything in it when the test is done
/// with it.
public struct TemporaryDirectory: ~Copyable, Sendable {
    /// The directory.
    public let path: String

    /// Creates a new, empty directory under the system's temporary directory.
    public init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wm-storage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        self.path = url.path
    }

    /// A database file path inside it.
    public var databasePath: String { self.path + "/test.sqlite" }

    deinit { try? FileManager.default.removeItem(atPath: self.path) }
}
