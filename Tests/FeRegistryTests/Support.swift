// Helpers for the registry tests: temp dirs, subprocesses (the built `fe`, openssl, python),
// and checks that a store holds exactly what it should.
import FeBasics
import FeStore
@_exported import FeTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

typealias TestFailure = FixtureError

enum Repo {
  static var root: String { Fe.repo }
  static var fixtures: String { root + "/Tests/FeRegistryTests/Fixtures" }
  static var fe1: String { root + "/blobs/fe/1" }
  static var fe2: String { root + "/blobs/fe/2" }
  static var fe: String { Fe.binary }
}

/// `fe args…` with a private FE_HOME.
func fe(_ args: [String], home: String, cwd: String? = nil, env: [String: String] = [:], timeLimit: Double = 120) throws -> ProcResult {
  try Proc.run(Repo.fe, args, cwd: cwd ?? Path.dirname(home), env: ["FE_HOME": home].merging(env) { _, n in n }, timeLimit: timeLimit)
}

/// A registry with fe 1.4.2 (source only) and fe 2.1.0 (with a prebuilt snapshot for this
/// engine), published once per test process by the built `fe`; tests that change a registry copy it.
enum SharedRegistry {
  /// Kept for the whole test process; removed at its exit.
  nonisolated(unsafe) private static var root: TempDir?
  private static let built: Result<String, TestFailure> = {
    do {
      let dir = TempDir("shared-registry")
      root = dir
      atexit { SharedRegistry.root?.remove() }
      let registry = dir.path + "/registry"
      let home = dir.path + "/home"
      for (source, extra) in [(Repo.fe1, [String]()), (Repo.fe2, ["--with-snapshot"])] {
        let r = try fe(["blobs", "publish", source, "--to", registry] + extra, home: home)
        guard r.exited(0) else { return .failure(TestFailure("publishing \(source) failed: \(r)")) }
      }
      return .success(registry)
    } catch {
      return .failure(TestFailure("building the shared registry: \(error)"))
    }
  }()

  static func path() throws -> String { try built.get() }

  /// A private copy of the shared registry under `dir`.
  static func copy(into dir: String) throws -> String {
    let dest = dir + "/registry"
    let r = try Proc.run("/bin/cp", ["-a", try path(), dest])
    guard r.exited(0) else { throw TestFailure("cp failed: \(r)") }
    return dest
  }
}

/// Facts about a store, for "the store is unchanged" and "one intact blob" checks.
struct StoreState {
  let home: String

  /// Installed `tool/version` directories.
  var blobs: [String] {
    let blobsDir = home + "/blobs"
    return FileSystem.listDirectory(blobsDir).flatMap { tool in
      FileSystem.listDirectory(blobsDir + "/" + tool).map { "\(tool)/\($0)" }
    }
  }

  /// Entries left in tmp/ (staging leftovers).
  var staging: [String] { FileSystem.listDirectory(home + "/tmp") }

  /// Whether `tool@version` is installed completely: manifest valid, files match its hashes,
  /// snapshot header and payload hash valid.
  func isIntact(_ tool: String, _ version: String) -> Bool {
    let store = BlobStore(layout: StoreLayout(home: home))
    guard let manifest = try? store.manifest(tool: tool, version: version),
      let source = try? FileSystem.read(store.layout.sourcePath(tool, version)),
      let snapshot = try? FileSystem.read(store.layout.snapshotPath(tool, version)),
      SHA256.hex(source) == manifest.sourceSha256, SHA256.hex(snapshot) == manifest.snapshotSha256,
      (try? MappedBlob(path: store.layout.snapshotPath(tool, version), expectedEngineId: manifest.engineId, verification: .full)) != nil
    else { return false }
    return true
  }
}

/// Waits until `condition` holds, checking every 10 ms, for at most `limit` seconds.
func waitUntil(_ limit: Double = 20, _ condition: () -> Bool) -> Bool {
  let deadline = Date().addingTimeInterval(limit)
  while Date() < deadline {
    if condition() { return true }
    usleep(10_000)
  }
  return condition()
}
