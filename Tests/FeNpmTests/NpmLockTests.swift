import FeBasics
import FeTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// fe.lock records an npm tool's whole tree; a frozen install puts back exactly that tree, from
/// the tarball cache when it can, and refuses a registry that now serves other bytes.
@Suite(.serialized) struct NpmLockTests {
  /// A copy of the test registry (so a test may tamper with it) served by nginx, a project that
  /// pins terser (11 packages), and an empty FE_HOME.
  struct World {
    let dir = TempDir("npm-lock")
    let registry: String
    let server: NpmServer
    var home: String { dir.path + "/home" }
    var project: String { dir.path + "/project" }
    var lockPath: String { project + "/fe.lock" }
    var tarballs: String { home + "/cache/npm/tarballs/sha512" }

    init() throws {
      registry = dir.path + "/registry"
      let copy = try Proc.run("/bin/cp", ["-a", try NpmTestRegistry.built(), registry], timeLimit: 60)
      guard copy.exited(0) else { throw FixtureError("cp: \(copy)") }
      server = try NpmServer(root: registry)
      try dir.write("project/.npmrc", "registry=\(server.url)/\n")
      try dir.write("project/fe.config.js", #"export default { tools: { terser: "npm:terser@^5" } };"#)
      try dir.mkdir("empty-path")
    }

    func fe(_ args: String...) throws -> FeResult {
      try Proc.run(Fe.binary, Array(args), cwd: project, env: ["FE_HOME": home, "PATH": dir.path + "/empty-path"], timeLimit: 300)
    }

    func lock() throws -> String { try FileSystem.readString(lockPath) ?? "" }

    /// Requests for tarballs and packuments so far.
    func registryRequests() -> [String] { server.accessLog.filter { $0.contains(".tgz") || $0.contains(" /") } }
  }

  @Test func theLockRecordsTheTreeAndAFrozenInstallPutsItBackFromTheCache() throws {
    let w = try World()
    let install = try w.fe("blobs", "install")
    #expect(install.exited(0), "\(install)")
    let lock = try w.lock()
    let lines = lock.split(separator: "\n").filter { $0.contains("\"integrity\": \"sha512-") }
    #expect(lines.count == 11, "\(lock)")
    #expect(
      lock.contains(
        "{ \"integrity\": \"sha512-")
        && lock.contains(
          "\"name\": \"commander\", \"path\": \"node_modules/terser/node_modules/commander\", \"registry\": \"\(w.server.url)/\", \"resolved\": \"\(w.server.url)/commander/-/commander-9.4.1.tgz\", \"version\": \"9.4.1\" }"
        ),
      "\(lock)")
    // The store loses the blob; the frozen install puts the locked tree back without asking the
    // registry anything: every tarball is in the cache, and no packument is read.
    #expect(try w.fe("blobs", "remove", "terser@5.16.5").exited(0))
    let before = w.registryRequests().count
    let frozen = try w.fe("blobs", "install", "--frozen")
    #expect(frozen.exited(0), "\(frozen)")
    #expect(w.registryRequests().count == before, "\(w.registryRequests().suffix(5))")
    #expect(try w.lock() == lock)
    try w.dir.write("project/in.js", "function add(first, second) { return first + second; }\nconsole.log(add(1, 2));\n")
    let run = try w.fe("blobs", "exec", "terser", "--", "in.js", "-c", "-m")
    #expect(run.exited(0) && run.out == "function add(d,n){return d+n}console.log(add(1,2));\n", "\(run)")
    #expect(try w.fe("blobs", "verify").exited(0))

