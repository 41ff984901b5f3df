import Foundation

extension ServerProcess {
    /// The server's resident memory (`VmRSS` in `/proc/<pid>/status`), in bytes.
    public func residentBytes() throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(self.processIdentifier)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kibibytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { throw ServerProcessError(message: "no VmRSS for process \(self.processIdentifier)") }
        return kibibytes * 1024
    }
}
