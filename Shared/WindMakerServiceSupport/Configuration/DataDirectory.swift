#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The directory a server keeps its database in: created when missing, refused with a clear sentence when it is a
/// file or cannot be created.
public enum DataDirectory {
    /// Creates `directory` when missing and returns the path of `fileName` inside it.
    /// - Throws: ``StartupError`` naming `--data-dir` and the path.
    public static func file(_ fileName: String, in directory: String) throws(StartupError) -> String {
        var status = stat()
        if stat(directory, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw StartupError("--data-dir \(directory) is a file, not a directory")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StartupError("cannot create the data directory \(directory) (--data-dir): \(Self.reason(error))")
            }
        }
        return directory.hasSuffix("/") ? directory + fileName : "\(directory)/\(fileName)"
    }

    private static func reason(_ error: any Error) -> String {
        guard let error = error as? CocoaError, let underlying = error.userInfo["NSUnderlyingError"] as? POSIXError
        else { return "the file system refused" }
        return String(cString: strerror(underlying.code.rawValue))
    }
}