    // Installed, but not the tree the lock names: refused, naming the package.
    let edited = lock.replacingOccurrences(of: "\"version\": \"9.4.1\" }", with: "\"version\": \"9.4.2\" }")
    try FileSystem.writeAtomically(w.lockPath, Array(edited.utf8))
    let other = try w.fe("blobs", "install", "--frozen")
    #expect(
      other.exited(65)
        && other.err.contains(
          "terser@5.16.5 is installed with another tree than \(w.lockPath) locks: node_modules/terser/node_modules/commander is commander@9.4.1 installed, commander@9.4.2 locked"
        ), "\(other)")
    // A path that would leave the image is a config error, before anything is fetched.
    try w.fe("blobs", "remove", "terser@5.16.5").exitedOrThrow()
    let escaping = lock.replacingOccurrences(
      of: "\"path\": \"node_modules/terser/node_modules/commander\"", with: "\"path\": \"node_modules/../../commander\"")
    try FileSystem.writeAtomically(w.lockPath, Array(escaping.utf8))
    let bad = try w.fe("blobs", "install", "--frozen")
    #expect(bad.exited(78) && bad.err.contains("tools.terser.packages[") && bad.err.contains("is not node_modules/<name>/…"), "\(bad)")
    // A tree whose top package is not the locked version is refused too.
    let otherRoot = lock.replacingOccurrences(
      of:
        "\"path\": \"node_modules/terser\", \"registry\": \"\(w.server.url)/\", \"resolved\": \"\(w.server.url)/terser/-/terser-5.16.5.tgz\", \"version\": \"5.16.5\"",
      with:
        "\"path\": \"node_modules/terser\", \"registry\": \"\(w.server.url)/\", \"resolved\": \"\(w.server.url)/terser/-/terser-5.16.5.tgz\", \"version\": \"5.16.4\""
    )
    #expect(otherRoot != lock)
    try FileSystem.writeAtomically(w.lockPath, Array(otherRoot.utf8))
    let wrongRoot = try w.fe("blobs", "install", "--frozen")
    #expect(wrongRoot.exited(78) && wrongRoot.err.contains("locks terser@5.16.4 in the tree of terser, not 5.16.5"), "\(wrongRoot)")
    #expect(!FileSystem.isDirectory(w.home + "/blobs/terser/5.16.5"))
  }

  @Test func offlineInstallsFromTheCacheOnlyOrNamesWhatIsMissing() throws {
    let w = try World()
    #expect(try w.fe("blobs", "install").exited(0))
    #expect(try w.fe("blobs", "remove", "terser@5.16.5").exited(0))
    // One tarball gone from the cache: offline, the install names it and installs nothing.
    let commander = try #require(
      FileSystem.listDirectory(w.tarballs).first { name in
        (try? Proc.run(
          "/bin/sh", ["-c", "tar -xzOf '\(w.tarballs)/\(name)' package/package.json | grep -q '\"name\": \"commander\"'"], timeLimit: 30))?
          .exited(0) == true
      })
    unlink(w.tarballs + "/" + commander)
    let before = w.registryRequests().count
    let offline = try w.fe("blobs", "install", "--frozen", "--offline")
    #expect(
      offline.exited(69) && offline.err.contains("fe is offline and the npm tarball cache")
        && offline.err.contains("lacks 1 package(s) of terser")
        && offline.err.hasSuffix(": commander@9.4.1\n  hint: run the install once without --offline (or FE_OFFLINE) to fill the cache\n"),
      "\(offline)")
    #expect(w.registryRequests().count == before)
    #expect(!FileSystem.isDirectory(w.home + "/blobs/terser/5.16.5"))
    // Online it fetches just that one; then offline works from the cache.
    #expect(try w.fe("blobs", "install", "--frozen").exited(0))
    #expect(w.registryRequests().count == before + 1, "\(w.registryRequests().suffix(3))")
    #expect(try w.fe("blobs", "remove", "terser@5.16.5").exited(0))
    let cached = try w.fe("blobs", "install", "--frozen", "--offline")
    #expect(cached.exited(0), "\(cached)")
    #expect(w.registryRequests().count == before + 1)

    // The offline round trip without the npm cache: a pack carries the package image, and the
    // other store builds the snapshot for its own path to the bin.
    let pack = try w.fe("blobs", "pack", "terser", "-o", w.dir.path + "/terser.fepack")
    #expect(pack.exited(0), "\(pack)")
    let packedHome = w.dir.path + "/packed-home"
    let fromPack = try Proc.run(
      Fe.binary, ["blobs", "install", "--from", w.dir.path + "/terser.fepack"], cwd: w.dir.path, env: ["FE_HOME": packedHome],
      timeLimit: 300)
    #expect(
      fromPack.exited(0) && fromPack.out == "installed terser@5.16.5 from \(w.dir.path)/terser.fepack (snapshot built here)\n",
      "\(fromPack)")
    #expect(try w.fe("blobs", "remove", "terser@5.16.5").exited(0), "the first store's image is gone")
    try w.dir.write("in.js", "function add(first, second) { return first + second; }\nconsole.log(add(1, 2));\n")
    let packedRun = try Proc.run(
      Fe.binary, ["blobs", "exec", "terser", "--", "in.js", "-c", "-m"], cwd: w.dir.path,
      env: ["FE_HOME": packedHome, "PATH": w.dir.path + "/empty-path"], timeLimit: 120)
    #expect(packedRun.exited(0) && packedRun.out == "function add(d,n){return d+n}console.log(add(1,2));\n", "\(packedRun)")
    let packedVerify = try Proc.run(Fe.binary, ["blobs", "verify"], cwd: w.dir.path, env: ["FE_HOME": packedHome], timeLimit: 120)
    #expect(packedVerify.exited(0), "\(packedVerify)")
    let other = w.dir.path + "/other-home"
    #expect(try Proc.run("/bin/mkdir", ["-p", other + "/cache"], timeLimit: 10).exited(0))
    #expect(try Proc.run("/bin/cp", ["-a", w.home + "/cache/npm", other + "/cache/"], timeLimit: 60).exited(0))
    let elsewhere = try Proc.run(
      Fe.binary, ["blobs", "install", "--frozen", "--offline"], cwd: w.project,
      env: ["FE_HOME": other, "PATH": w.dir.path + "/empty-path"],
      timeLimit: 300)
    #expect(elsewhere.exited(0), "\(elsewhere)")
    #expect(w.registryRequests().count == before + 1)
    let verify = try Proc.run(Fe.binary, ["blobs", "verify"], cwd: w.project, env: ["FE_HOME": other], timeLimit: 120)
    #expect(verify.exited(0), "\(verify)")
  }

  @Test func aRegistryServingOtherBytesForALockedPackageIsRefused() throws {
    let w = try World()
    #expect(try w.fe("blobs", "install").exited(0))
    let lock = try w.lock()
    // Another machine (empty FE_HOME), and the registry now serves other bytes for commander.
    try FileSystem.removeTree(w.home)
    let served = w.registry + "/commander/-/commander-9.4.1.tgz"
    let tamper = try Proc.run(
      "/bin/sh",
      [
        "-c",
        "cd \(w.dir.path) && mkdir t && tar -xzf '\(served)' -C t && echo '// changed' >> t/package/index.js && tar -czf '\(served)' -C t package",
      ],
      timeLimit: 30)
    #expect(tamper.exited(0), "\(tamper)")
    let frozen = try w.fe("blobs", "install", "--frozen")
    #expect(
      frozen.exited(65)
        && frozen.err.contains(
          "fe: error: the tarball of commander@9.4.1 does not match the integrity \(w.lockPath) locks: expected sha512-")
        && frozen.err.contains("(terser in \(w.lockPath))")
        && frozen.err.contains("the registry now serves other bytes for commander@9.4.1 than when \(w.lockPath) was written"), "\(frozen)")
    #expect(!FileSystem.isDirectory(w.home + "/blobs/terser"), "nothing installed")
    #expect(FileSystem.listDirectory(w.home + "/tmp").isEmpty)
    #expect(try w.lock() == lock, "a frozen install never writes the lock")
  }
}

extension FeResult {
  fileprivate func exitedOrThrow() throws {
    guard exited(0) else { throw FixtureError("\(self)") }
  }
}
