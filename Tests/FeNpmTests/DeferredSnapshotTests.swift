import FeBasics
import FeTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// An npm tool's install ends with its tree in place; its snapshot is built afterwards, in the
/// background (SnapshotJobs), and until then the tool runs from its package image. The test holds
/// the builders' lock to see the state in between deterministically.
@Suite(.serialized) struct DeferredSnapshotTests {
  struct World {
    let server: NpmServer
    let dir = TempDir("npm-deferred")
    var home: String { dir.path + "/home" }
    var project: String { dir.path + "/project" }
    var manifest: String { home + "/blobs/terser/5.16.5/manifest.json" }

    init() throws {
      server = try NpmServer()
      try dir.write("project/.npmrc", "registry=\(server.url)/\n")
      try dir.write("project/in.js", "function add(first, second) { return first + second; }\nconsole.log(add(1, 2));\n")
      try dir.mkdir("empty-path")
      try dir.mkdir("home/cache")
    }

    func fe(_ args: String...) throws -> FeResult {
      try Proc.run(
        Fe.binary, Array(args), cwd: project, env: ["FE_HOME": home, "PATH": dir.path + "/empty-path", "FE_SNAPSHOT_AT_INSTALL": "0"],
        timeLimit: 300)
    }

    /// Holds the lock a snapshot builder takes, so none starts while it is held.
    func holdBuilderLock() -> Int32 {
      let fd = open(home + "/cache/snapshot-jobs.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
      _ = flock(fd, LOCK_EX)
      return fd
    }

    func snapshotBuilt() throws -> Bool { try FileSystem.readString(manifest)?.contains("\"snapshotSha256\"") == true }
  }

  @Test func theToolRunsFromItsImageUntilItsSnapshotIsBuiltInTheBackground() throws {
    let w = try World()
    let lock = w.holdBuilderLock()
    let install = try w.fe("blobs", "install", "npm:terser@5.16.5")
    #expect(install.exited(0) && install.out.hasPrefix("installed terser@5.16.5 from terser@5.16.5 (11 packages, "), "\(install)")
    #expect(try !w.snapshotBuilt())
    #expect(!FileManager.default.fileExists(atPath: w.home + "/blobs/terser/5.16.5/snapshot.bin"))
    // Not built yet is no damage: verify passes and says what happens.
    let verify = try w.fe("blobs", "verify")
    #expect(verify.exited(0) && verify.out.contains("stale    terser@5.16.5  its snapshot is not built yet"), "\(verify)")
    let list = try w.fe("blobs", "list", "--json")
    #expect(list.exited(0) && list.out.contains("\"engineId\":null"), "\(list)")
    // The tool runs from its image meanwhile, with the same output.
    let early = try w.fe("blobs", "exec", "terser", "--", "in.js", "-c", "-m")
    #expect(early.exited(0) && early.out == "function add(d,n){return d+n}console.log(add(1,2));\n", "\(early)")
    #expect(try !w.snapshotBuilt())
    close(lock)

    // The next launch finds no builder at work and starts one; it finishes on its own.
    #expect(try w.fe("blobs", "exec", "terser", "--", "--version").out == "terser 5.16.5\n")
    let deadline = Date().addingTimeInterval(120)
    while try !w.snapshotBuilt() && Date() < deadline { usleep(100_000) }
    #expect(try w.snapshotBuilt())
    // Done by the builder: wait for it to let go of its lock before the checks.
    close(w.holdBuilderLock())
    let after = try w.fe("blobs", "verify")
    #expect(after.exited(0) && after.out.contains("ok       terser@5.16.5"), "\(after)")
    let late = try w.fe("blobs", "exec", "terser", "--", "in.js", "-c", "-m")
    #expect(late.exited(0) && late.out == early.out, "\(late)")
  }

  @Test func blobsSnapshotBuildsWhatIsMissingNow() throws {
    let w = try World()
    let lock = w.holdBuilderLock()
    #expect(try w.fe("blobs", "install", "npm:terser@5.16.5").exited(0))
    #expect(try !w.snapshotBuilt())
    close(lock)
    let built = try w.fe("blobs", "snapshot")
    #expect(built.exited(0) && built.out == "built the snapshot of terser@5.16.5\n", "\(built)")
    #expect(try w.snapshotBuilt())
    let again = try w.fe("blobs", "snapshot", "terser")
    #expect(again.exited(0) && again.out == "every snapshot is built\n", "\(again)")
    let unknown = try w.fe("blobs", "snapshot", "tsc")
    #expect(unknown.exited(66) && unknown.err.contains("tsc is not installed"), "\(unknown)")
    #expect(try w.fe("blobs", "verify").exited(0))
    #expect(try w.fe("blobs", "exec", "terser", "--", "--version").out == "terser 5.16.5\n")
  }

  /// A pack of a blob whose snapshot is not built carries none; the other store builds its own.
  @Test func aPackWithoutTheSnapshotInstallsElsewhere() throws {
    let w = try World()
    let lock = w.holdBuilderLock()
    #expect(try w.fe("blobs", "install", "npm:terser@5.16.5").exited(0))
    let pack = try w.fe("blobs", "pack", "terser", "-o", w.dir.path + "/terser.fepack")
    #expect(pack.exited(0), "\(pack)")
    close(lock)
    let other = try Proc.run(
      Fe.binary, ["blobs", "install", "--from", w.dir.path + "/terser.fepack"], cwd: w.project,
      env: ["FE_HOME": w.dir.path + "/other", "PATH": w.dir.path + "/empty-path"], timeLimit: 300)
    #expect(other.exited(0), "\(other)")
    let r = try Proc.run(
      Fe.binary, ["blobs", "exec", "terser", "--", "--version"], cwd: w.project,
      env: ["FE_HOME": w.dir.path + "/other", "PATH": w.dir.path + "/empty-path"], timeLimit: 300)
    #expect(r.exited(0) && r.out == "terser 5.16.5\n", "\(r)")
  }
}
