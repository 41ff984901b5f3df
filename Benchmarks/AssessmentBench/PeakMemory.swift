import Foundation

/// The process's resident memory from /proc/self/status: its peak since the last ``reset()`` and now, in MiB.
enum PeakMemory {
    /// Resets the peak to the current resident size (Linux: writing 5 to /proc/self/clear_refs).
    static func reset() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static var peakMiB: Double { Self.field("VmHWM") }
    static var currentMiB: Double { Self.field("VmRSS") }

    private static func field(_ name: String) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }
}
