import Testing
import WindMakerKit

@Suite struct SHA256Tests {
    /// FIPS 180-4 examples plus lengths around the 56- and 64-byte padding boundaries (digests from `sha256sum`).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        ("造风者", "8ee651a4df65363542e5f3d1a35d11f70a6c217b1919aae8c1ab0fa974f01767"),
    ])
    func knownDigests(text: String, hex: String) {
        #expect(SHA256.hash(text).hex == hex)
    }

    @Test func feedingInPiecesGivesTheSameDigest() {
        let bytes = Array(String(repeating: "wind maker ", count: 100).utf8)
        var hash = SHA256()
        var start = 0
        for size in [1, 63, 64, 65, 7, 200] {
            hash.update(bytes[start ..< start + size])
            start += size
        }
        hash.update(bytes[start...])
        var whole = SHA256()
        whole.update(bytes)
        #expect(hash.finish() == whole.finish())
    }
}
