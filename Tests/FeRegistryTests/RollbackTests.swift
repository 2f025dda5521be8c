// Rollback and freeze protection: a signed index carries a serial (publish increments it) and
// an expiry, fe remembers the highest serial it has seen per registry and tool in
// $FE_HOME/registry-serials.json, and refuses an older or expired signed index (65).
import FeBasics
import Foundation
import Testing

@Suite struct RollbackTests {
  func key(_ w: World, _ name: String = "k") throws -> String {
    let path = w.dir.path + "/\(name).pem"
    #expect(try Proc.run("/usr/bin/openssl", ["genpkey", "-algorithm", "ed25519", "-out", path]).exited(0))
    return path
  }

  /// `fe blobs publish` of `source` into `registry`, signed with `key`; returns the printed public key.
  @discardableResult
  func publish(_ w: World, _ source: String, _ registry: String, key: String?, extra: [String] = []) throws -> String {
    let r = try w.fe(args: ["blobs", "publish", source, "--to", registry] + (key.map { ["--sign-key", $0] } ?? []) + extra)
    guard r.exited(0) else { throw TestFailure("publish failed: \(r)") }
    return r.out.split(separator: "\n").first { $0.hasPrefix("signed index.json with ") }
      .map { String($0.dropFirst("signed index.json with ".count)) } ?? ""
  }

