// FeBasics.SHA256: inputs under 64 KiB are hashed in Swift (no OpenSSL start-up at launch),
// larger ones by OpenSSL. Both must agree with the standard and with each other.
import FeBasics
import Foundation
import Testing

@Suite struct SHA256Tests {
  @Test func knownAnswers() {
    #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    // A million "a": past the inline limit, so through OpenSSL.
    #expect(
      SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  /// Sizes around the block padding edges and the inline limit, random bytes, fed in pieces:
  /// the same digest as the system's sha256sum.
  @Test(arguments: [1, 55, 56, 63, 64, 65, 119, 120, 4096, 65_535, 65_536, 65_537, 200_003])
  func agreesWithSha256sum(size: Int) throws {
    var rng = SystemRandomNumberGenerator()
    let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) }
    var h = SHA256()
    var at = 0
    while at < bytes.count {
      let n = min(bytes.count - at, Int.random(in: 1...40_000, using: &rng))
      h.update(Array(bytes[at..<(at + n)]))
      at += n
    }
    #expect(h.finalize().hexString == (try Self.sha256sum(bytes)))
    #expect(SHA256.hex(bytes) == (try Self.sha256sum(bytes)))
  }

  static func sha256sum(_ bytes: [UInt8]) throws -> String {
    let dir = TempDir("sha")
    let file = dir.file("bytes")
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    let r = try Proc.run("/usr/bin/sha256sum", [file])
    guard r.exited(0) else { throw FixtureError("sha256sum failed: \(r)") }
    return r.out.split(separator: " ").first.map(String.init) ?? ""
  }
}
