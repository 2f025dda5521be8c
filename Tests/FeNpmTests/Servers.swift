// The npm test registry (tools/npm-test-registry): built once from Debian's node-* packages
// (`make npm-registry`, or here when missing or stale) and served by nginx on 127.0.0.1.
import FeBasics
import FeTestSupport
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

enum NpmTestRegistry {
  static var tools: String { Fe.repo + "/tools/npm-test-registry" }

  /// The built registry tree; build.py's own stamp keeps this cheap once built.
  static let path: Result<String, FixtureError> = {
    let out = Fe.repo + "/.build/npm-test-registry"
    let root = Fe.repo + "/.deps/node-tools/root"
    guard FileSystem.isDirectory(root + "/usr/share/nodejs") else {
      return .failure(FixtureError("\(root) is missing: run `make fixtures` (tools/node-tools.sh) first"))
    }
    do {
      let r = try Proc.run(
        "/usr/bin/env", ["python3", tools + "/build.py", "--root", root, "--out", out, "--fixtures", "--if-stale"], timeLimit: 300)
      guard r.exited(0) else { return .failure(FixtureError("build.py failed: \(r)")) }
    } catch {
      return .failure(FixtureError("build.py: \(error)"))
    }
    return .success(out)
  }()

  static func built() throws -> String { try path.get() }
}

/// nginx serving a registry tree through serve.py; stopped when released.
final class NpmServer: @unchecked Sendable {
  let url: String
  let state: TempDir
  private let process: Process

  /// `token` is what the @private scope accepts.
  init(root: String? = nil, token: String = "fe-test-token") throws {
    let root = try root ?? NpmTestRegistry.built()
    state = TempDir("npm-nginx")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", NpmTestRegistry.tools + "/serve.py", root, state.path, token]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    self.process = process
    var line = Data()
    while let byte = try pipe.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
      line.append(byte)
    }
    let text = String(decoding: line, as: UTF8.self)
    guard text.hasPrefix("http://127.0.0.1:") else {
      process.terminate()
      throw FixtureError("serve.py did not start: \(text)")
    }
    url = text
  }

  /// `method path status "authorization" "if-none-match" "range"`, one line per request, every
  /// request answered so far included: nginx logs a request just after sending its response, so
  /// a barrier request (its one worker serves requests in turn) must show up in the log first.
  var accessLog: [String] {
    barriers += 1
    let barrier = "/-/fe-test-log-barrier-\(barriers)"
    _ = try? Proc.run("/usr/bin/curl", ["-s", "-o", "/dev/null", url + barrier], timeLimit: 10)
    var lines: [String] = []
    for _ in 0..<500 {
      lines = ((try? String(contentsOfFile: state.path + "/access.log", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
      if lines.contains(where: { $0.contains(barrier + " ") }) { break }
      usleep(10_000)
    }
    return lines.filter { !$0.contains("/-/fe-test-log-barrier-") }
  }
  private var barriers = 0

  func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGTERM)
      process.waitUntilExit()
    }
  }

  deinit { stop() }
}
