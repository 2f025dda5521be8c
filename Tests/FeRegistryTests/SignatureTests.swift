import FeBasics
import Foundation
import Testing

@testable import FeRegistry

/// A fresh Ed25519 key pair made by the openssl CLI: the private PEM path, and the key loaded.
func makeKey(in dir: String, _ name: String) throws -> (path: String, key: Ed25519Key) {
  let path = dir + "/\(name).pem"
  let r = try Proc.run("/usr/bin/openssl", ["genpkey", "-algorithm", "ed25519", "-out", path])
  guard r.exited(0) else { throw TestFailure("openssl genpkey failed: \(r)") }
  guard let pem = try FileSystem.read(path) else { throw TestFailure("no key written") }
  return (path, try Ed25519Key.privateKey(pem: pem, path: path))
}

@Suite struct SignatureTests {
  @Test func signsAndVerifies() throws {
    let dir = TempDir("sig")
    defer { dir.remove() }
    let (_, key) = try makeKey(in: dir.path, "a")
    let (_, other) = try makeKey(in: dir.path, "b")
    let message = Array("{\"schema\":1}\n".utf8)
    let signature = try key.sign(message)
    #expect(signature.count == 64)
    let publicKey = try Ed25519Key.publicKey(key.publicKeyText)
    #expect(publicKey.verify(signature, of: message))
    #expect(!publicKey.verify(signature, of: message + [0x20]), "a changed message fails")
    #expect(!(try Ed25519Key.publicKey(other.publicKeyText)).verify(signature, of: message), "another key fails")
    var flipped = signature
    flipped[10] ^= 1
    #expect(!publicKey.verify(flipped, of: message))
    #expect(!publicKey.verify(Array(signature.prefix(63)), of: message))
  }

  @Test func publicKeysInEveryAcceptedSpelling() throws {
    let dir = TempDir("sig-spell")
    defer { dir.remove() }
    let (path, key) = try makeKey(in: dir.path, "a")
    let pub = try Proc.run("/usr/bin/openssl", ["pkey", "-in", path, "-pubout"])
    #expect(pub.exited(0))
    let raw = key.publicKeyText.dropFirst("ed25519:".count)
    for spelling in [key.publicKeyText, String(raw), "  \(raw)\n", pub.out] {
      #expect(try Ed25519Key.publicKey(spelling).rawPublicKey == key.rawPublicKey, "\(spelling)")
    }
  }

  /// One parser for `trustedKeys` and FE_TRUSTED_KEYS: PEM blocks whole, other keys split at
  /// commas and whitespace.
  @Test func trustedKeyTextsSplitIntoKeys() {
    let pem = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----"
    let table: [(String, [String])] = [
      ("ed25519:a", ["ed25519:a"]),
      ("ed25519:a,ed25519:b", ["ed25519:a", "ed25519:b"]),
      (" ed25519:a ,\n\ted25519:b ", ["ed25519:a", "ed25519:b"]),
      (pem, [pem]),
      (pem + "\n", [pem]),
      (pem + "\n" + pem, [pem, pem]),
      (pem + "," + pem, [pem, pem]),
      ("ed25519:a\n" + pem + " ed25519:b", ["ed25519:a", pem, "ed25519:b"]),
      ("-----BEGIN PUBLIC KEY-----\nMCow", ["-----BEGIN PUBLIC KEY-----\nMCow"]),
      ("", []),
      (" , ", []),
    ]
    for (text, keys) in table { #expect(TrustedKeys.split(text) == keys, "\(text)") }
  }

  @Test func anUnusableTrustedKeyNamesItsSourceAndPosition() throws {
    let dir = TempDir("sig-named")
    defer { dir.remove() }
    let (_, key) = try makeKey(in: dir.path, "a")
    #expect(try TrustedKeys.parse(key.publicKeyText + ", " + key.publicKeyText, source: "X").count == 2)
    let error = try? #require(throws: FeError.self) {
      try TrustedKeys.parse(key.publicKeyText + "\ned25519:AAAA", source: "FE_TRUSTED_KEYS")
    }
    #expect(error?.kind == .config)
    #expect(error?.message.hasPrefix("FE_TRUSTED_KEYS: key 2 of 2, \"ed25519:AAAA\"") == true, "\(String(describing: error))")
    #expect(error?.message.contains("\n") == false)
    #expect((try? TrustedKeys.parse(" ", source: "X")) == nil, "a text with no key is an error")
  }

