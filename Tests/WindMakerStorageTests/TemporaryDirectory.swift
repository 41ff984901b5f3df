import Foundation
import WindMakerStorage

/// A database file in a fresh temporary directory, removed when the test is done with it.
struct TemporaryDirectory: ~Copyable {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wm-storage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        self.path = url.path
    }

    var databasePath: String { self.path + "/test.sqlite" }

    deinit { try? FileManager.default.removeItem(atPath: self.path) }
}
