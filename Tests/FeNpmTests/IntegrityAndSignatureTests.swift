import FeBasics
import FeSemver
import FeTestSupport
import FoundationEssentials
import Testing

@testable import FeNpm

@Suite struct IntegrityAndSignatureTests {
  let sha512 = "sha512-" + Data(repeating: 7, count: 64).base64EncodedString()
  let sha256 = "sha256-" + Data(repeating: 9, count: 32).base64EncodedString()

  @Test func theStrongestUsableEntryWins() throws {
    #expect(Integrity(integrity: "\(sha256) \(sha512)", shasum: nil)?.algorithm == .sha512)
    #expect(Integrity(integrity: "\(sha512) \(sha256)", shasum: nil)?.algorithm == .sha512)
    // An entry of the wrong length, or an unknown algorithm, is skipped, not trusted.
    #expect(Integrity(integrity: "sha512-AAAA \(sha256)", shasum: nil)?.algorithm == .sha256)
    #expect(Integrity(integrity: "md5-AAAAAAAAAAAAAAAAAAAAAA==", shasum: nil) == nil)
    // The sha1 shasum only when integrity has nothing usable.
    let sha1 = String(repeating: "ab", count: 20)
    #expect(Integrity(integrity: sha512, shasum: sha1)?.algorithm == .sha512)
    #expect(Integrity(integrity: nil, shasum: sha1)?.algorithm == .sha1)
    #expect(Integrity(integrity: nil, shasum: sha1)?.hex == sha1)
    #expect(Integrity(integrity: nil, shasum: "xyz") == nil)
    #expect(Integrity(integrity: sha512, shasum: nil)?.description == sha512)
  }

  /// A key made here with openssl signs `name@version:integrity` as the npm registry does.
  func signed(expires: String?) throws -> (keys: RegistryKeys, manifest: Manifest) {
    let dir = TempDir("npm-keys")
    let key = dir.file("k.pem")
    #expect(try Proc.run("/usr/bin/openssl", ["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key]).exited(0))
    #expect(try Proc.run("/usr/bin/openssl", ["ec", "-in", key, "-pubout", "-outform", "DER", "-out", dir.file("pub.der")]).exited(0))
    try dir.write("msg", "demo@1.0.0:\(sha512)")
    #expect(try Proc.run("/usr/bin/openssl", ["dgst", "-sha256", "-sign", key, "-out", dir.file("sig"), dir.file("msg")]).exited(0))
    let der = try #require(try FileSystem.read(dir.file("pub.der")))
    let sig = try #require(try FileSystem.read(dir.file("sig")))
    let expiry = expires.map { "\"\($0)\"" } ?? "null"
    let doc =
      #"{"keys":[{"expires":\#(expiry),"keyid":"SHA256:k1","keytype":"ecdsa-sha2-nistp256","scheme":"ecdsa-sha2-nistp256","key":"\#(Data(der).base64EncodedString())"}]}"#
    let keys = try RegistryKeys(registry: "https://r.example/", bytes: Array(doc.utf8))
    let manifestJSON =
      #"{"version":"1.0.0","dist":{"tarball":"https://r.example/demo/-/demo-1.0.0.tgz","integrity":"\#(sha512)","signatures":[{"keyid":"SHA256:k1","sig":"\#(Data(sig).base64EncodedString())"}]}}"#
    let json = try #require(JSONValue.parse(Array(manifestJSON.utf8)))
    let manifest = try #require(Manifest(json, packageName: PackageName("demo")!))
    return (keys, manifest)
  }

  @Test func aValidSignatureVerifies() throws {
    let (keys, m) = try signed(expires: nil)
    try SignatureCheck.verify(m, keys: keys, require: true)
    try SignatureCheck.verify(m, keys: keys, require: false, now: Date(timeIntervalSince1970: 4_000_000_000))
  }

  @Test func anExpiredKeyFails() throws {
    let (keys, m) = try signed(expires: "2021-01-01T00:00:00.000Z")
    #expect(keys.keys.first?.expires != nil)
    #expect { try SignatureCheck.verify(m, keys: keys, require: false) } throws: {
      ($0 as? FeError)?.kind.exitCode == 65
        && ($0 as? FeError)?.message.hasPrefix("demo@1.0.0 is signed with key SHA256:k1, which expired on 2021-01-01") == true
    }
  }

  @Test func aKeysDocumentThatIsNotOneIsAnIntegrityError() {
    #expect { _ = try RegistryKeys(registry: "https://r.example/", bytes: Array("<html>".utf8)) } throws: {
      ($0 as? FeError)?.kind == .integrity && "\($0)".contains("https://r.example/-/npm/v1/keys is not a list of signing keys")
    }
  }
}
