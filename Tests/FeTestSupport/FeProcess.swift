// The fe-binary harness every test target uses: run the built `fe` binary (or any program) as a
// subprocess with a private FE_HOME and temp project directories, and capture its stdout,
// stderr and exit status.
import FeBasics
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What one `fe` run did.
public struct FeResult: CustomStringConvertible, Sendable {
  public var code: Int32
  /// True when the process ended by a signal (then `code` is the signal number).
  public var signaled: Bool
  public var out: String
  public var err: String
  public var timedOut: Bool

  public init(code: Int32, signaled: Bool, out: String, err: String, timedOut: Bool) {
    (self.code, self.signaled, self.out, self.err, self.timedOut) = (code, signaled, out, err, timedOut)
  }

  /// Normal exit with `code`, not a signal and not killed by our safety timeout.
  public func exited(_ expected: Int32) -> Bool { !signaled && !timedOut && code == expected }

  public var description: String {
    "exit \(signaled ? "signal " : "")\(code)\(timedOut ? " (timed out)" : "")\n--- stdout\n\(out)--- stderr\n\(err)---"
  }
}

public enum Fe {
  /// The repository root (Tests/FeTestSupport/FeProcess.swift → ../../).
  public static let repo: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  public static var blobsFe1: String { repo + "/blobs/fe/1" }
  public static var blobsFe2: String { repo + "/blobs/fe/2" }

  /// The built `fe`, next to the test runner in the scratch path's products directory.
  public static let binary: String = {
    var candidates: [String] = []
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().path)
    }
    if let arg0 = CommandLine.arguments.first {
      let abs = URL(fileURLWithPath: arg0).standardizedFileURL
      candidates.append(abs.deletingLastPathComponent().path)
      // An .xctest bundle directory (macOS layout): Contents/MacOS/<runner>.
      candidates.append(
        abs.deletingLastPathComponent().deletingLastPathComponent()
          .deletingLastPathComponent().deletingLastPathComponent().path)
    }
    for dir in candidates {
      let path = dir + "/fe"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return (candidates.first ?? ".") + "/fe"
  }()

  /// The machine's node, when installed: the reference the golden and real-tool tests compare against.
  public static let node: String? = ["/usr/bin/node", "/usr/local/bin/node"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// The safety net for a hung fe: kill it after this long so the suite reports, not hangs.
  public static let timeLimit: Double = 60

  /// A process (not started) running `executable args…` in `cwd` with exactly `env` over defaults
  /// for PATH, LANG and NO_COLOR, and HOME inside FE_HOME so nothing reads the real home.
  public static func process(_ executable: String, _ args: [String], cwd: String, env: [String: String]) -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = args
    process.currentDirectoryURL = URL(fileURLWithPath: cwd)
    // Snapshots built by the install, not by a background process racing the test (SnapshotTests
    // set it to "0" for the default).
    var environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1", "FE_SNAPSHOT_AT_INSTALL": "1"]
    if let home = env["FE_HOME"] { environment["HOME"] = home + "/.home" }
    environment.merge(env) { _, new in new }
    process.environment = environment
    return process
  }

  /// Runs `fe args…` (or `executable args…`: node, sh, readelf…) in `cwd` with exactly `env`
  /// (plus PATH/HOME/LANG defaults), feeding `stdin`; killed after `timeLimit` seconds.
  public static func run(
    _ args: [String], cwd: String, env: [String: String], stdin: String = "", stdinPipe: Bool = false,
    executable: String? = nil, timeLimit: Double = Fe.timeLimit
  ) throws -> FeResult {
    try Proc.start(executable ?? binary, args, cwd: cwd, env: env, stdin: stdin, stdinPipe: stdinPipe)
      .wait(timeLimit: timeLimit)
  }
}

/// One test's world: a store (FE_HOME), a project directory, and helpers to run fe in it.
/// Call `remove()` in a `defer`.
public struct Sandbox {
  public let root: TempDir
  public let feHome: String
  public let project: String
  public var extraEnv: [String: String] = [:]

