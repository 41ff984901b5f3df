import Foundation

/// A benchmark server running in a child process: this same executable, started with its `serve` arguments.
public final class ChildServer {
    /// The 127.0.0.1 port the child printed.
    public let port: Int
    private let process: Process
    /// Held open for the child's lifetime; the child exits when it closes, even if this process dies.
    private let standardInput: Pipe

    private init(process: Process, standardInput: Pipe, port: Int) {
        self.process = process
        self.standardInput = standardInput
        self.port = port
    }

    /// Starts `/proc/self/exe` with `arguments` and waits for it to print its port.
    /// - Parameters:
    ///   - arguments: the child's command line, such as `["serve", "--certs", path]`.
    ///   - description: the child as named in the error, such as `rpc-bench serve --kind rpc`.
    /// - Throws: `BenchError` when it exits or prints something else.
    public static func start(arguments: [String], description: String) throws -> ChildServer {
        let process = Process()
        process.executableURL = URL(
            fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        )
        process.arguments = arguments
        let standardInput = Pipe()
        let standardOutput = Pipe()
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = standardOutput.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(text) else {
            process.terminate()
            throw BenchError("\(description) did not print a port (got \"\(text)\")")
        }
        return ChildServer(process: process, standardInput: standardInput, port: port)
    }

    /// Terminates the child and waits for it to exit.
    public func stop() {
        self.process.terminate()
        try? self.standardInput.fileHandleForWriting.close()
        self.process.waitUntilExit()
    }
}
