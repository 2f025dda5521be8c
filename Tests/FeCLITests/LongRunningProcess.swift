// A process that keeps running while a test talks to it (`fe d`, chromedriver, a backend):
// output goes to files the test polls with a deadline, and it is stopped by a signal.
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

final class LongRunningProcess {
  let process: Process
  let io: TempDir
  private let stdinPipe = Pipe()
  var outPath: String { io.path + "/stdout" }
  var errPath: String { io.path + "/stderr" }

  init(_ executable: String, _ args: [String], cwd: String, env: [String: String]) throws {
    io = TempDir("proc")
    process = Fe.process(executable, args, cwd: cwd, env: env)
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    // A pipe the child can read; it sees EOF when this test process ends.
    process.standardInput = stdinPipe
    try process.run()
  }

  /// `fe args…` with the sandbox's store, in the project directory (or `cwd`).
  convenience init(fe sandbox: Sandbox, _ args: [String], cwd: String? = nil, env: [String: String] = [:]) throws {
    try self.init(Fe.binary, args, cwd: cwd ?? sandbox.project, env: sandbox.env.merging(env) { _, n in n })
  }

  var out: String { (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" }
  var err: String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }

  /// Polls stdout until `match` finds something in it (or the process ends, or time runs out).
  func waitForOutput<T>(timeout: Double = 30, _ match: (String) -> T?) throws -> T {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let found = match(out) { return found }
      if !process.isRunning {
        if let found = match(out) { return found }
        throw FixtureError(
          "the process exited (\(process.terminationStatus)) before printing what was expected\n--- stdout\n\(out)--- stderr\n\(err)")
      }
      if Date() > deadline { throw FixtureError("timed out waiting for output\n--- stdout\n\(out)--- stderr\n\(err)") }
      usleep(10_000)
    }
  }

  func waitForOutput(containing needle: String, timeout: Double = 30) throws {
    _ = try waitForOutput(timeout: timeout) { $0.contains(needle) ? true : nil }
  }

  /// The port of the first `http://127.0.0.1:<port>/` or `http://localhost:<port>/` printed.
  func waitForPort(timeout: Double = 30) throws -> Int {
    try waitForOutput(timeout: timeout) { text in
      guard let range = text.range(of: #"http://(127\.0\.0\.1|localhost):[0-9]+/"#, options: .regularExpression) else { return nil }
      let url = text[range]
      return Int(url.split(separator: ":").last?.dropLast() ?? "")
    }
  }

  /// Sends `signal` and waits for the exit; SIGKILL after `timeout` (then `timedOut` is set).
  @discardableResult
  func stop(_ signal: Int32 = SIGINT, timeout: Double = 10) -> FeResult {
    if process.isRunning { kill(process.processIdentifier, signal) }
    let deadline = Date().addingTimeInterval(timeout)
    var timedOut = false
    while process.isRunning {
      if Date() > deadline {
        timedOut = true
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        break
      }
      usleep(5_000)
    }
    try? stdinPipe.fileHandleForWriting.close()
    return FeResult(
      code: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
      out: out, err: err, timedOut: timedOut)
  }

  deinit {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    io.remove()
  }
}
