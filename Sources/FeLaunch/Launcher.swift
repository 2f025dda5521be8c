import FeBasics
import FeConfig
import FeEngine
import FeRuntime
import FeSemver
import FeStore

#if canImport(Glibc)
  import Glibc
#endif

/// `fe <args…>`, `fe blobs exec` and `fe blobs run`: config → pinned version → verified blob →
/// boot → run (Boot.run), and the config a command reads (`loadConfig`).
public struct Launcher {
  let context: FeContext

  public init(context: FeContext) { self.context = context }

  /// `requirePin`: the tool must be pinned by the project (`fe <args>`); otherwise (`fe blobs exec`)
  /// an unpinned tool runs its highest installed release.
  public func run(tool: String, range: String?, args: [String], requirePin: Bool = true) throws -> Int32 {
    let store = BlobStore(layout: context.layout)
    let config = try loadConfig(required: range == nil && requirePin)
    let selector: VersionSelector
    if let range {
      do { selector = try VersionSelector(parsing: range) } catch {
        throw FeError(.usage, "\"\(range)\" is not a valid version range: \(error)", hint: "use npm's range syntax, e.g. \(tool)@^2.1.0")
      }
    } else if let config, let pinned = try config.selector(for: tool) {
      selector = pinned
    } else if !requirePin {
      selector = .tag("latest")
    } else {
      let path = config?.path ?? "fe.config.js"
      throw FeError(
        .config, "\(path) does not pin \(tool)",
        hint: tool == "fe" ? "add `fe: \"^2\"` to its exported object" : "add it under `tools`, e.g. tools: { \(tool): \"^1\" }")
    }
    let resolved: PinnedVersion.Resolved
    if range == nil, let config, config.pins[tool] != nil {
      resolved = try PinnedVersion(context: context, store: store, config: config).resolve(
        tool: tool, selector: selector, missing: .install)
    } else {
      let version = try ToolResolver(store: store).resolve(tool: tool, selector: selector, pinnedIn: nil)
      resolved = .init(version: version.description, locked: false, lock: nil)
    }
    let version = resolved.version
    let opener = BlobOpener(store: store, context: context)
    let recorded = try opener.manifest(tool: tool, version: version)
    // A bin that is, or only runs, a native executable: exec it, no V8 (NativeLaunch).
    if let native = recorded.native, NativeLaunch.applies(native, context: context) {
      try PinnedVersion.check(resolved, tool: tool, manifest: recorded)
      try NativeLaunch.exec(native, tool: tool, version: version, args: args, context: context)
    }
    if !recorded.hasSnapshot {
      try PinnedVersion.check(resolved, tool: tool, manifest: recorded)
      return try runFromImage(tool: tool, version: version, manifest: recorded, args: args, store: store)
    }
    let (blob, manifest) = try opener.open(tool: tool, version: version, manifest: recorded)
    try PinnedVersion.check(resolved, tool: tool, manifest: manifest)
    let sourcePath = store.layout.sourcePath(tool, version)
    let launch = ToolKind.LaunchInput(
      tool: tool, version: version, manifest: manifest, sourcePath: sourcePath, args: args,
      context: {
        .object([
          ("config", config?.value ?? .object([])),
          ("projectDir", config.map { .string($0.directory) } ?? .string(context.cwd)),
          ("configPath", config.map { .string($0.path) } ?? .null),
          ("tool", .object([("name", .string(tool)), ("version", .string(version))])),
        ])
      })
    return try Boot.run(
      snapshot: blob.payload, owner: blob, context: context, entry: manifest.kind.entry(manifest: manifest, sourcePath: sourcePath),
      args: args,
      booted: { _ in
        // V8 booted from its part of the blob, checked before; the tool's source behind it was
        // checked meanwhile on another thread. Nothing of the tool has run yet.
        try opener.confirm(blob, tool: tool, version: version, manifest: manifest)
        Launcher.restoreTerminationSignals()
      },
      main: { runtime in try manifest.kind.launch(launch, in: runtime) })
  }

  /// An npm tool whose snapshot is not built yet (SnapshotJobs): its entry runs from the base
  /// snapshot, loaded from its package image as Node loads it, and the snapshot is built in the
  /// background for the launches after.
  private func runFromImage(tool: String, version: String, manifest: Manifest, args: [String], store: BlobStore) throws -> Int32 {
    let entry = NodeCLIEntry.path(manifest: manifest, sourcePath: store.layout.sourcePath(tool, version))
    SnapshotJobs(context: context, store: store).startInBackground()
    let base = try BaseSnapshot.open(context.layout)
    return try Boot.run(
      snapshot: base.payload, owner: base.owner, context: context, entry: entry, args: args,
      booted: { _ in Launcher.restoreTerminationSignals() },
      main: { runtime in try runtime.runMainModule(path: entry, args: args) })
  }

  /// `fe blobs run <file>`: a script file run as the main module of a runtime booted from the
  /// base snapshot, like `node file.js`.
  public func runScript(_ path: String, args: [String]) throws -> Int32 {
    guard FileSystem.isFile(path) else {
      throw FeError(.usage, "no such file: \(path)", hint: "pass the path of a .js, .mjs or .cjs file")
    }
    _ = try context.layout.checkVersion()
    let base = try BaseSnapshot.open(context.layout)
    return try Boot.run(
      snapshot: base.payload, owner: base.owner, context: context, entry: path, args: args,
      main: { runtime in try runtime.runMainModule(path: path, args: args) })
  }

  /// As Node: SIGINT and SIGTERM end the tool by that signal (128+n in a shell, 130 for ^C)
  /// even when fe's parent ignored or blocked them (a script's background job ignores SIGINT).
  static func restoreTerminationSignals() {
    var set = sigset_t()
    sigemptyset(&set)
    for sig in [SIGINT, SIGTERM] {
      signal(sig, SIG_DFL)
      sigaddset(&set, sig)
    }
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }

  /// Evaluates the nearest fe.config.js in its sandbox (ConfigSandbox), or takes its result from
  /// the config cache when nothing it depends on changed. A cache that cannot be read or written
  /// only costs the next launch an evaluation.
  public func loadConfig(required: Bool) throws -> ProjectConfig? {
    let path: String
    do {
      path = try ConfigLocator.find(cwd: context.cwd, env: context.env)
    } catch  where !required {
      return nil
    }
    // A store laid out by another fe is never read (or written); checking it writes nothing.
    _ = try context.layout.checkVersion()
    let useCache = context.options.configCache
    let cache = ConfigCache(directory: Path.join(context.layout.cacheDir, "config"), engineID: Runtime.engineID)
    if useCache, let cached = cache.load(config: path, cwd: context.cwd, env: context.env) { return cached }
    let started = ConfigCache.now()
    let (config, observed) = try ConfigSandbox(context: context).evaluate(path, observing: useCache)
    if let observed { cache.store(config, observed: observed, cwd: context.cwd, env: context.env, started: started) }
    return config
  }
}
