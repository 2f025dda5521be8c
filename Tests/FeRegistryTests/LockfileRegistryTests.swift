// fe.lock against a real registry served by nginx: the CI acceptance (an empty FE_HOME,
// CI=true, `fe blobs install` then `fe b`, through .ci/frozen-install.sh) and installing the
// pinned version on launch, with stdin closed.
import FeBasics
import Foundation
import Testing

@Suite struct LockfileRegistryTests {
  /// `sh -c script` with `env`, so a test controls stdin the way CI does.
  func sh(_ script: String, cwd: String, env: [String: String]) throws -> ProcResult {
    try Proc.run("/bin/sh", ["-c", script], cwd: cwd, env: env)
  }

  /// The "done when": a CI script from an empty FE_HOME with CI=true installs what fe.lock
  /// pins from nginx and runs `fe b`; with fe.lock edited to a wrong hash it fails with 65,
  /// downloads nothing and leaves fe.lock as it was.
  @Test func ciScriptInstallsTheLockFromNginxAndRunsTheBuild() throws {
    let w = try World("lock-ci")
    defer { w.remove() }
    let nginx = try Nginx(root: try SharedRegistry.path())
    defer { nginx.stop() }
    try w.config("export default { fe: \"^2\", registry: \"\(nginx.url)\" };\n")
    try FileSystem.writeAtomically(w.project + "/index.html", Array("<h1>hi</h1>\n".utf8))

    // A developer writes fe.lock once (not frozen) and commits it.
    let dev = try w.fe("blobs", "install")
    #expect(dev.exited(0) && dev.out.contains("installed fe@2.1.0 from \(nginx.url)") && dev.out.contains("wrote "), "\(dev)")
    let lockText = try #require(try FileSystem.readString(w.project + "/fe.lock"))
    #expect(lockText.contains("\"registry\": \"\(nginx.url)\""), "\(lockText)")
    #expect(lockText.contains("\"version\": \"2.1.0\""), "\(lockText)")

    // CI: an empty store, CI=true, the script.
    let script = Repo.root + "/.ci/frozen-install.sh"
    let ciHome = w.dir.path + "/ci-home"
    let ci = try Proc.run(script, [w.project], env: ["FE": Repo.fe, "FE_HOME": ciHome, "CI": "true"])
    #expect(ci.exited(0), "\(ci)")
    #expect(ci.out.contains("installed fe@2.1.0 from \(nginx.url)"), "\(ci)")
    #expect(ci.out.contains("✓ 3 files"), "`fe b` ran: \(ci)")
    #expect(!ci.out.contains("wrote "), "a frozen install never writes fe.lock: \(ci)")
    #expect(try FileSystem.readString(w.project + "/fe.lock") == lockText)
    #expect(StoreState(home: ciHome).isIntact("fe", "2.1.0"))

    // fe.lock edited to a wrong hash: the documented integrity code, nothing downloaded.
    let wrong = lockText.replacingOccurrences(
      of: try #require(lockText.components(separatedBy: "\"sha256\": \"").dropFirst().first?.prefix(64).description),
      with: String(repeating: "f", count: 64))
    try FileSystem.writeAtomically(w.project + "/fe.lock", Array(wrong.utf8))
    let tamperedHome = w.dir.path + "/ci-home-2"
    let downloads = { nginx.accessLog.filter { $0.contains(".zst") }.count }
    let downloadsBefore = downloads()
    let bad = try Proc.run(script, [w.project], env: ["FE": Repo.fe, "FE_HOME": tamperedHome, "CI": "true"])
    expectFeError(bad, code: 65, mentions: ["fe@2.1.0", "sha256 ffffffffffff", nginx.url, "fe blobs install --update fe"])
    #expect(StoreState(home: tamperedHome).blobs.isEmpty)
    #expect(downloads() == downloadsBefore, "\(nginx.accessLog)")
    #expect(try FileSystem.readString(w.project + "/fe.lock") == wrong)
  }

  /// `fe d` with the pinned version missing installs it from the configured registry first,
  /// saying so in one stderr line, with stdin closed and CI set: nothing waits for input.
  @Test func launchInstallsAMissingPinFirstWithStdinClosed() throws {
    let w = try World("lock-auto")
    defer { w.remove() }
    let nginx = try Nginx(root: try SharedRegistry.path())
    defer { nginx.stop() }
    try w.config("export default { fe: \"^2\", registry: \"\(nginx.url)\" };\n")
    let env = ["FE_HOME": w.home, "FE": Repo.fe, "CI": "true"]
    let r = try sh("exec \"$FE\" d --dry-run <&-", cwd: w.project, env: env)
    #expect(r.exited(0) && r.out.contains("FE v2.1.0"), "\(r)")
    #expect(
      r.err.split(separator: "\n") == [
        "fe: fe@^2 is pinned in \(w.project)/fe.config.js but not installed; installing it from \(nginx.url)"
      ], "\(r)")
    // Installed now: the next launch is silent.
    let again = try sh("exec \"$FE\" d --dry-run <&-", cwd: w.project, env: env)
    #expect(again.exited(0) && again.err.isEmpty, "\(again)")
  }

  @Test func launchInstallsTheLockedVersionAndHonoursFeAutoInstall() throws {
    let w = try World("lock-auto-locked")
    defer { w.remove() }
    let nginx = try Nginx(root: try SharedRegistry.path())
    defer { nginx.stop() }
    try w.config("export default { fe: \">=1\", registry: \"\(nginx.url)\" };\n")
    #expect(try w.fe("blobs", "install", "fe@1.4.2").exited(0))
    // Lock 1.4.2, as a teammate's fe.lock would, then start from an empty store.
    let sha = try #require(try StoreStateManifest.sourceSha(home: w.home, "fe", "1.4.2"))
    let lock = """
      {
        "lockfileVersion": 1,
        "tools": {
          "fe": {
            "range": ">=1",
            "registry": "\(nginx.url)",
            "sha256": "\(sha)",
            "version": "1.4.2"
          }
        }
      }

      """
    try FileSystem.writeAtomically(w.project + "/fe.lock", Array(lock.utf8))
    let fresh = w.dir.path + "/fresh"

    let off = try FeRegistryTests.fe(["d", "--dry-run"], home: fresh, cwd: w.project, env: ["FE_AUTO_INSTALL": "0"])
    expectFeError(off, code: 66, mentions: ["fe@1.4.2, locked in", "fe blobs install", "FE_AUTO_INSTALL=0"])
    #expect(StoreState(home: fresh).blobs.isEmpty)

    let r = try sh("exec \"$FE\" d --dry-run <&-", cwd: w.project, env: ["FE_HOME": fresh, "FE": Repo.fe])
    #expect(r.exited(0) && r.out.contains("fe 1.4.2"), "\(r)")
    #expect(
      r.err.split(separator: "\n") == ["fe: fe@1.4.2 is locked in \(w.project)/fe.lock but not installed; installing it from \(nginx.url)"],
      "\(r)")
    #expect(StoreState(home: fresh).blobs == ["fe/1.4.2"])
    // The launch recorded the lock for prune.
    let seen = try #require(try FileSystem.readString(fresh + "/seen-locks.json"))
    #expect(seen.contains("\(w.project)/fe.lock"), "\(seen)")
  }
}

/// Reads an installed blob's manifest fields.
enum StoreStateManifest {
  static func sourceSha(home: String, _ tool: String, _ version: String) throws -> String? {
    let data = try Data(contentsOf: URL(fileURLWithPath: "\(home)/blobs/\(tool)/\(version)/manifest.json"))
    return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["sourceSha256"] as? String
  }
}
