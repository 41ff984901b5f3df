#if canImport(Glibc)
import Glibc
import Testing
import WindMakerMessages

@Suite struct MemoryTests {
    /// Decoding that fails after protobuf-c succeeded (bad UTF-8, NUL) must still free the unpacked message, and a
    /// failed encode must free its arena: the heap may not grow across many iterations. Runs in a child process
    /// (an exit test) so that other tests running in parallel cannot move the resident set it measures.
    @Test func repeatedFailuresDoNotGrowTheHeap() async {
        await #expect(processExitsWith: .success) {
            exit(try Self.churnGrowsResidentMemory() ? 1 : 0)
        }
    }

    private static func churnGrowsResidentMemory() throws -> Bool {
        let badUTF8: [UInt8] = [0x22, 0x06, 0x0A, 0x01, 0x6B, 0x12, 0x01, 0xFF] + [0x12, 0x03, 0x61, 0x62, 0x63]
        let nul: [UInt8] = [0x22, 0x05, 0x12, 0x03, 0x61, 0x00, 0x62]
        let truncated: [UInt8] = [0x22, 0x05, 0x12, 0x03, 0x61]
        let unencodable = RPCV1.Status(message: "fine", metadata: [.init(key: "k", value: "v\u{0}")])
        func churn(_ iterations: Int) {
            for _ in 0 ..< iterations {
                for bytes in [badUTF8, nul, truncated] {
                    _ = try? RPCV1.Status(serializedBytes: bytes)
                }
                _ = try? unencodable.serializedBytes()
            }
        }
        churn(2_000)  // warm up allocator caches
        guard let before = Self.residentBytes() else { return true }
        churn(50_000)
        guard let after = Self.residentBytes() else { return true }
        // 200 000 failed operations: a leak of even 32 bytes per operation would add over 6 MB.
        return after >= before + 4 << 20
    }

    /// Resident set size from /proc/self/statm (glibc's mallinfo2 is not visible to Swift).
    private static func residentBytes() -> Int? {
        guard let file = fopen("/proc/self/statm", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        guard fgets(&line, Int32(line.count), file) != nil else { return nil }
        let pages = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            .split(separator: " ").compactMap { Int($0) }
        guard pages.count >= 2 else { return nil }
        return pages[1] * sysconf(Int32(_SC_PAGESIZE))
    }
}
#endif
