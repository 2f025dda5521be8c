// Helpers for the registry tests: temp dirs, subprocesses (the built `fe`, openssl, python),
// and checks that a store holds exactly what it should.
import FeBasics
import FeStore
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What one subprocess did.
struct ProcResult: CustomStringConvertible {
  var code: Int32
  var signaled: Bool
  var out: String
  var err: String
  var timedOut: Bool

  func exited(_ expected: Int32) -> Bool { !signaled && !timedOut && code == expected }

  var description: String {
    "exit \(signaled ? "signal " : "")\(code)\(timedOut ? " (timed out)" : "")\n--- stdout\n\(out)--- stderr\n\(err)---"
  }
}

enum Proc {
  /// Runs `executable args…` with exactly `env` (plus PATH and LANG) and captures its output in files.
  static func run(
    _ executable: String, _ args: [String], cwd: String = "/", env: [String: String] = [:], timeLimit: Double = 120
  ) throws -> ProcResult {
    let running = try start(executable, args, cwd: cwd, env: env)
    return running.wait(timeLimit: timeLimit)
  }

  /// Starts a process without waiting (for kill -9 and parallel tests).
  static func start(_ executable: String, _ args: [String], cwd: String = "/", env: [String: String] = [:]) throws -> Running {
    let io = try TempDir("io")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = args
    process.currentDirectoryURL = URL(fileURLWithPath: cwd)
    var environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1", "HOME": io.path]
    environment.merge(env) { _, new in new }
    process.environment = environment
    FileManager.default.createFile(atPath: io.path + "/out", contents: nil)
    FileManager.default.createFile(atPath: io.path + "/err", contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: io.path + "/out"))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: io.path + "/err"))
    process.standardInput = FileHandle.nullDevice
    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    try process.run()
    return Running(process: process, io: io, done: done)
  }

  final class Running: @unchecked Sendable {
    let process: Process
    let io: TempDir
    let done: DispatchSemaphore
    private var finished = false

    init(process: Process, io: TempDir, done: DispatchSemaphore) {
      self.process = process
      self.io = io
      self.done = done
    }

    var pid: pid_t { process.processIdentifier }

    func kill9() { kill(process.processIdentifier, SIGKILL) }

    func wait(timeLimit: Double = 120) -> ProcResult {
      var timedOut = false
      if !finished {
        if done.wait(timeout: .now() + timeLimit) == .timedOut {
          timedOut = true
          kill(process.processIdentifier, SIGKILL)
          done.wait()
        }
        finished = true
      }
      let out = (try? String(contentsOfFile: io.path + "/out", encoding: .utf8)) ?? ""
      let err = (try? String(contentsOfFile: io.path + "/err", encoding: .utf8)) ?? ""
      defer { io.remove() }
      return ProcResult(
        code: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal, out: out, err: err,
        timedOut: timedOut)
    }
  }
}

/// A directory from mkdtemp, named after what uses it.
struct TempDir: Sendable {
  let path: String

  init(_ name: String) throws {
    let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }.prefix(40))
    var template = Array("/tmp/fe-reg-\(safe)-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw TestFailure("mkdtemp failed: errno \(errno)") }
    path = String(cString: made)
  }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

struct TestFailure: Error, CustomStringConvertible {
  let description: String
  init(_ d: String) { description = d }
}

enum Repo {
  /// The repository root (Tests/FeRegistryTests/Support.swift → ../../).
  static let root: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
  static var fixtures: String { root + "/Tests/FeRegistryTests/Fixtures" }
  static var fe1: String { root + "/blobs/fe/1" }
  static var fe2: String { root + "/blobs/fe/2" }

  /// The built `fe`, beside the test runner in the scratch path's products directory.
  static let fe: String = {
    var dirs: [String] = []
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      dirs.append(URL(fileURLWithPath: exe).deletingLastPathComponent().path)
    }
    if let arg0 = CommandLine.arguments.first {
      dirs.append(URL(fileURLWithPath: arg0).standardizedFileURL.deletingLastPathComponent().path)
    }
    for dir in dirs where FileManager.default.isExecutableFile(atPath: dir + "/fe") { return dir + "/fe" }
    return (dirs.first ?? ".") + "/fe"
  }()
}

/// `fe args…` with a private FE_HOME.
func fe(_ args: [String], home: String, cwd: String? = nil, env: [String: String] = [:], timeLimit: Double = 120) throws -> ProcResult {
  try Proc.run(Repo.fe, args, cwd: cwd ?? Path.dirname(home), env: ["FE_HOME": home].merging(env) { _, n in n }, timeLimit: timeLimit)
}

/// A registry with fe 1.4.2 (source only) and fe 2.1.0 (with a prebuilt snapshot for this
/// engine), published once per test process by the built `fe`; tests that change a registry copy it.
enum SharedRegistry {
  nonisolated(unsafe) private static var root: String?
  private static let built: Result<String, TestFailure> = {
    do {
      let dir = try TempDir("shared-registry")
      root = dir.path
      atexit { if let root = SharedRegistry.root { try? FileManager.default.removeItem(atPath: root) } }
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

/// The shape of every fe failure: exit `code`, one `fe: error:` line, mentioning `needles`.
func expectFeError(_ r: ProcResult, code: Int32, mentions needles: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(r.exited(code), "expected exit \(code): \(r)", sourceLocation: sourceLocation)
  #expect(r.err.hasPrefix("fe: error: "), "stderr should start with `fe: error:`: \(r)", sourceLocation: sourceLocation)
  let errorLines = r.err.split(separator: "\n").filter { $0.contains("error:") }
  #expect(errorLines.count == 1, "exactly one error line expected: \(r)", sourceLocation: sourceLocation)
  for needle in needles {
    #expect(r.err.contains(needle), "stderr should mention \"\(needle)\": \(r)", sourceLocation: sourceLocation)
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
