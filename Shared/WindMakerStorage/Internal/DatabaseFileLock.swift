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
        guard Self.lock(descriptor) else {
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

    /// Takes the lock, asking again for up to a second while it is held: a child process that another thread is
    /// starting holds an inherited copy of every descriptor between its fork and its exec (where `O_CLOEXEC` closes
    /// it), which on a loaded machine can outlast a database that was just closed and is being reopened. A lock
    /// held by a live server is still held after the second, and refused then.
    private static func lock(_ descriptor: Int32) -> Bool {
        for _ in 0 ..< 20 {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
            guard errno == EWOULDBLOCK else { return false }
            usleep(50_000)
        }
        return flock(descriptor, LOCK_EX | LOCK_NB) == 0
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