  /// A sandbox with an empty store, or with a copy (`cp -a`) of the shared store holding fe 1.4.2 and 2.1.0.
  public init(_ name: String, store: StoreKind = .sharedCopy) throws {
    root = TempDir(name)
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

  public enum StoreKind { case empty, sharedCopy, sharedReadOnly }

  public var env: [String: String] { ["FE_HOME": feHome].merging(extraEnv) { _, n in n } }

  /// `fe args…` from `cwd` (default: the project directory).
  public func fe(_ args: String..., cwd: String? = nil, env extra: [String: String] = [:], stdin: String = "") throws -> FeResult {
    try Fe.run(args, cwd: cwd ?? project, env: env.merging(extra) { _, n in n }, stdin: stdin)
  }

  public func fe(args: [String], cwd: String? = nil, env extra: [String: String] = [:]) throws -> FeResult {
    try Fe.run(args, cwd: cwd ?? project, env: env.merging(extra) { _, n in n })
  }

  /// Writes `text` to `name` relative to the project directory (creating parent directories).
  @discardableResult
  public func write(_ name: String, _ text: String, in dir: String? = nil) throws -> String {
    let path = (dir ?? project) + "/" + name
    try FileManager.default.createDirectory(
      atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Writes fe.config.js (or `name`) in the project directory.
  @discardableResult
  public func config(_ text: String, name: String = "fe.config.js") throws -> String {
    try write(name, text)
  }

  public func snapshotPath(_ tool: String, _ version: String) -> String {
    "\(feHome)/blobs/\(tool)/\(version)/snapshot.bin"
  }

  public func remove() { root.remove() }
}

/// A store with fe 1.4.2 and fe 2.1.0 installed (and the config base snapshot cached), built
/// once per test process. Tests that only read it use it directly; others copy it.
public enum SharedStore {
  /// Kept for the whole test process; removed at its exit.
  nonisolated(unsafe) fileprivate static var sharedRoot: TempDir?
  private static let built: Result<String, FixtureError> = {
    do {
      let dir = TempDir("shared-store")
      sharedRoot = dir
      atexit { SharedStore.sharedRoot?.remove() }
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

  public static func path() throws -> String { try built.get() }
}

/// Any program run with exactly `env` over PATH, LANG, NO_COLOR and a private HOME, its output
/// captured in files; `start` does not wait (for kill -9 and parallel runs). The one place tests
/// start a subprocess and capture what it did: `Fe.run` and `Shell.run` go through here.
public enum Proc {
  /// Runs `executable args…` with exactly `env` (plus PATH and LANG) and captures its output in files.
  public static func run(
    _ executable: String, _ args: [String], cwd: String = "/", env: [String: String] = [:], stdin: String = "",
    stdinPipe: Bool = false, timeLimit: Double = 120
  ) throws -> FeResult {
    let running = try start(executable, args, cwd: cwd, env: env, stdin: stdin, stdinPipe: stdinPipe)
    return running.wait(timeLimit: timeLimit)
  }

  /// Starts a process without waiting (for kill -9 and parallel tests). Its stdin is a file
  /// holding `stdin`, or with `stdinPipe` a pipe the harness writes `stdin` into and closes (as in
  /// a shell pipeline: Node's process.stdin is then a socket that ends and closes). HOME is
  /// FE_HOME/.home when `env` names a store, else a private directory.
  public static func start(
    _ executable: String, _ args: [String], cwd: String = "/", env: [String: String] = [:], stdin: String = "",
    stdinPipe: Bool = false
  ) throws -> Running {
    let io = TempDir("io")
    var env = env
    if env["FE_HOME"] == nil && env["HOME"] == nil { env["HOME"] = io.path }
    let process = Fe.process(executable, args, cwd: cwd, env: env)
    // Files, not pipes: no deadlock on large output and no reader threads.
    let outPath = io.path + "/out"
    let errPath = io.path + "/err"
    let inPath = io.path + "/in"
    try Data(stdin.utf8).write(to: URL(fileURLWithPath: inPath))
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let handles = [
      try FileHandle(forWritingTo: URL(fileURLWithPath: outPath)),
      try FileHandle(forWritingTo: URL(fileURLWithPath: errPath)),
      try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath)),
    ]
    // The child has its own copies once it runs; ours close when this scope ends.
    defer { for handle in handles { try? handle.close() } }
    process.standardOutput = handles[0]
    process.standardError = handles[1]
    let pipe = stdinPipe ? Pipe() : nil
    process.standardInput = pipe ?? handles[2]
    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    try process.run()
    if let input = pipe?.fileHandleForWriting {
      // From another thread, so a child that never reads its stdin cannot block the harness.
      let bytes = Data(stdin.utf8)
      DispatchQueue.global().async {
        if !bytes.isEmpty { try? input.write(contentsOf: bytes) }
        try? input.close()
      }
    }
    return Running(process: process, io: io, done: done)
  }

  public final class Running: @unchecked Sendable {
    public let process: Process
    public let io: TempDir
    let done: DispatchSemaphore
    private var finished = false

    init(process: Process, io: TempDir, done: DispatchSemaphore) {
      self.process = process
      self.io = io
      self.done = done
    }

    public var pid: pid_t { process.processIdentifier }

    public func kill9() { kill(process.processIdentifier, SIGKILL) }

    public func wait(timeLimit: Double = 120) -> FeResult {
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
      return FeResult(
        code: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal, out: out, err: err,
        timedOut: timedOut)
    }
  }
}

/// What one subprocess did (the registry tests' name for it).
public typealias ProcResult = FeResult

/// Plain subprocesses (cp) with the same capture as `fe`.
public enum Shell {
  public static func run(_ argv: [String]) throws -> FeResult {
    try Fe.run(Array(argv.dropFirst()), cwd: "/", env: [:], executable: argv[0])
  }
}

/// Parses JSON text with JSONSerialization.
public func parseJSON(_ text: String) throws -> Any {
  try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}

extension String {
  /// Lines of stderr/stdout without the trailing empty one.
  public var lines: [String] { split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
}

/// Checks the shape every fe failure must have: a normal exit with `code`, nothing on stdout
/// is not required, stderr's first line starts `fe: error:` and there is only one error line.
public func expectFeError(_ r: FeResult, code: Int32, mentions needles: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(r.exited(code), "expected exit \(code): \(r)", sourceLocation: sourceLocation)
  #expect(r.err.hasPrefix("fe: error: "), "stderr should start with `fe: error:`: \(r)", sourceLocation: sourceLocation)
  let errorLines = r.err.lines.filter { $0.contains("error:") }
  #expect(errorLines.count == 1, "exactly one error line expected: \(r)", sourceLocation: sourceLocation)
  for needle in needles {
    #expect(r.err.contains(needle), "stderr should mention \"\(needle)\": \(r)", sourceLocation: sourceLocation)
  }
}
