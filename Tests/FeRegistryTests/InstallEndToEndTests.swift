// `fe blobs install <tool>@<range>` and `fe blobs install` end to end: the built fe, a registry
// published by fe itself, served by nginx.
import FeBasics
import Foundation
import Testing

/// One test's world: a temp dir with a project, a fresh FE_HOME, and helpers.
struct World {
  let dir: TempDir
  var home: String { dir.path + "/home" }
  var project: String { dir.path + "/project" }

  init(_ name: String) throws {
    dir = TempDir(name)
    try FileSystem.createDirectory(project)
  }

  @discardableResult
  func config(_ text: String) throws -> String {
    let path = project + "/fe.config.js"
    try FileSystem.writeAtomically(path, Array(text.utf8))
    return path
  }

  func fe(_ args: String..., env: [String: String] = [:]) throws -> ProcResult {
    try FeRegistryTests.fe(args, home: home, cwd: project, env: env)
  }

  var store: StoreState { StoreState(home: home) }

  func remove() { dir.remove() }
}

@Suite struct InstallEndToEndTests {
  /// The "done when": publish 1.4.2 and 2.1.0, serve them with nginx, install fe@^2 into
  /// a fresh FE_HOME, run `fe d`.
  @Test func installsTheHighestMatchFromNginxAndRunsIt() throws {
    let w = try World("e2e-done")
    defer { w.remove() }
    let nginx = try Nginx(root: try SharedRegistry.path())
    defer { nginx.stop() }
    let r = try w.fe("blobs", "install", "fe@^2", "--registry", nginx.url)
    #expect(r.exited(0), "\(r)")
    #expect(r.out == "installed fe@2.1.0 from \(nginx.url)\n", "\(r)")
    #expect(w.store.blobs == ["fe/2.1.0"] && w.store.isIntact("fe", "2.1.0") && w.store.staging.isEmpty)
    try w.config("export default { fe: \"^2\" };\n")
    let d = try w.fe("d", "--dry-run")
    #expect(d.exited(0) && d.out.contains("FE v2.1.0"), "\(d)")
    // The prebuilt snapshot was used: no `.blob.zst` built here, and it was downloaded.
    #expect(nginx.accessLog.contains { $0.contains(".blob.zst") && $0.contains(" 200 ") }, "\(nginx.accessLog)")
  }

  @Test func buildsTheSnapshotWhenTheRegistryHasNoneForThisEngine() throws {
    let w = try World("e2e-build")
    defer { w.remove() }
    let nginx = try Nginx(root: try SharedRegistry.path())
    defer { nginx.stop() }
    let r = try w.fe("blobs", "install", "fe@~1.4", "--registry", nginx.url)
    #expect(r.exited(0) && r.out.contains("installed fe@1.4.2") && r.out.contains("snapshot built here"), "\(r)")
    #expect(w.store.isIntact("fe", "1.4.2"))
    try w.config("export default { fe: \"1.x\" };\n")
    let d = try w.fe("d", "--dry-run")
    #expect(d.exited(0) && d.out.contains("1.4.2"), "\(d)")
  }

  @Test func anInstalledVersionIsNotDownloadedAgain() throws {
    let w = try World("e2e-again")
    defer { w.remove() }
    let nginx = try Nginx(root: try SharedRegistry.path())
    defer { nginx.stop() }
    #expect(try w.fe("blobs", "install", "fe@2.1.0", "--registry", nginx.url).exited(0))
    let before = nginx.accessLog.count
    let again = try w.fe("blobs", "install", "fe@^2", "--registry", nginx.url)
    #expect(again.exited(0) && again.out == "fe@2.1.0 is already installed\n", "\(again)")
    let requests = nginx.accessLog.dropFirst(before)
    #expect(requests.count == 1 && requests.allSatisfy { $0.contains("/fe/index.json") }, "\(requests)")
  }

