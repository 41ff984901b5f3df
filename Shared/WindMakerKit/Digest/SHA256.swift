/// SHA-256 (FIPS 180-4), for the input digests that make results reproducible and comparable across machines.
///
/// Written in Swift because domain libraries may not import OpenSSL; it hashes kilobytes to megabytes per call,
/// where a simple implementation is fast enough.
///
/// ```swift
/// var hash = SHA256()
/// hash.update("rulebook v1")
/// let hex = hash.finish().hex   // 64 lower-case hex digits
/// ```
public struct SHA256: Sendable {
    private var state: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    /// A hash of nothing yet.
    public init() {
        self.pending.reserveCapacity(64)
    }

    /// Feeds `bytes` into the hash.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let absorbed: Void? = bytes.withContiguousStorageIfAvailable { buffer in self.absorb(buffer) }
        if absorbed == nil {
            let copy = Array(bytes)
            copy.withUnsafeBufferPointer { self.absorb($0) }
        }
    }

    /// Whole blocks are compressed straight from `buffer`; only a partial block is copied into `pending`.
    private mutating func absorb(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.length &+= UInt64(buffer.count)
        var offset = 0
        if !self.pending.isEmpty {
            let take = min(64 - self.pending.count, buffer.count)
            self.pending.append(contentsOf: buffer[0 ..< take])
            offset = take
            guard self.pending.count == 64 else { return }
            self.pending.withUnsafeBufferPointer { self.compress($0.baseAddress!) }
            self.pending.removeAll(keepingCapacity: true)
        }
        while buffer.count - offset >= 64 {
            self.compress(buffer.baseAddress! + offset)
            offset += 64
        }
        self.pending.append(contentsOf: buffer[offset...])
    }

    /// Feeds the UTF-8 bytes of `text` into the hash.
    public mutating func update(_ text: String) {
        self.update(text.utf8)
    }

    /// The digest of everything fed in.
    public consuming func finish() -> Digest {
        let bits = self.length &* 8
        self.pending.append(0x80)
        if self.pending.count > 56 {
            self.pending += [UInt8](repeating: 0, count: 64 - self.pending.count)
            self.pending.withUnsafeBufferPointer { self.compress($0.baseAddress!) }
            self.pending.removeAll(keepingCapacity: true)
        }
        self.pending += [UInt8](repeating: 0, count: 56 - self.pending.count)
        for shift in stride(from: 56, through: 0, by: -8) {
            self.pending.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
        }
        self.pending.withUnsafeBufferPointer { self.compress($0.baseAddress!) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for word in self.state {
            bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> UInt32($0)) }
        }
        return Digest(bytes: bytes)
    }

    /// The digest of `text`'s UTF-8 bytes.
    public static func hash(_ text: String) -> Digest {
        var hash = SHA256()
        hash.update(text)
        return hash.finish()
    }

    /// A finished SHA-256 digest.
    public struct Digest: Hashable, Sendable, CustomStringConvertible {
        /// The 32 bytes.
        public let bytes: [UInt8]

        /// The 64 lower-case hexadecimal digits.
        public var hex: String {
            let digits = Array("0123456789abcdef".utf8)
            var text: [UInt8] = []
            text.reserveCapacity(64)
            for byte in self.bytes {
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0f)])
            }
            return String(decoding: text, as: UTF8.self)
        }

        /// ``hex``.
        public var description: String { self.hex }
    }

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// Compresses the 64 bytes at `block` into the state.
    private mutating func compress(_ block: UnsafePointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { words in
            self.compress(block, words: words)
        }
    }

    private mutating func compress(_ block: UnsafePointer<UInt8>, words: UnsafeMutableBufferPointer<UInt32>) {
        for index in 0 ..< 16 {
            let base = index * 4
            words[index] =
                UInt32(block[base]) << 24 | UInt32(block[base + 1]) << 16 | UInt32(block[base + 2]) << 8
                | UInt32(block[base + 3])
        }
        for index in 16 ..< 64 {
            let w15 = words[index - 15]
            let w2 = words[index - 2]
            let s0 = w15.rotatedRight(7) ^ w15.rotatedRight(18) ^ (w15 >> 3)
            let s1 = w2.rotatedRight(17) ^ w2.rotatedRight(19) ^ (w2 >> 10)
            words[index] = words[index - 16] &+ s0 &+ words[index - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = (
            self.state[0], self.state[1], self.state[2], self.state[3],
            self.state[4], self.state[5], self.state[6], self.state[7]
        )
        for index in 0 ..< 64 {
            let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
            let choice = (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ choice &+ Self.roundConstants[index] &+ words[index]
            let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ majority
            (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
        }
        self.state[0] &+= a
        self.state[1] &+= b
        self.state[2] &+= c
        self.state[3] &+= d
        self.state[4] &+= e
        self.state[5] &+= f
        self.state[6] &+= g
        self.state[7] &+= h
    }
}

extension UInt32 {
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
        (self >> count) | (self << (32 - count))
    }
}
