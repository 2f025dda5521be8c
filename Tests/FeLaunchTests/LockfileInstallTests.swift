// fe.lock end to end: `fe blobs install` writes it, later installs and launches honour it,
// `--update` moves it, and frozen installs (--frozen, CI) fail with 78 for a missing or stale
// lock and 65 for a hash that does not match, without touching the lock.
import Foundation
import Testing

@Suite struct LockfileInstallTests {
  /// The lock's `tools` object.
  func lockedTools(_ s: Sandbox) throws -> [String: [String: String]] {
    let text = try String(contentsOfFile: s.project + "/fe.lock", encoding: .utf8)
    let lock = try #require(try parseJSON(text) as? [String: Any])
    #expect(lock["lockfileVersion"] as? Int == 1)
    return try #require(lock["tools"] as? [String: [String: String]], "\(text)")
  }

  func lockBytes(_ s: Sandbox) -> Data? { FileManager.default.contents(atPath: s.project + "/fe.lock") }

  /// The sha256 of the installed source of fe@`version`, from its manifest.
  func sourceSha(_ s: Sandbox, _ version: String) throws -> String {
    let data = try Data(contentsOf: URL(fileURLWithPath: "\(s.feHome)/blobs/fe/\(version)/manifest.json"))
    let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return try #require(manifest["sourceSha256"] as? String)
  }

  /// Rewrites one field of the fe entry in fe.lock.
  func editLock(_ s: Sandbox, _ key: String, _ value: String) throws {
    let path = s.project + "/fe.lock"
    var text = try String(contentsOfFile: path, encoding: .utf8)
    let pattern = try NSRegularExpression(pattern: "\"\(key)\": \"[^\"]*\"")
    text = pattern.stringByReplacingMatches(
      in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "\"\(key)\": \"\(value)\"")
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  @Test func installWritesAStableLockAndRecordsIt() throws {
    let s = try Sandbox("lock-write")
    defer { s.remove() }
    try s.config("export default { fe: \"^2\" };\n")
    let r = try s.fe("blobs", "install")
    #expect(r.exited(0) && r.out.contains("fe@2.1.0 satisfies ^2") && r.out.contains("wrote "), "\(r)")
    let fe = try #require(try lockedTools(s)["fe"])
    #expect(fe["version"] == "2.1.0" && fe["range"] == "^2", "\(fe)")
    #expect(fe["sha256"] == (try sourceSha(s, "2.1.0")))
    #expect(fe["registry"] == "local:" + Fe.blobsFe2, "\(fe)")
    let text = try String(contentsOfFile: s.project + "/fe.lock", encoding: .utf8)
    #expect(text.hasPrefix("{\n  \"lockfileVersion\": 1,\n  \"tools\": {\n    \"fe\": {\n      \"range\": \"^2\",\n"), "\(text)")
    #expect(text.hasSuffix("\n  }\n}\n"))

    // The store remembers the lock (for prune).
    let seen = try #require(try parseJSON(String(contentsOfFile: s.feHome + "/seen-locks.json", encoding: .utf8)) as? [String: Any])
    let locks = try #require(seen["locks"] as? [String: String])
    #expect(locks.keys.contains { $0.hasSuffix("/project/fe.lock") }, "\(seen)")

    // Nothing changed: the lock is not rewritten.
    let again = try s.fe("blobs", "install")
    #expect(again.exited(0) && again.out.contains("fe@2.1.0 satisfies ^2 (locked)") && !again.out.contains("wrote"), "\(again)")
  }

  @Test func installsAndLaunchesHonourTheLockUntilUpdate() throws {
    let s = try Sandbox("lock-honour")
    defer { s.remove() }
    try s.config("export default { fe: \">=1\" };\n")
    #expect(try s.fe("blobs", "install").exited(0))
    #expect(try lockedTools(s)["fe"]?["version"] == "2.1.0")
    // Lock the older version (as a teammate's lock would): installs and launches keep it.
    try editLock(s, "version", "1.4.2")
    try editLock(s, "sha256", try sourceSha(s, "1.4.2"))
    let kept = try s.fe("blobs", "install")
    #expect(kept.exited(0) && kept.out.contains("fe@1.4.2 satisfies >=1 (locked)"), "\(kept)")
    #expect(try lockedTools(s)["fe"]?["version"] == "1.4.2")
    let d1 = try s.fe("d", "--dry-run")
    #expect(d1.exited(0) && d1.out.contains("fe 1.4.2"), "\(d1)")
    let exec = try s.fe("blobs", "exec", "fe", "--", "--version")
    #expect(exec.exited(0) && exec.out.contains("1.4.2"), "\(exec)")
    // `which` and `list` name the version a launch runs.
    let which = try s.fe("blobs", "which")
    #expect(which.exited(0) && which.out.contains("version  1.4.2 (locked in fe.lock)"), "\(which)")
    let list = try #require(try parseJSON(try s.fe("blobs", "list", "--json").out) as? [[String: Any]])
    #expect(list.filter { $0["pinned"] as? Bool == true }.compactMap { $0["version"] as? String } == ["1.4.2"], "\(list)")

    let updated = try s.fe("blobs", "install", "--update", "fe")
    #expect(updated.exited(0) && updated.out.contains("wrote "), "\(updated)")
    #expect(try lockedTools(s)["fe"]?["version"] == "2.1.0")
    let d2 = try s.fe("d", "--dry-run")
    #expect(d2.exited(0) && d2.out.contains("FE v2.1.0"), "\(d2)")

    // A pin the lock no longer satisfies is resolved again by a normal install.
    try s.config("export default { fe: \"~1.4\" };\n")
    let moved = try s.fe("blobs", "install")
    #expect(moved.exited(0), "\(moved)")
    #expect(
      try lockedTools(s)["fe"] == [
        "version": "1.4.2", "range": "~1.4", "sha256": try sourceSha(s, "1.4.2"), "registry": "local:" + Fe.blobsFe1,
      ])
  }

