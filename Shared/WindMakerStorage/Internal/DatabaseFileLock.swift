#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on `<database>.lock`, held while a ``Database`` is open, so that a second server pointed at a
/// data directory that a live one is using refuses to start instead of sharing its files.
///
/// `flock` locks belong to the open file, so the operating system releases this one when the process dies, even by
/// `kill -9`: a crashed server never leaves a stale lock behind. The file keeps the holder's process id for the
/// message a refused process prints.
final class DatabaseFileLock {
    private var descriptor: Int32

    /// Takes the lock for the database at `databasePath`, or throws ``StorageError/Code/inUse`` naming the holder.
    init(databasePath: String) throws(StorageError) {
        let path = databasePath + ".lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StorageError(.ioFailure, "cannot open the lock file \(path): \(Self.describe(errno))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = Self.recordedProcess(descriptor)
            close(descriptor)
            guard code == EWOULDBLOCK else {
                throw StorageError(.ioFailure, "cannot lock \(path): \(Self.describe(code))")
            }
            throw StorageError(
                .inUse,
                "\(databasePath) is in use by another process\(holder.map { " (pid \($0))" } ?? ""):"
                    + " one server owns a database at a time"
            )
        }
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 {
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }
        self.descriptor = descriptor
    }

    /// Releases the lock. Safe to call twice.
    func release() {
        guard self.descriptor >= 0 else { return }
        close(self.descriptor)
        self.descriptor = -1
    }

    deinit { self.release() }

    private static func recordedProcess(_ descriptor: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 16)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: bytes.prefix(count), as: UTF8.self).trimmingWhitespace)
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

extension String {
    fileprivate var trimmingWhitespace: Substring {
        let trimmed = self.drop { $0.isWhitespace }
        return trimmed.prefix { !$0.isWhitespace }
    }
}
