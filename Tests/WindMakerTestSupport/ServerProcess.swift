public import Foundation
import Synchronization

/// A real server executable started for a test: launched from the build directory with a development
/// certificate, listening on an ephemeral loopback port, its log captured.
///
/// ```swift
/// let server = try await ServerProcess.start("wm-echo", certificate: "echo")
/// defer { server.kill() }
/// ```
public final class ServerProcess: Sendable {
    /// The port the server bound.
    public let port: Int
    private let process: Process
    private let log: OutputBuffer

    private init(process: Process, log: OutputBuffer, port: Int) {
        self.process = process
        self.log = log
        self.port = port
    }

    /// Starts `executable` with `certificate`'s identity on 127.0.0.1 (`port` 0 picks a free one) and waits until it
    /// says it is serving.
    public static func start(
        _ executable: String,
        certificate: String,
        port: Int = 0,
        arguments: [String] = []
    ) async throws -> ServerProcess {
        let certificates = DevCertificates.shared
        let process = Process()
        process.executableURL = Self.buildDirectory.appendingPathComponent(executable)
        // Metrics on a free port too, so servers started side by side never contend for the default one.
        process.arguments =
            ["--listen", "127.0.0.1:\(port)", "--metrics-listen", "127.0.0.1:0", "--log-level", "debug"] + arguments
        process.environment = [
            "WM_TLS_CERT": certificates.certificatePath(for: certificate),
            "WM_TLS_KEY": certificates.keyPath(for: certificate),
            "WM_TLS_CA": certificates.caPath,
        ]
        let log = OutputBuffer()
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        pipe.fileHandleForReading.readabilityHandler = { handle in log.append(handle.availableData) }
        try process.run()
        let deadline = ContinuousClock.now.advanced(by: .seconds(20))
        while ContinuousClock.now < deadline {
            if let port = log.servingPort() {
                return ServerProcess(process: process, log: log, port: port)
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.terminate()
        throw ServerProcessError(message: "\(executable) did not start serving:\n\(log.text)")
    }

    /// The port its metrics endpoint listens on, from its `metrics` log line.
    public var metricsPort: Int? { self.log.port(loggedAs: "msg=metrics ") }

    /// Everything the server logged so far.
    public var output: String { self.log.text }

    /// The server's process id.
    public var processIdentifier: Int32 { self.process.processIdentifier }

    /// Whether the process is still running.
    public var isRunning: Bool { self.process.isRunning }

    /// Asks the server to shut down gracefully (SIGTERM).
    public func terminate() {
        self.process.terminate()
    }

    /// Kills the server at once (SIGKILL), as a crash would. Does not wait: tests run on the cooperative pool.
    public func kill() {
        guard self.process.isRunning else { return }
        Foundation.kill(self.process.processIdentifier, SIGKILL)
    }

    /// Waits for the process to exit and returns its status.
    public func waitForExit(timeout: Duration = .seconds(30)) async throws -> Int32 {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while self.process.isRunning {
            guard ContinuousClock.now < deadline else {
                throw ServerProcessError(message: "server still running after \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return self.process.terminationStatus
    }

    /// Polls the log until one line contains every one of `fragments`.
    public func waitForLog(_ fragments: String..., timeout: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while !self.output.split(separator: "\n").contains(where: { line in fragments.allSatisfy(line.contains) }) {
            guard ContinuousClock.now < deadline else {
                throw ServerProcessError(message: "no log line with \(fragments) in:\n\(self.output)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The directory holding the built executables (beside the test bundle).
    public static var buildDirectory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    deinit {
        if self.process.isRunning {
            Foundation.kill(self.process.processIdentifier, SIGKILL)
        }
    }
}

/// A server did not start or stop as expected.
public struct ServerProcessError: Error, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { self.message }
}

/// The output of a child process, appended from its pipe's reader thread.
final class OutputBuffer: Sendable {
    private let storage = Mutex("")

    func append(_ data: Data) {
        guard !data.isEmpty else { return }
        self.storage.withLock { $0 += String(decoding: data, as: UTF8.self) }
    }

    var text: String { self.storage.withLock { $0 } }

    /// The port from the server's "serving" line (`address=[IPv4]127.0.0.1/127.0.0.1:PORT`).
    func servingPort() -> Int? { self.port(loggedAs: "serving") }

    /// The port in the `address=` of the first line containing `marker`.
    func port(loggedAs marker: String) -> Int? {
        let text = self.text
        guard
            let line = text.split(separator: "\n").first(where: { $0.contains(marker) && $0.contains("address=") }),
            let colon = line.split(separator: " ").first(where: { $0.hasPrefix("address=") })?.lastIndex(of: ":")
        else { return nil }
        let digits = line[line.index(after: colon)...].prefix { $0.isNumber }
        return Int(digits)
    }
}