  @Test func badPublicKeysAreConfigErrors() throws {
    for text in [
      "", "ed25519:", "ed25519:AAAA", "not base64!", String(repeating: "A", count: 44),
      "-----BEGIN PUBLIC KEY-----\nxx\n-----END PUBLIC KEY-----",
    ] {
      let error = try? #require(throws: FeError.self) { try Ed25519Key.publicKey(text) }
      #expect(error?.kind == .config, "\(text)")
    }
  }

  @Test func privateKeysMustBeEd25519PEM() throws {
    let dir = TempDir("sig-priv")
    defer { dir.remove() }
    let rsa = dir.path + "/ec.pem"
    #expect(
      try Proc.run("/usr/bin/openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", rsa]).exited(0))
    let pem = try #require(try FileSystem.read(rsa))
    let error = try? #require(throws: FeError.self) { try Ed25519Key.privateKey(pem: pem, path: rsa) }
    #expect(error?.kind == .usage && error?.message.contains("not an Ed25519 key") == true)
    #expect(throws: FeError.self) { try Ed25519Key.privateKey(pem: Array("hello".utf8), path: "x.pem") }
  }

  @Test func signatureFilesHoldBase64LinesOrRawBytes() throws {
    let a = [UInt8](repeating: 1, count: 64)
    let b = [UInt8](repeating: 2, count: 64)
    #expect(IndexSignature.parse(IndexSignature.encode([a, b])) == [a, b])
    #expect(IndexSignature.parse(Array((Data(a).base64EncodedString() + "\r\n").utf8)) == [a])
    #expect(IndexSignature.parse(a) == [a], "64 raw bytes")
    #expect(IndexSignature.parse(Array("garbage\n".utf8)).isEmpty)
  }

  @Test func verifyingAnIndex() throws {
    let dir = TempDir("sig-verify")
    defer { dir.remove() }
    let (_, old) = try makeKey(in: dir.path, "old")
    let (_, new) = try makeKey(in: dir.path, "new")
    let index = Array("{}\n".utf8)
    let trustedOld = [try Ed25519Key.publicKey(old.publicKeyText)]
    let trustedBoth = [try Ed25519Key.publicKey(old.publicKeyText), try Ed25519Key.publicKey(new.publicKeyText)]
    let signedByNew = IndexSignature.encode([try new.sign(index)])

    // No trusted keys: nothing is required.
    try IndexSignature.verify(index: index, signature: nil, trusted: [], origin: "x")
    // Rotation: a client trusting old and new accepts the new signature.
    try IndexSignature.verify(index: index, signature: signedByNew, trusted: trustedBoth, origin: "x")
    // A publisher signing with both keys satisfies a client that only knows the old one.
    try IndexSignature.verify(
      index: index, signature: IndexSignature.encode([try new.sign(index), try old.sign(index)]), trusted: trustedOld, origin: "x")

    let unsigned = try? #require(throws: FeError.self) {
      try IndexSignature.verify(index: index, signature: nil, trusted: trustedOld, origin: "x")
    }
    #expect(unsigned?.kind == .integrity && unsigned?.message.contains("not signed") == true)
    let wrongKey = try? #require(throws: FeError.self) {
      try IndexSignature.verify(index: index, signature: signedByNew, trusted: trustedOld, origin: "x")
    }
    #expect(wrongKey?.kind == .integrity && wrongKey?.message.contains("not signed by any trusted key") == true)
    let tampered = try? #require(throws: FeError.self) {
      try IndexSignature.verify(index: index + [0x20], signature: signedByNew, trusted: trustedBoth, origin: "x")
    }
    #expect(tampered?.kind == .integrity)
  }
}