  func index(_ registry: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: registry + "/fe/index.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// Replaces index.json with `text` and signs it with `key` through openssl (a raw 64-byte .sig).
  func resign(_ registry: String, _ text: String, key: String) throws {
    let path = registry + "/fe/index.json"
    try FileSystem.writeAtomically(path, Array(text.utf8))
    let r = try Proc.run("/usr/bin/openssl", ["pkeyutl", "-sign", "-rawin", "-inkey", key, "-in", path, "-out", path + ".sig"])
    guard r.exited(0) else { throw TestFailure("openssl pkeyutl failed: \(r)") }
  }

  func seconds(_ iso: String) -> Double? {
    let f = ISO8601DateFormatter()
    return f.date(from: iso)?.timeIntervalSinceNow
  }

  @Test func publishWritesAnIncreasingSerialAndAnExpiry() throws {
    let w = try World("rb-publish")
    defer { w.remove() }
    let registry = w.dir.path + "/registry"
    let k = try key(w)
    try publish(w, Repo.fe1, registry, key: k)
    let first = try index(registry)
    #expect(first["serial"] as? Int == 1, "\(first)")
    let expires = try #require(first["expires"] as? String)
    let days = (seconds(expires) ?? 0) / 86400
    #expect(days > 364 && days <= 365, "default expiry is 365 days: \(expires)")
    try publish(w, Repo.fe2, registry, key: k)
    #expect(try index(registry)["serial"] as? Int == 2)
    // The same content again changes nothing, serial included.
    let before = try FileSystem.read(registry + "/fe/index.json")
    try publish(w, Repo.fe2, registry, key: k)
    #expect(try FileSystem.read(registry + "/fe/index.json") == before)
    // --expires renews the expiry (a new serial) without a new version.
    try publish(w, Repo.fe2, registry, key: k, extra: ["--expires", "30"])
    let renewed = try index(registry)
    #expect(renewed["serial"] as? Int == 3)
    let renewedDays = (seconds(try #require(renewed["expires"] as? String)) ?? 0) / 86400
    #expect(renewedDays > 29 && renewedDays <= 30, "\(renewed)")
    expectFeError(
      try w.fe(args: ["blobs", "publish", Repo.fe2, "--to", registry, "--sign-key", k, "--expires", "0"]), code: 64, mentions: ["--expires"]
    )
  }

  /// The case: a mirror replays the index from before a release. Once fe has seen
  /// serial 2, the validly signed serial 1 is refused, naming registry, tool and serials.
  @Test func anOlderSignedIndexIsRefused() throws {
    let w = try World("rb-rollback")
    defer { w.remove() }
    let registry = w.dir.path + "/registry"
    let k = try key(w)
    let publicKey = try publish(w, Repo.fe1, registry, key: k)
    let oldIndex = try #require(try FileSystem.read(registry + "/fe/index.json"))
    let oldSig = try #require(try FileSystem.read(registry + "/fe/index.json.sig"))
    try publish(w, Repo.fe2, registry, key: k)
    let env = ["FE_TRUSTED_KEYS": publicKey]
    #expect(try w.fe("blobs", "install", "fe@^2", "--registry", registry, env: env).exited(0))
    let state = try #require(try FileSystem.readString(w.home + "/registry-serials.json"))
    #expect(state.contains(registry) && state.contains("\"fe\" : 2"), "\(state)")

    // The replay: the old index with its own, valid signature.
    try FileSystem.writeAtomically(registry + "/fe/index.json", oldIndex)
    try FileSystem.writeAtomically(registry + "/fe/index.json.sig", oldSig)
    let r = try w.fe("blobs", "install", "fe@1", "--registry", registry, env: env)
    expectFeError(r, code: 65, mentions: [registry, "fe", "serial 1", "serial 2", "registry-serials.json"])
    #expect(w.store.blobs == ["fe/2.1.0"])
    // Without trusted keys nothing is verified, so neither is the serial (anyone could forge it).
    #expect(try w.fe("blobs", "install", "fe@1", "--registry", registry).exited(0))
  }

  @Test func anExpiredSignedIndexIsRefused() throws {
    let w = try World("rb-expired")
    defer { w.remove() }
    let registry = w.dir.path + "/registry"
    let k = try key(w)
    let publicKey = try publish(w, Repo.fe2, registry, key: k)
    let text = try #require(try FileSystem.readString(registry + "/fe/index.json"))
    let expires = try #require(try index(registry)["expires"] as? String)
    try resign(registry, text.replacingOccurrences(of: expires, with: "2026-01-01T00:00:00Z"), key: k)
    let r = try w.fe("blobs", "install", "fe@^2", "--registry", registry, env: ["FE_TRUSTED_KEYS": publicKey])
    expectFeError(r, code: 65, mentions: [registry, "fe", "expired", "2026-01-01T00:00:00Z", "--expires"])
    #expect(w.store.blobs.isEmpty)
  }

  /// Registries published before serials existed keep working; once fe has seen a serial for a
  /// registry and tool, an index without one counts as serial 0 and is refused.
  @Test func anIndexWithoutASerialIsAcceptedUntilOneHasBeenSeen() throws {
    let w = try World("rb-legacy")
    defer { w.remove() }
    let registry = w.dir.path + "/registry"
    let k = try key(w)
    let publicKey = try publish(w, Repo.fe2, registry, key: k)
    let text = try #require(try FileSystem.readString(registry + "/fe/index.json"))
    let legacy = text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.contains("\"serial\"") && !$0.contains("\"expires\"") }.joined(separator: "\n")
    #expect(!legacy.contains("serial") && !legacy.contains("expires"))
    try resign(registry, legacy, key: k)
    let env = ["FE_TRUSTED_KEYS": publicKey]
    #expect(try w.fe("blobs", "install", "fe@^2", "--registry", registry, env: env).exited(0))

    try resign(registry, text, key: k)  // serial 1 seen
    #expect(try w.fe("blobs", "install", "fe@^2", "--registry", registry, env: env).exited(0))
    try resign(registry, legacy, key: k)
    expectFeError(try w.fe("blobs", "install", "fe@^2", "--registry", registry, env: env), code: 65, mentions: ["serial 1"])
  }

  /// A store where the serials cannot be recorded still installs, and says so once.
  @Test func anUnwritableSerialRecordDoesNotFailTheInstall() throws {
    let w = try World("rb-unwritable")
    defer { w.remove() }
    let registry = w.dir.path + "/registry"
    let publicKey = try publish(w, Repo.fe2, registry, key: try key(w))
    try FileSystem.createDirectory(w.home + "/registry-serials.json")  // a directory: cannot be replaced by a file
    let r = try w.fe("blobs", "install", "fe@^2", "--registry", registry, env: ["FE_TRUSTED_KEYS": publicKey])
    #expect(r.exited(0), "\(r)")
    #expect(r.err.split(separator: "\n").filter { $0.contains("registry-serials.json") }.count == 1, "\(r)")
    #expect(w.store.isIntact("fe", "2.1.0"))
  }
}
