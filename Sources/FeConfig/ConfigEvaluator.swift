import FeBasics
import FeEngine
import FeRuntime

/// Evaluates fe.config.js in a sandboxed runtime: reads allowed; no writes, processes,
/// network or process.exit; a time limit for configs that never finish and memory limits for
/// configs that would fill the machine (`ConfigEvaluator.limits`, given to the runtime).
///
/// The launcher runs this in a process of its own (FeCLI's ConfigSandbox), which adds what an
/// in-process check cannot: a kill at the time limit, a cap on the whole process's memory, and
/// no way to reach the launcher's cwd, descriptors or environment.
public struct ConfigEvaluator {
  public var timeLimit: Double = 5

  /// The memory a config's runtime may use: its JS heap, and the bytes its Buffers and typed
  /// arrays hold (also the largest file it may read whole).
  public static let limits = Isolate.Limits(heapBytes: 256 << 20, externalBytes: 256 << 20)

  public init(timeLimit: Double = 5) { self.timeLimit = timeLimit }

  /// `runtime` must be a fresh runtime with config permissions (booted from the base snapshot).
  public func evaluate(_ path: String, runtime: Runtime, env: [String: String], cwd: String) throws -> ProjectConfig {
    try evaluate(path, runtime: runtime, env: env, cwd: cwd, observing: false).config
  }

  /// Evaluates and, with `observing`, records what the config looked at (for ConfigCache).
  public func evaluate(
    _ path: String, runtime: Runtime, env: [String: String], cwd: String, observing: Bool
  ) throws -> (config: ProjectConfig, observed: ConfigObservations?) {
    runtime.sandboxName = Path.basename(path)
    let dog = Watchdog(seconds: timeLimit, runtime: runtime)
    let value: JSValue
    var observed: ConfigObservations?
    do {
      try runtime.setup(argv: ["fe", path], env: env, execPath: "fe")
      // An error no handler caught is the config's failure, reported by fe, not printed by JS.
      try runtime.isolate.scope { s in _ = s.set(s.core, "uncaughtToHost", s.make(.bool(true))) }
      let report: Persistent? = observing ? try runtime.isolate.scope { s in Persistent(try s.callCore(.observeConfig), in: s) } : nil
      let log = observing ? ReadLog(cwd: cwd) : nil
      runtime.readLog = log
      defer { runtime.readLog = nil }
      let exports = try runtime.evaluateFile(path)
      let promise = try runtime.isolate.scope { s -> Persistent in
        let ns = exports.get(s)
        // ESM: the default export; CommonJS: module.exports itself.
        let isModuleNamespace = s.keys(ns).contains("default") && path.hasSuffix(".cjs") == false
        let exported = isModuleNamespace ? (s.get(ns, "default") ?? ns) : ns
        let p = try s.callCore(
          .resolveConfig, [exported, s.make(.object(env.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })), s.string(cwd)])
        s.markHandled(p)
        try s.callCore(.afterMacrotask)
        return Persistent(p, in: s)
      }
      try runtime.runLoop()
      value = try runtime.isolate.scope { s in
        let p = promise.get(s)
        switch s.promiseState(p) {
        case .fulfilled: return s.toSwift(s.promiseResult(p))
        case .rejected: throw s.jsError(s.promiseResult(p))
        case .pending: throw ConfigError.neverSettled(path)
        }
      }
      if let report, let log {
        let seen = try runtime.isolate.scope { s in s.toSwift(try s.call(report.get(s))) }
        var o = ConfigObservations()
        o.paths = log.paths
        o.volatileReason = log.volatileReason ?? seen["volatile"]?.stringValue
        o.allEnv = seen["allEnv"] == .bool(true)
        if case .array(let names)? = seen["env"] { o.envNames = names.compactMap(\.stringValue) }
        observed = o
      }
    } catch is JSTerminated {
      dog.cancel()
      if let limit = runtime.isolate.limitReached { throw ConfigError.outOfMemory(path, limit) }
      throw ConfigError.timedOut(path, seconds: timeLimit)
    } catch let e as JSError {
      if dog.cancel() { throw ConfigError.timedOut(path, seconds: timeLimit) }
      if let limit = runtime.isolate.limitReached { throw ConfigError.outOfMemory(path, limit) }
      throw ConfigError.threw(path, e)
    }
    if dog.cancel() { throw ConfigError.timedOut(path, seconds: timeLimit) }
    return (try ProjectConfig(path: path, value: value), observed)
  }
}
