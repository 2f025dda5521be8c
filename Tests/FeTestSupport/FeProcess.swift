// End-to-end helpers: run the built `fe` binary as a subprocess with a private FE_HOME and
// temp project directories, and capture its stdout, stderr and exit status.
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What one `fe` run did.
struct FeResult: CustomStringConvertible {
  var code: Int32
  /// True when the process ended by a signal (then `code` is the signal number).
  var signaled: Bool
  var out: String
  var err: String
  var timedOut: Bool

  /// Normal exit with `code`, not a signal and not killed by our safety timeout.
  func exited(_ expected: Int32) -> Bool { !signaled && !timedOut && code == expected }

  var description: String {
    "exit \(signaled ? "signal " : "")\(code)\(timedOut ? " (timed out)" : "")\n--- stdout\n\(out)--- stderr\n\(err)---"
  }
}

enum Fe {
  /// The repository root (Tests/FeCLITests/FeProcess.swift → ../../).
  static let repo: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  static var blobsFe1: String { repo + "/blobs/fe/1" }
  static var blobsFe2: String { repo + "/blobs/fe/2" }

  /// The built `fe`, next to the test runner in the scratch path's products directory.
  static let binary: String = {
    var candidates: [String] = []
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().path)
    }
    if let arg0 = CommandLine.arguments.first {
      let abs = URL(fileURLWithPath: arg0).standardizedFileURL
      candidates.append(abs.deletingLastPathComponent().path)
      // An .xctest bundle directory (macOS layout): Contents/MacOS/<runner>.
      candidates.append(abs.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path)
    }
    for dir in candidates {
      let path = dir + "/fe"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return (candidates.first ?? ".") + "/fe"
  }()

  /// The safety net for a hung fe: kill it after this long so the suite reports, not hangs.
  static let timeLimit: Double = 60

  /// A process (not started) running `executable args…` in `cwd` with exactly `env` over defaults
  /// for PATH, LANG and NO_COLOR, and HOME inside FE_HOME so nothing reads the real home.
  static func process(_ executable: String, _ args: [String], cwd: String, env: [String: String]) -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = args
    process.currentDirectoryURL = URL(fileURLWithPath: cwd)
    var environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1"]
    if let home = env["FE_HOME"] { environment["HOME"] = home + "/.home" }
    environment.merge(env) { _, new in new }
    process.environment = environment
    return process
  }

  /// Runs `fe args…` in `cwd` with exactly `env` (plus PATH/HOME/LANG defaults), feeding `stdin`.
  static func run(
    _ args: [String], cwd: String, env: [String: String], stdin: String = "", executable: String? = nil
  ) throws -> FeResult {
    let process = Self.process(executable ?? binary, args, cwd: cwd, env: env)

    // Files, not pipes: no deadlock on large output and no reader threads.
    let io = try TempDir("io")
    defer { io.remove() }
    let outPath = io.path + "/stdout", errPath = io.path + "/stderr", inPath = io.path + "/stdin"
    try Data(stdin.utf8).write(to: URL(fileURLWithPath: inPath))
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    let inHandle = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
    defer {
      try? outHandle.close()
      try? errHandle.close()
      try? inHandle.close()
    }
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = inHandle

    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    try process.run()
    var timedOut = false
    if done.wait(timeout: .now() + timeLimit) == .timedOut {
      timedOut = true
      kill(process.processIdentifier, SIGKILL)
      done.wait()
    }
    let out = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(), as: UTF8.self)
    let err = String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self)
    return FeResult(
      code: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
      out: out, err: err, timedOut: timedOut)
  }
}

/// A directory from mkdtemp, named after what uses it; `remove()` deletes it.
struct TempDir {
  let path: String

  init(_ name: String) throws {
    let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }.prefix(40))
    var template = Array("/tmp/fe-e2e-\(safe)-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else {
      throw FixtureError("mkdtemp failed: errno \(errno)")
    }
    path = String(cString: made)
  }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}

struct FixtureError: Error, CustomStringConvertible {
  let description: String
  init(_ d: String) { description = d }
}

/// One test's world: a store (FE_HOME), a project directory, and helpers to run fe in it.
/// Call `remove()` in a `defer`.
struct Sandbox {
  let root: TempDir
  let feHome: String
  let project: String
  var extraEnv: [String: String] = [:]

