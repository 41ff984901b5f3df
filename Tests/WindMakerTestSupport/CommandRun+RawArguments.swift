import Foundation

extension CommandRun {
    /// Runs `wmctl` with arguments given as bytes, which may be invalid UTF-8 (`Process` takes `String`s, which cannot
    /// be), with no certificate in the environment: for what wmctl refuses before it connects.
    public static func wmctl(rawArguments: [[UInt8]]) throws -> CommandRun {
        let path = ServerProcess.buildDirectory.appendingPathComponent("wmctl").path
        var pipe: [Int32] = [0, 0]
        guard Foundation.pipe(&pipe) == 0 else { throw ServerProcessError(message: "pipe failed: errno \(errno)") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        let argv: [UnsafeMutablePointer<CChar>?] =
            ([Array(path.utf8)] + rawArguments).map { bytes in
                let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
                for (index, byte) in bytes.enumerated() { copy[index] = CChar(bitPattern: byte) }
                copy[bytes.count] = 0
                return copy
            } + [nil]
        defer { for pointer in argv { pointer?.deallocate() } }
        var environment: [UnsafeMutablePointer<CChar>?] = [nil]
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, &environment)
        close(pipe[1])
        defer { close(pipe[0]) }
        guard spawned == 0 else { throw ServerProcessError(message: "could not start \(path): error \(spawned)") }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            guard count > 0 else { break }
            output += buffer[..<count]
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        // WEXITSTATUS, which Swift does not import as a macro.
        return CommandRun(status: (status >> 8) & 0xFF, output: String(decoding: output, as: UTF8.self))
    }
}