  @Test func updateOfAToolThatIsNotPinnedIsAUsageError() throws {
    let s = try Sandbox("lock-update-unpinned")
    defer { s.remove() }
    try s.config("export default { fe: \"^2\" };\n")
    expectFeError(try s.fe("blobs", "install", "--update", "tsc"), code: 64, mentions: ["tsc", "does not pin"])
    expectFeError(try s.fe("blobs", "install", "--update", "--frozen"), code: 64, mentions: ["--frozen"])
  }

  @Test func frozenWithoutALockFails78() throws {
    let s = try Sandbox("lock-frozen-missing")
    defer { s.remove() }
    try s.config("export default { fe: \"^2\" };\n")
    for env in [["CI": "true"], ["CI": "1"], [:]] {
      let args = env.isEmpty ? ["blobs", "install", "--frozen"] : ["blobs", "install"]
      let r = try s.fe(args: args, env: env)
      expectFeError(r, code: 78, mentions: ["fe.lock does not exist", "frozen", "fe blobs install"])
      #expect(lockBytes(s) == nil)
    }
    // CI=0 / false are not CI: a normal install writes the lock; --no-frozen overrides CI.
    #expect(try s.fe(args: ["blobs", "install"], env: ["CI": "false"]).exited(0))
    try FileManager.default.removeItem(atPath: s.project + "/fe.lock")
    #expect(try s.fe(args: ["blobs", "install", "--no-frozen"], env: ["CI": "true"]).exited(0))
    #expect(lockBytes(s) != nil)
  }

  @Test func frozenWithAStaleLockFails78AndLeavesIt() throws {
    let s = try Sandbox("lock-frozen-stale")
    defer { s.remove() }
    try s.config("export default { fe: \"^2\" };\n")
    #expect(try s.fe("blobs", "install").exited(0))
    let before = lockBytes(s)
    try s.config("export default { fe: \"^1\", tools: { hello: \"1.x\" } };\n")
    let r = try s.fe(args: ["blobs", "install"], env: ["CI": "true"])
    expectFeError(
      r, code: 78,
      mentions: ["stale", "fe is locked at 2.1.0, outside the pinned ^1", "hello is pinned", "fe blobs install --update fe hello"])
    #expect(lockBytes(s) == before)
  }

  @Test func frozenWithAWrongHashFails65AndLeavesTheLock() throws {
    let s = try Sandbox("lock-frozen-hash")
    defer { s.remove() }
    try s.config("export default { fe: \"^2\" };\n")
    #expect(try s.fe("blobs", "install").exited(0))
    try editLock(s, "sha256", String(repeating: "0", count: 64))
    let before = lockBytes(s)
    let r = try s.fe(args: ["blobs", "install"], env: ["CI": "true"])
    expectFeError(r, code: 65, mentions: ["fe@2.1.0", "sha256 000000000000", "fe.lock", "fe blobs install --update fe"])
    #expect(lockBytes(s) == before)
    // A launch refuses it too: the lock names other bytes than the installed ones.
    expectFeError(try s.fe("d", "--dry-run"), code: 65, mentions: ["fe@2.1.0", "fe.lock"])
    // A normal install refuses it as well: it honours the lock, and the lock disagrees.
    expectFeError(try s.fe("blobs", "install"), code: 65, mentions: ["fe@2.1.0"])
  }