  /// A sandbox with an empty store, or with a copy (`cp -a`) of the shared store holding fe 1.4.2 and 2.1.0.
  init(_ name: String, store: StoreKind = .sharedCopy) throws {
    root = try TempDir(name)
    project = root.path + "/project"
    try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
    switch store {
    case .empty:
      feHome = root.path + "/fe-home"
    case .sharedCopy:
      feHome = root.path + "/fe-home"
      let shared = try SharedStore.path()
      let r = try Shell.run(["/bin/cp", "-a", shared, feHome])
      guard r.exited(0) else { throw FixtureError("cp -a failed: \(r)") }
    case .sharedReadOnly:
      feHome = try SharedStore.path()
    }
  }

  enum StoreKind { case empty, sharedCopy, sharedReadOnly }

  var env: [String: String] { ["FE_HOME": feHome].merging(extraEnv) { _, n in n } }

  /// `fe args…` from `cwd` (default: the project directory).
  func fe(_ args: String..., cwd: String? = nil, env extra: [String: String] = [:], stdin: String = "") throws -> FeResult {
    try Fe.run(args, cwd: cwd ?? project, env: env.merging(extra) { _, n in n }, stdin: stdin)
  }

  func fe(args: [String], cwd: String? = nil, env extra: [String: String] = [:]) throws -> FeResult {
    try Fe.run(args, cwd: cwd ?? project, env: env.merging(extra) { _, n in n })
  }

  /// Writes `text` to `name` relative to the project directory (creating parent directories).
  @discardableResult
  func write(_ name: String, _ text: String, in dir: String? = nil) throws -> String {
    let path = (dir ?? project) + "/" + name
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Writes fe.config.js (or `name`) in the project directory.
  @discardableResult
  func config(_ text: String, name: String = "fe.config.js") throws -> String {
    try write(name, text)
  }

  func snapshotPath(_ tool: String, _ version: String) -> String {
    "\(feHome)/blobs/\(tool)/\(version)/snapshot.bin"
  }

  func remove() { root.remove() }
}

/// A store with fe 1.4.2 and fe 2.1.0 installed (and the config base snapshot cached), built
/// once per test process. Tests that only read it use it directly; others copy it.
enum SharedStore {
  nonisolated(unsafe) fileprivate static var sharedRoot: String?
  private static let built: Result<String, FixtureError> = {
    do {
      let dir = try TempDir("shared-store")
      sharedRoot = dir.path
      atexit { if let root = sharedRoot { try? FileManager.default.removeItem(atPath: root) } }
      let home = dir.path + "/fe-home"
      for source in [Fe.blobsFe1, Fe.blobsFe2] {
        let r = try Fe.run(["blobs", "install", source], cwd: dir.path, env: ["FE_HOME": home])
        guard r.exited(0) else { return .failure(FixtureError("installing \(source) failed: \(r)")) }
      }
      // Warm the config base snapshot so readers never write to the shared store.
      try Data("export default { fe: \"^2\" }\n".utf8).write(to: URL(fileURLWithPath: dir.path + "/fe.config.js"))
      let r = try Fe.run(["--version"], cwd: dir.path, env: ["FE_HOME": home])
      guard r.exited(0) else { return .failure(FixtureError("warming the store failed: \(r)")) }
      try FileManager.default.removeItem(atPath: dir.path + "/fe.config.js")
      return .success(home)
    } catch {
      return .failure(FixtureError("building the shared store: \(error)"))
    }
  }()

  static func path() throws -> String { try built.get() }
}

/// Plain subprocesses (cp) with the same capture as `fe`.
enum Shell {
  static func run(_ argv: [String]) throws -> FeResult {
    try Fe.run(Array(argv.dropFirst()), cwd: "/", env: [:], executable: argv[0])
  }
}

/// Parses JSON text with JSONSerialization.
func parseJSON(_ text: String) throws -> Any {
  try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}

extension String {
  /// Lines of stderr/stdout without the trailing empty one.
  var lines: [String] { split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
}

/// Checks the shape every fe failure must have: a normal exit with `code`, nothing on stdout
/// is not required, stderr's first line starts `fe: error:` and there is only one error line.
func expectFeError(_ r: FeResult, code: Int32, mentions needles: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(r.exited(code), "expected exit \(code): \(r)", sourceLocation: sourceLocation)
  #expect(r.err.hasPrefix("fe: error: "), "stderr should start with `fe: error:`: \(r)", sourceLocation: sourceLocation)
  let errorLines = r.err.lines.filter { $0.contains("error:") }
  #expect(errorLines.count == 1, "exactly one error line expected: \(r)", sourceLocation: sourceLocation)
  for needle in needles {
    #expect(r.err.contains(needle), "stderr should mention \"\(needle)\": \(r)", sourceLocation: sourceLocation)
  }
}
