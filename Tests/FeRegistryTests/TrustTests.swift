// Signed registries: `fe blobs publish --sign-key`, `trustedKeys` / FE_TRUSTED_KEYS, rotation.
import FeBasics
import Foundation
import Testing

@Suite struct TrustTests {
  /// A registry with fe 2.1.0 published and signed by `keys` (PEM paths), and the keys' public texts.
  func signedRegistry(_ w: World, keys: [String]) throws -> (registry: String, publicKeys: [String]) {
    let registry = w.dir.path + "/registry"
    let r = try w.fe(args: ["blobs", "publish", Repo.fe2, "--to", registry] + keys.flatMap { ["--sign-key", $0] })
    guard r.exited(0) else { throw TestFailure("publish failed: \(r)") }
    let publicKeys = r.out.split(separator: "\n").filter { $0.hasPrefix("signed index.json with ") }
      .map { String($0.dropFirst("signed index.json with ".count)) }
    return (registry, publicKeys)
  }

  func key(_ w: World, _ name: String) throws -> String {
    let path = w.dir.path + "/\(name).pem"
    #expect(try Proc.run("/usr/bin/openssl", ["genpkey", "-algorithm", "ed25519", "-out", path]).exited(0))
    return path
  }

  @Test func aSignedIndexIsAcceptedByItsKey() throws {
    let w = try World("trust-ok")
    defer { w.remove() }
    let (registry, keys) = try signedRegistry(w, keys: [try key(w, "a")])
    #expect(keys.count == 1 && keys[0].hasPrefix("ed25519:"))
    #expect(FileSystem.isFile(registry + "/fe/index.json.sig"))
    let r = try w.fe("blobs", "install", "fe@^2", "--registry", registry, env: ["FE_TRUSTED_KEYS": keys[0]])
    #expect(r.exited(0), "\(r)")
  }

  @Test func rotationWithSeveralTrustedKeysInTheConfig() throws {
    let w = try World("trust-rotate")
    defer { w.remove() }
    let old = try key(w, "old")
    let new = try key(w, "new")
    let (registry, keys) = try signedRegistry(w, keys: [old])
    let (_, newKeys) = try signedRegistry(w, keys: [new])  // re-signs the same index with the new key
    #expect(keys != newKeys)
    let nginx = try Nginx(root: registry)
    defer { nginx.stop() }
    // The client trusts both during the rotation: the new signature is accepted.
    try w.config("export default { fe: \"^2\", registry: \"\(nginx.url)\", trustedKeys: [\"\(keys[0])\", \"\(newKeys[0])\"] };\n")
    let r = try w.fe("blobs", "install")
    #expect(r.exited(0), "\(r)")
  }

  @Test func anUnsignedIndexIsRefusedWhenKeysAreConfigured() throws {
    let w = try World("trust-unsigned")
    defer { w.remove() }
    let (_, keys) = try signedRegistry(w, keys: [try key(w, "a")])
    let nginx = try Nginx(root: try SharedRegistry.path())
    defer { nginx.stop() }
    let r = try w.fe("blobs", "install", "fe@^2", "--registry", nginx.url, env: ["FE_TRUSTED_KEYS": keys[0]])
    expectFeError(r, code: 65, mentions: ["not signed"])
    #expect(w.store.blobs.isEmpty && w.store.staging.isEmpty)
    #expect(nginx.accessLog.allSatisfy { !$0.contains(".zst") }, "nothing but the index and its signature was fetched")
  }

  @Test func aWrongSignatureIsRefused() throws {
    let w = try World("trust-wrong")
    defer { w.remove() }
    let (registry, _) = try signedRegistry(w, keys: [try key(w, "a")])
    let other = try World("trust-other")
    defer { other.remove() }
    let (_, otherKeys) = try signedRegistry(other, keys: [try key(w, "b")])
    let r = try w.fe("blobs", "install", "fe@^2", "--registry", registry, env: ["FE_TRUSTED_KEYS": otherKeys[0]])
    expectFeError(r, code: 65, mentions: ["not signed by any trusted key"])
    #expect(w.store.blobs.isEmpty)
  }

  @Test func aTamperedIndexIsRefused() throws {
    let w = try World("trust-tampered")
    defer { w.remove() }
    let (registry, keys) = try signedRegistry(w, keys: [try key(w, "a")])
    let indexPath = registry + "/fe/index.json"
    var text = try #require(try FileSystem.readString(indexPath))
    text = text.replacingOccurrences(of: "\"latest\" : \"2.1.0\"", with: "\"latest\" : \"2.1.0\" ")
    try FileSystem.writeAtomically(indexPath, Array(text.utf8))
    let r = try w.fe("blobs", "install", "fe@^2", "--registry", registry, env: ["FE_TRUSTED_KEYS": keys[0]])
    expectFeError(r, code: 65, mentions: ["not signed by any trusted key"])
    #expect(w.store.blobs.isEmpty)
  }

  @Test func aMalformedTrustedKeyIsAConfigError() throws {
    let w = try World("trust-badkey")
    defer { w.remove() }
    expectFeError(
      try w.fe("blobs", "install", "fe@^2", "--registry", try SharedRegistry.path(), env: ["FE_TRUSTED_KEYS": "ed25519:nope"]),
      code: 78, mentions: ["trusted key"])
    try w.config("export default { fe: \"^2\", trustedKeys: \"ed25519:x\" };\n")
    expectFeError(try w.fe("blobs", "install", "--registry", try SharedRegistry.path()), code: 78, mentions: ["trustedKeys"])
  }

