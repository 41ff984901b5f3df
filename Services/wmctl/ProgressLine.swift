import Foundation

/// Progress of a long step on standard error: one line redrawn in place on a terminal (a bar when the total is
/// known), plain lines at most every few seconds when standard error is a file or a pipe.
final class ProgressLine {
    private let label: String
    private let isTerminal = isatty(FileHandle.standardError.fileDescriptor) == 1
    private var lastPlain = Date.distantPast
    private var drawn = false
    private var latest = ""
    /// The last plain line printed, so that finishing does not print it twice.
    private var printed = ""

    init(_ label: String) {
        self.label = label
    }

    func update(_ done: Int64, of total: Int64? = nil) {
        let text: String
        if let total, total > 0 {
            let width = 30
            let filled = Int(min(done, total) * Int64(width) / total)
            text =
                "\(self.label) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] "
                + "\(done)/\(total)"
        } else {
            text = "\(self.label) \(done)"
        }
        self.latest = text
        if self.isTerminal {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
            self.drawn = true
        } else if Date().timeIntervalSince(self.lastPlain) >= 2 {
            FileHandle.standardError.write(Data("\(text)\n".utf8))
            self.lastPlain = Date()
            self.printed = text
        }
    }

    /// Ends the line on a terminal so that what follows starts on a new one; elsewhere prints the final count.
    func finish() {
        if self.drawn {
            FileHandle.standardError.write(Data("\n".utf8))
        } else if !self.isTerminal && !self.latest.isEmpty && self.latest != self.printed {
            FileHandle.standardError.write(Data("\(self.latest)\n".utf8))
        }
        self.drawn = false
        self.latest = ""
    }
}
