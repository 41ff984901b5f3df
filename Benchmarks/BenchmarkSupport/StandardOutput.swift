import Foundation

/// Writes whole lines to stdout unbuffered, so the driver reading a pipe sees each one at once.
public enum StandardOutput {
    /// Writes `line` and a newline in one write.
    public static func writeLine(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