  /// The PEM public key of a private key file, as `openssl pkey -pubout` prints it (several lines).
  func pemPublicKey(_ privatePath: String) throws -> String {
    let r = try Proc.run("/usr/bin/openssl", ["pkey", "-in", privatePath, "-pubout"])
    guard r.exited(0), r.out.hasPrefix("-----BEGIN PUBLIC KEY-----") else { throw TestFailure("openssl pkey failed: \(r)") }
    return r.out
  }

  /// FE_TRUSTED_KEYS takes what `trustedKeys` takes: PEM blocks (newlines and all), several of
  /// them, mixed with `ed25519:` keys, separated by commas or whitespace.
  @Test func feTrustedKeysTakesPemPublicKeysAsTheConfigDoes() throws {
    let w = try World("trust-pem-env")
    defer { w.remove() }
    let a = try key(w, "a")
    let b = try key(w, "b")
    let (registry, keys) = try signedRegistry(w, keys: [a])
    let pemA = try pemPublicKey(a)
    let pemB = try pemPublicKey(b)
    // One PEM block, exactly as openssl prints it.
    let one = try w.fe("blobs", "install", "fe@^2", "--registry", registry, env: ["FE_TRUSTED_KEYS": pemA])
    #expect(one.exited(0), "\(one)")
    // Several: another key's PEM, the signing key's PEM, and an ed25519: key, in one variable.
    let mixed = pemB + "," + pemA + "\n" + keys[0]
    #expect(try w.fe("blobs", "remove", "fe@2.1.0").exited(0))
    let several = try w.fe("blobs", "install", "fe@^2", "--registry", registry, env: ["FE_TRUSTED_KEYS": mixed])
    #expect(several.exited(0), "\(several)")
    // Only the other key's PEM: refused, so the PEM was really read as a key.
    #expect(try w.fe("blobs", "remove", "fe@2.1.0").exited(0))
    let wrong = try w.fe("blobs", "install", "fe@^2", "--registry", registry, env: ["FE_TRUSTED_KEYS": pemB])
    expectFeError(wrong, code: 65, mentions: ["not signed by any trusted key"])
    // The config takes the same PEM text.
    let quoted = pemA.replacingOccurrences(of: "\n", with: "\\n")
    try w.config("export default { fe: \"^2\", trustedKeys: [\"\(quoted)\"] };\n")
    let config = try w.fe("blobs", "install", "fe@^2", "--registry", registry)
    #expect(config.exited(0), "\(config)")
  }

  /// An unusable key, in either place, is one `fe: error:` line naming where it is and which it is.
  @Test func anUnusableTrustedKeyIsOneErrorNamingIt() throws {
    let w = try World("trust-bad-named")
    defer { w.remove() }
    let a = try key(w, "a")
    let (registry, keys) = try signedRegistry(w, keys: [a])
    // A PEM public key, but a P-256 one: not usable for Ed25519 signatures.
    let ec = w.dir.path + "/ec.pem"
    #expect(try Proc.run("/usr/bin/openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", ec]).exited(0))
    let brokenPem = try pemPublicKey(ec)
    let env = try w.fe(
      "blobs", "install", "fe@^2", "--registry", registry, env: ["FE_TRUSTED_KEYS": keys[0] + "\n" + brokenPem])
    expectFeError(env, code: 78, mentions: ["FE_TRUSTED_KEYS", "key 2", "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE", "not an Ed25519 key"])
    #expect(env.err.split(separator: "\n").count == 2, "one error line and one hint line: \(env)")
    let short = try w.fe("blobs", "install", "fe@^2", "--registry", registry, env: ["FE_TRUSTED_KEYS": "ed25519:nope"])
    expectFeError(short, code: 78, mentions: ["FE_TRUSTED_KEYS", "ed25519:nope"])
    try w.config("export default { fe: \"^2\", trustedKeys: [\"\(keys[0])\", \"ed25519:AAAA\"] };\n")
    let config = try w.fe("blobs", "install", "fe@^2", "--registry", registry)
    expectFeError(config, code: 78, mentions: ["fe.config.js", "trustedKeys[1]", "ed25519:AAAA"])
    #expect(w.store.blobs.isEmpty)
  }

  @Test func publishingRefusesToChangeAPublishedVersion() throws {
    let w = try World("trust-republish")
    defer { w.remove() }
    let registry = w.dir.path + "/registry"
    #expect(try w.fe("blobs", "publish", Repo.fe2, "--to", registry).exited(0))
    let same = try w.fe("blobs", "publish", Repo.fe2, "--to", registry)
    #expect(same.exited(0) && same.out.contains("already published"), "\(same)")
    let changed = w.dir.path + "/changed.js"
    try FileSystem.writeAtomically(changed, Array("fe.main(async () => 0);\n".utf8))
    let r = try w.fe("blobs", "publish", changed, "--name", "fe", "--version", "2.1.0", "--to", registry)
    expectFeError(r, code: 65, mentions: ["already published", "different content"])
    expectFeError(try w.fe("blobs", "publish", changed, "--name", "fe", "--version", "2.1", "--to", registry), code: 64)
    expectFeError(try w.fe("blobs", "publish", changed, "--name", "../fe", "--version", "2.1.0", "--to", registry), code: 64)
  }
}

extension World {
  func fe(args: [String], env: [String: String] = [:]) throws -> ProcResult {
    try FeRegistryTests.fe(args, home: home, cwd: project, env: env)
  }
}