  @Test func latestAndNoRangeMeanTheHighestRelease() throws {
    let w = try World("e2e-latest")
    defer { w.remove() }
    let nginx = try Nginx(root: try SharedRegistry.path())
    defer { nginx.stop() }
    let r = try w.fe("blobs", "install", "fe", "--registry", nginx.url, "--json")
    #expect(r.exited(0), "\(r)")
    let entry = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    #expect(entry["version"] as? String == "2.1.0" && entry["tool"] as? String == "fe")
  }

  @Test func installsEverythingTheProjectPinsFromTheConfigsRegistry() throws {
    let w = try World("e2e-pinned")
    defer { w.remove() }
    let nginx = try Nginx(root: try SharedRegistry.path())
    defer { nginx.stop() }
    try w.config("export default { fe: \"^1.4\", registry: \"\(nginx.url)\" };\n")
    let r = try w.fe("blobs", "install")
    #expect(r.exited(0) && r.out.contains("installed fe@1.4.2"), "\(r)")
    let again = try w.fe("blobs", "install")
    #expect(again.exited(0) && again.out == "fe@1.4.2 satisfies ^1.4 (locked)\n", "\(again)")
    let d = try w.fe("d", "--dry-run")
    #expect(d.exited(0) && d.out.contains("1.4.2"), "\(d)")
  }

  @Test func installsEveryPinnedToolAndRunsThem() throws {
    let w = try World("e2e-tools")
    defer { w.remove() }
    let registry = try SharedRegistry.copy(into: w.dir.path)
    let greet = w.dir.path + "/greet.js"
    try FileSystem.writeAtomically(greet, Array("fe.main(async (args) => { console.log('hello ' + args.join(' ')); return 3; });\n".utf8))
    for version in ["1.0.0", "1.2.0", "2.0.0"] {
      #expect(try w.fe("blobs", "publish", greet, "--name", "greet", "--version", version, "--to", registry).exited(0))
    }
    let nginx = try Nginx(root: registry)
    defer { nginx.stop() }
    try w.config("export default { fe: \"^2\", tools: { greet: \"^1\" }, registry: \"\(nginx.url)\" };\n")
    let r = try w.fe("blobs", "install")
    #expect(r.exited(0) && r.out.contains("installed fe@2.1.0") && r.out.contains("installed greet@1.2.0"), "\(r)")
    #expect(w.store.blobs == ["fe/2.1.0", "greet/1.2.0"])
    let run = try w.fe("blobs", "exec", "greet", "--", "there")
    #expect(run.exited(3) && run.out == "hello there\n", "\(run)")
  }

  @Test func theFlagBeatsTheEnvironmentWhichBeatsTheConfig() throws {
    let w = try World("e2e-precedence")
    defer { w.remove() }
    let nginx = try Nginx(root: try SharedRegistry.path())
    defer { nginx.stop() }
    let dead = "http://127.0.0.1:\(try freePort())"
    let fast = ["FE_HTTP_RETRIES": "0"]
    try w.config("export default { fe: \"^2\", registry: \"\(dead)\" };\n")
    expectFeError(try w.fe("blobs", "install", env: fast), code: 69, mentions: [dead])
    #expect(try w.fe("blobs", "install", env: fast.merging(["FE_REGISTRY": nginx.url]) { _, n in n }).exited(0))
    try w.config("export default { fe: \"^2\" };\n")
    let r = try w.fe("blobs", "install", "fe@1", "--registry", nginx.url, env: ["FE_REGISTRY": dead, "FE_HTTP_RETRIES": "0"])
    #expect(r.exited(0), "\(r)")
  }

  @Test func aRegistryMayBeADirectoryOrAFileURL() throws {
    let w = try World("e2e-dir")
    defer { w.remove() }
    let registry = try SharedRegistry.path()
    #expect(try w.fe("blobs", "install", "fe@2", "--registry", registry).exited(0))
    #expect(try w.fe("blobs", "install", "fe@1", "--registry", "file://" + registry).exited(0))
    #expect(w.store.blobs == ["fe/1.4.2", "fe/2.1.0"])
    // A relative `registry` in the config is relative to the config's directory.
    let copy = try SharedRegistry.copy(into: w.project)
    #expect(FileSystem.isDirectory(copy))
    try w.config("export default { fe: \"^2\", registry: \"./registry\" };\n")
    let r = try FeRegistryTests.fe(["blobs", "install"], home: w.dir.path + "/home2", cwd: w.project)
    #expect(r.exited(0) && r.out.contains("installed fe@2.1.0 from \(copy)"), "\(r)")
  }