  @Test func frozenInstallsExactlyTheLockAndNeverWritesIt() throws {
    let s = try Sandbox("lock-frozen-ok")
    defer { s.remove() }
    try s.config("export default { fe: \">=1\" };\n")
    #expect(try s.fe("blobs", "install").exited(0))
    try editLock(s, "version", "1.4.2")
    try editLock(s, "sha256", try sourceSha(s, "1.4.2"))
    try editLock(s, "range", "^1")  // as written by another config version: still satisfies >=1
    let before = lockBytes(s)
    let r = try s.fe(args: ["blobs", "install", "--json"], env: ["CI": "true"])
    #expect(r.exited(0), "\(r)")
    #expect(lockBytes(s) == before)
    let out = try #require(try parseJSON(r.out) as? [String: Any], "\(r)")
    #expect(out["frozen"] as? Bool == true && out["lockfileWritten"] as? Bool == false)
    let tools = try #require(out["tools"] as? [[String: Any]])
    #expect(tools.count == 1 && tools[0]["version"] as? String == "1.4.2" && tools[0]["locked"] as? Bool == true, "\(tools)")
  }

  /// CI with a warm store: every locked version is installed with its locked hash, so nothing
  /// needs downloading and an unreachable registry is not an error (nothing is asked of it).
  @Test func frozenWithEverythingInstalledNeedsNoRegistry() throws {
    let s = try Sandbox("lock-frozen-offline")
    defer { s.remove() }
    try s.config("export default { fe: \"^2\", registry: \"http://127.0.0.1:1\" };\n")
    #expect(try s.fe(args: ["blobs", "install", "fe@^2", "--offline"]).exited(0))
    #expect(try s.fe(args: ["blobs", "install", "--offline"]).exited(0))
    let before = lockBytes(s)
    let env = ["CI": "true", "FE_HTTP_RETRIES": "0", "FE_HTTP_CONNECT_TIMEOUT": "2"]
    let r = try s.fe(args: ["blobs", "install"], env: env)
    #expect(r.exited(0) && r.out.contains("fe@2.1.0 satisfies ^2 (locked)") && r.err.isEmpty, "\(r)")
    #expect(lockBytes(s) == before)
    // The locked hash is still checked against what is installed.
    try editLock(s, "sha256", String(repeating: "0", count: 64))
    expectFeError(try s.fe(args: ["blobs", "install"], env: env), code: 69, mentions: ["127.0.0.1:1"])
  }

  @Test func aMalformedLockIsAConfigErrorForInstallsAndLaunches() throws {
    let s = try Sandbox("lock-malformed")
    defer { s.remove() }
    try s.config("export default { fe: \"^2\" };\n")
    try s.write("fe.lock", "{ \"lockfileVersion\": 1, \"tools\": { \"fe\": { \"version\": \"2.1.0\" } } }\n")
    expectFeError(try s.fe("blobs", "install"), code: 78, mentions: ["fe.lock is malformed", "tools.fe.range"])
    expectFeError(try s.fe("d", "--dry-run"), code: 78, mentions: ["fe.lock is malformed"])
  }

  @Test func aLockedVersionThatIsMissingNamesTheCommandToRun() throws {
    let s = try Sandbox("lock-missing-version")
    defer { s.remove() }
    try s.config("export default { fe: \"^2\" };\n")
    #expect(try s.fe("blobs", "install").exited(0))
    #expect(try s.fe("blobs", "remove", "fe@2.1.0").exited(0))
    expectFeError(try s.fe("d", "--dry-run"), code: 66, mentions: ["fe@2.1.0, locked in", "run `fe blobs install` with a registry set"])
    expectFeError(
      try s.fe(args: ["d", "--dry-run"], env: ["FE_AUTO_INSTALL": "0", "FE_REGISTRY": s.root.path]), code: 66,
      mentions: ["FE_AUTO_INSTALL=0"])
  }
}
