// Helpers for config tests: temp project trees and sandboxed runtimes from a base snapshot.
import FeBasics
import FeConfig
import FeEngine
import FeRuntime
@_exported import FeTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

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
