/// SplitMix64: the same seed gives the same numbers on every machine and toolchain (the standard library's generator
/// is neither seedable nor stable across releases), which is what makes the demo program reproducible.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = self.state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0 ..< 1` from the top 53 bits.
    mutating func unit() -> Double {
        Double(self.next() >> 11) / Double(1 << 53)
    }

    /// A number in `range`, uniformly.
    mutating func between(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * self.unit()
    }
}
