import Foundation

/// The gRPC server running in a child process: this same executable, started as `grpc-bench serve`.
final class ChildServer {
    let port: Int
    private let process: Process
    /// Held open for the child's lifetime; the child exits when it closes, even if this process dies.
    private let standardInput: Pipe

    private init(process: Process, standardInput: Pipe, port: Int) {
        self.process = process
        self.standardInput = standardInput
        self.port = port
    }

    /// Starts the child and waits for it to print its port.
    /// - Throws: `BenchError` when it exits or prints something else.
    static func start(certificates: CertificateDirectory) throws -> ChildServer {
        let process = Process()
        process.executableURL = URL(
            fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        )
        process.arguments = ["serve", "--certs", certificates.path]
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
            throw BenchError("grpc-bench serve did not print a port (got \"\(text)\")")
        }
        return ChildServer(process: process, standardInput: standardInput, port: port)
    }

    /// Terminates the child and waits for it to exit.
    func stop() {
        self.process.terminate()
        try? self.standardInput.fileHandleForWriting.close()
        self.process.waitUntilExit()
    }
}
