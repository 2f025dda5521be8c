// Shared helpers for FeEngine / FeRuntime tests. Every isolate or runtime is created inside the
// test that uses it and used only on that test's thread (tests are synchronous functions).
import FeBasics
import FeEngine
import FeRuntime
@_exported import FeTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Records `process.exit()` instead of ending the test process.
final class ExitRecorder {
  var codes: [Int32] = []
}

/// A runtime booted from the base snapshot, set up like a launch. `process.exit` (and the
/// runtime's own fatal-error path) is captured rather than exiting the test process.
func bootRuntime(
  permissions: Permissions = .all, argv: [String] = ["fe", "test"], env: [String: String] = ["FE_TEST": "1"],
  exits: ExitRecorder = ExitRecorder()
) throws -> Runtime {
  let rt = Runtime(snapshot: baseSnapshot.bytes, owner: baseSnapshot, permissions: permissions)
  rt.onExit = { exits.codes.append($0) }
  try rt.setup(argv: argv, env: env, execPath: "/usr/local/bin/fe")
  return rt
}

extension Runtime {
  /// Makes builtin modules available to classic scripts as globals (`path`, `util`, `fs`…).
  func expose(_ names: [String]) throws {
    let body = names.map { "globalThis[\(JSONString.quote($0))] = require(\(JSONString.quote($0)));" }.joined(separator: "\n")
    try runCommonJS(body, path: "/fe-tests/expose.cjs")
  }

  /// The namespace (or module.exports) of `path`, as data.
  func exportsOf(_ path: String) throws -> JSValue {
    let ns = try evaluateFile(path)
    return try isolate.scope { s in s.toSwift(ns.get(s)) }
  }
}

/// Runs `body` in a fresh bare isolate (a context, no runtime JS).
func withIsolate<T>(_ body: (Scope) throws -> T) throws -> T {
  let isolate = Isolate()
  return try isolate.scope(body)
}

/// The JSError a throwing expression produced (records an issue when there was none).
func jsError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> JSError? {
  do {
    try body()
    Issue.record("expected a JSError, nothing was thrown", sourceLocation: sourceLocation)
  } catch let e as JSError {
    return e
  } catch {
    Issue.record("expected a JSError, got \(error)", sourceLocation: sourceLocation)
  }
  return nil
}
