public import Foundation

/// A built command-line tool run to completion with a development identity, its output captured.
public struct CommandRun: Sendable {
    /// Exit status.
    public var status: Int32
    /// Standard output and standard error together.
    public var output: String

    /// Runs `wmctl` with `identity`'s certificate (e.g. `operator-alice`) in the environment.
    public static func wmctl(_ arguments: [String], as identity: String) async throws -> CommandRun {
        let certificates = DevCertificates.shared
        return try await self.wmctl(
            arguments,
            certificate: certificates.certificatePath(for: identity),
            key: certificates.keyPath(for: identity)
        )
    }

    /// Runs `wmctl` with an explicit certificate and key, trusting the development CA.
    public static func wmctl(_ arguments: [String], certificate: String, key: String) async throws -> CommandRun {
        try await self.run(
            "wmctl",
            arguments,
            environment: ["WM_TLS_CERT": certificate, "WM_TLS_KEY": key, "WM_TLS_CA": DevCertificates.shared.caPath]
        )
    }

    /// Runs the built `executable` with exactly `environment`, waiting up to `timeout` for it to exit.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String],
        timeout: Duration = .seconds(30)
    ) async throws -> CommandRun {
        try await self.run(
            at: ServerProcess.buildDirectory.appendingPathComponent(executable),
            arguments,
            environment: environment,
            timeout: timeout
        )
    }

    /// Runs the program at `url` (a system tool such as `/usr/bin/openssl`) with `input` on its standard input,
    /// waiting up to `timeout` for it to exit.
    public static func run(
        at url: URL,
        _ arguments: [String],
        environment: [String: String],
        input: String? = nil,
        timeout: Duration = .seconds(30)
    ) async throws -> CommandRun {
        let executable = url.lastPathComponent
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = environment
        if let input {
            let feed = Pipe()
            process.standardInput = feed
            feed.fileHandleForWriting.write(Data(input.utf8))
            try feed.fileHandleForWriting.close()
        }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let output = OutputBuffer()
        pipe.fileHandleForReading.readabilityHandler = { handle in output.append(handle.availableData) }
        try process.run()
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                process.terminate()
                throw ServerProcessError(message: "\(executable) \(arguments) did not finish:\n\(output.text)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        try await Task.sleep(for: .milliseconds(50))  // the reader picks up the last bytes
        return CommandRun(status: process.terminationStatus, output: output.text)
    }
}
