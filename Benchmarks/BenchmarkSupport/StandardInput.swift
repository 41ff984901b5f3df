import Foundation

/// The server child's side of ``ChildServer``: the driver holds the child's stdin open for as long as it wants it.
public enum StandardInput {
    /// Exits the process once stdin reaches end of file (the driver closed it or ended).
    ///
    /// Reads on a dedicated thread, so the blocking read never occupies one of the few cooperative threads.
    public static func exitProcessWhenClosed() {
        Thread.detachNewThread {
            var byte: UInt8 = 0
            while read(STDIN_FILENO, &byte, 1) > 0 {}
            Foundation.exit(0)
        }
    }
}
