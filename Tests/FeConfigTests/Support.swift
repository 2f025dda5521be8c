// Helpers for config tests: temp project trees and sandboxed runtimes from a base snapshot.
import FeBasics
import FeConfig
import FeEngine
import FeRuntime
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Snapshot bytes at a stable address for as long as a runtime booted from them lives.
final class SnapshotMemory {
  let buffer: UnsafeMutableRawBufferPointer
  let count: Int
  init(_ bytes: [UInt8]) {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
    bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
    self.buffer = buffer
    count = bytes.count
  }
  var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: buffer[0..<count]) }
  deinit { buffer.deallocate() }
}

/// The base snapshot (fe's runtime only), built once per test process.
let baseSnapshot: SnapshotMemory = {
  do {
    return SnapshotMemory(try Runtime.makeSnapshotBuilder().snapshot())
  } catch {
    fatalError("cannot build the base snapshot: \(error)")
  }
}()

/// A fresh sandboxed runtime, as the launcher makes one for fe.config.js.
func configRuntime() -> Runtime {
  let rt = Runtime(snapshot: baseSnapshot.bytes, owner: baseSnapshot, permissions: .config)
  rt.onExit = { _ in }  // never end the test process, whatever the config does
  return rt
}

/// Evaluates the config at `path` in a fresh sandboxed runtime.
func evaluate(
  _ path: String, env: [String: String] = ["HOME": "/home/test"], cwd: String? = nil, timeLimit: Double = 5
) throws -> ProjectConfig {
  try ConfigEvaluator(timeLimit: timeLimit).evaluate(
    path, runtime: configRuntime(), env: env, cwd: cwd ?? Path.dirname(path))
}

/// The FeError a throwing expression produced (records an issue when it threw something else
/// or nothing).
func feError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> FeError? {
  do {
    try body()
    Issue.record("expected an FeError, nothing was thrown", sourceLocation: sourceLocation)
  } catch let e as FeError {
    return e
  } catch {
    Issue.record("expected an FeError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
  }
  return nil
}

/// A fresh directory under /tmp (its real path), removed when the object dies.
final class TempDir {
  let path: String
  init(_ name: String = "fe-config-test") {
    var template = Array("/tmp/\(name)-XXXXXX".utf8CString)
    guard mkdtemp(&template) != nil else { fatalError("mkdtemp failed") }
    let made = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    path = realpath(made, &resolved) != nil ? String(cString: resolved) : made
  }
  /// Writes `text` to `name` (creating directories) and returns the full path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let full = Path.join(path, name)
    try FileSystem.createDirectory(Path.dirname(full))
    try FileSystem.writeAtomically(full, Array(text.utf8))
    return full
  }
  /// Creates the directory `name` and returns its full path.
  @discardableResult
  func mkdir(_ name: String) throws -> String {
    let full = Path.join(path, name)
    try FileSystem.createDirectory(full)
    return full
  }
  func file(_ name: String) -> String { Path.join(path, name) }
  deinit { try? FileSystem.removeTree(path) }
}