  @Test func anUnknownToolOrVersionIs66() throws {
    let w = try World("e2e-66")
    defer { w.remove() }
    let nginx = try Nginx(root: try SharedRegistry.path())
    defer { nginx.stop() }
    expectFeError(try w.fe("blobs", "install", "tsc@5", "--registry", nginx.url), code: 66, mentions: ["no tool named tsc"])
    expectFeError(try w.fe("blobs", "install", "fe@^3", "--registry", nginx.url), code: 66, mentions: ["^3", "1.4.2, 2.1.0"])
    expectFeError(try w.fe("blobs", "install", "fe@beta", "--registry", nginx.url), code: 66, mentions: ["beta"])
    expectFeError(try w.fe("blobs", "install", "../etc@1", "--registry", nginx.url), code: 64, mentions: ["`/`"])
    #expect(w.store.blobs.isEmpty)
  }

  @Test func offlineUsesOnlyWhatIsInstalled() throws {
    let w = try World("e2e-offline")
    defer { w.remove() }
    let nginx = try Nginx(root: try SharedRegistry.path())
    defer { nginx.stop() }
    let missing = try w.fe("blobs", "install", "fe@^2", "--registry", nginx.url, "--offline")
    expectFeError(missing, code: 66, mentions: ["offline", "^2"])
    #expect(nginx.accessLog.isEmpty, "offline touches no network")
    #expect(try w.fe("blobs", "install", "fe@^2", "--registry", nginx.url).exited(0))
    let count = nginx.accessLog.count
    let r = try w.fe("blobs", "install", "fe@^2", "--registry", nginx.url, env: ["FE_OFFLINE": "1"])
    #expect(r.exited(0) && r.out.contains("2.1.0"), "\(r)")
    #expect(nginx.accessLog.count == count)
  }

  @Test func withoutARegistryInstalledVersionsStillSatisfy() throws {
    let w = try World("e2e-noregistry")
    defer { w.remove() }
    let none = try w.fe("blobs", "install", "fe@^2")
    expectFeError(none, code: 66, mentions: ["no registry is configured"])
    #expect(none.err.contains("FE_REGISTRY"))
  }

  @Test func overHTTPSWithTheTestCA() throws {
    let w = try World("e2e-https")
    defer { w.remove() }
    let ca = try TestCA(in: w.dir.path + "/ca")
    let nginx = try Nginx(root: try SharedRegistry.path(), ca: ca)
    defer { nginx.stop() }
    let untrusted = try w.fe("blobs", "install", "fe@^2", "--registry", nginx.tlsURL)
    expectFeError(untrusted, code: 69, mentions: ["FE_CA_FILE"])
    #expect(w.store.blobs.isEmpty)
    let r = try w.fe("blobs", "install", "fe@^2", "--registry", nginx.tlsURL, env: ["NODE_EXTRA_CA_CERTS": ca.caCert])
    #expect(r.exited(0), "\(r)")
    let r1 = try w.fe("blobs", "install", "fe@1", "--registry", nginx.tlsURL, env: ["FE_CA_FILE": ca.caCert])
    #expect(r1.exited(0), "\(r1)")
    #expect(w.store.isIntact("fe", "2.1.0") && w.store.isIntact("fe", "1.4.2"))
  }

  @Test func noProgressBarWhenNotATerminal() throws {
    let w = try World("e2e-quiet")
    defer { w.remove() }
    let nginx = try Nginx(root: try SharedRegistry.path())
    defer { nginx.stop() }
    let r = try w.fe("blobs", "install", "fe@^2", "--registry", nginx.url)
    #expect(r.exited(0) && r.err.isEmpty, "\(r)")
    let q = try w.fe("blobs", "install", "fe@1", "--registry", nginx.url, "--quiet")
    #expect(q.exited(0) && q.out.isEmpty && q.err.isEmpty, "\(q)")
  }
}
