import Foundation
import Testing
import WindMakerTestSupport

/// A server whose log reader has gone (a pipe closed under it, as when the process reading its output is killed)
/// keeps serving and drains as usual: a log line it cannot write is dropped, never a crash.
@Suite struct LogOutputTests {
    @Test func aServerOutlivesItsLogReader() async throws {
        let certificates = DevCertificates.shared
        let process = Process()
        process.executableURL = ServerProcess.buildDirectory.appendingPathComponent("wm-echo")
        process.arguments = ["--listen", "127.0.0.1:0", "--metrics-listen", "off"]
        process.environment = [
            "WM_TLS_CERT": certificates.certificatePath(for: "echo"),
            "WM_TLS_KEY": certificates.keyPath(for: "echo"),
            "WM_TLS_CA": certificates.caPath,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        // Read until it serves, then close the only reading end: every later log line meets EPIPE.
        var seen = ""
        while !seen.contains("msg=serving") {
            let chunk = pipe.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        #expect(seen.contains("msg=serving"), "\(seen)")
        try pipe.fileHandleForReading.close()
        try pipe.fileHandleForWriting.close()
        // "serving" is logged as the signal handlers are being installed; give them a moment.
        try await Task.sleep(for: .seconds(1))
        // SIGTERM makes it log its drain; before the fix the first of those lines trapped (SIGILL).
        process.terminate()
        let deadline = ContinuousClock.now.advanced(by: .seconds(20))
        while process.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!process.isRunning)
        #expect(process.terminationReason == .exit, "it exited, not killed by a signal")
        #expect(process.terminationStatus == 0)
    }
}
