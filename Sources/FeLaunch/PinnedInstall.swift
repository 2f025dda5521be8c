import FeBasics
import FeConfig
import FeEngine
import FeNpm
import FeRegistry
import FeSemver
import FeStore

/// `fe blobs install` with no target: everything the project pins, through `fe.lock`.
///
/// Normal mode honours each lock entry while its version still satisfies the pin, resolves
/// the others (and those named by `--update`) afresh, and writes the lock. Frozen mode (CI)
/// installs exactly what the lock says and never writes it: a missing or stale lock is a
/// config error (78), a source whose sha256 differs from the lock an integrity error (65).
public struct PinnedInstall {
  let context: FeContext
  let config: ProjectConfig
  let installer: Installer
  let store: BlobStore
  /// Install exactly what the lock says, never write it.
  let frozen: Bool
  /// nil: honour the lock; empty: re-resolve every tool; else re-resolve these tools.
  let update: Set<String>?

  public init(
    context: FeContext, config: ProjectConfig, installer: Installer, store: BlobStore, frozen: Bool, update: Set<String>?
  ) {
    self.context = context
    self.config = config
    self.installer = installer
    self.store = store
    self.frozen = frozen
    self.update = update
  }

  /// What happened to one pinned tool.
  public struct Result {
    public var tool: String
    public var entry: Lockfile.Entry
    public var outcome: Installer.Outcome
    /// Whether the version came from the lock (not resolved afresh).
    public var fromLock: Bool
  }

  public var lockPath: String { Lockfile.path(forConfig: config.path) }

  /// Installs every pin; returns the results and whether fe.lock was written.
  public func run() throws -> (results: [Result], wroteLock: Bool) {
    var pins: [String: VersionSelector] = [:]
    for tool in config.pins.keys {
      if let selector = try config.selector(for: tool) { pins[tool] = selector }
    }
    if let update {
      for tool in update.sorted() where pins[tool] == nil {
        throw FeError(
          .usage, "--update \(tool): \(config.path) does not pin \(tool)",
          hint: "pinned: \(pins.keys.sorted().joined(separator: ", ")); `fe blobs install --update` updates them all")
      }
    }
    let existing = try Lockfile.read(lockPath)
    if frozen { try checkFrozen(existing, pins) }
    if existing != nil { try? SeenLocks.record(lockPath, in: store.layout) }

    var results: [Result] = []
    for tool in pins.keys.sorted() {
      guard let selector = pins[tool], let range = config.pins[tool] else { continue }
      let updating = update.map { $0.isEmpty || $0.contains(tool) } ?? false
      if let npm = config.npmSpec(for: tool) {
        let locked = updating ? nil : existing?.entry(for: tool, satisfying: selector)
        results.append(try installNpm(tool, npm, selector: selector, locked: locked, updating: updating))
        continue
      }
      if !updating, let locked = existing?.entry(for: tool, satisfying: selector) {
        let outcome = try installer.install(tool: tool, locked: locked.version, sourceSha256: locked.sha256, lockPath: lockPath)
        try verifyInstalled(tool, locked)
        _ = try BlobOpener(store: store, context: context).open(tool: tool, version: locked.version)
        var entry = locked
        entry.range = range
        if case .installed = outcome { entry.registry = source(tool, locked.version) }
        results.append(Result(tool: tool, entry: entry, outcome: outcome, fromLock: true))
        continue
      }
      let outcome = try installer.install(tool: tool, selector: selector)
      let version = outcome.version
      // Opening checks the blob end to end (and rebuilds it for this engine if needed).
      let (_, manifest) = try BlobOpener(store: store, context: context).open(tool: tool, version: version)
      let entry = Lockfile.Entry(range: range, registry: source(tool, version), sha256: manifest.sourceSha256, version: version)
      try verifyInstalled(tool, entry)
      results.append(Result(tool: tool, entry: entry, outcome: outcome, fromLock: false))
    }
    if frozen { return (results, false) }
    let lock = Lockfile(tools: Dictionary(uniqueKeysWithValues: results.map { ($0.tool, $0.entry) }))
    let wrote = try lock.write(to: lockPath)
    try? SeenLocks.record(lockPath, in: store.layout)
    return (results, wrote)
  }

  /// An npm pin: the locked version of its package when the lock has one (its locked tree, when
  /// the lock records it), else the installed version that satisfies the pin (unless updating),
  /// else the registry's choice; its lock entry names the npm registry, the sha256 of the bin's
  /// entry file, as for any other blob, and every package of the tree (from the image's record).
  private func installNpm(
    _ tool: String, _ npm: String, selector: VersionSelector, locked: Lockfile.Entry?, updating: Bool
  ) throws -> Result {
    let npmTool = NpmTool(context: context, store: store)
    let package = ProjectConfig.splitNpmSpec(npm)?.package ?? ""
    var outcome: Installer.Outcome
    var registry: String?
    let version: String
    if let locked {
      if FileSystem.isDirectory(store.layout.blobDir(tool, locked.version)) {
        outcome = .alreadyInstalled(version: locked.version)
      } else {
        // The locked tree itself when the lock has it (older locks name only the version).
        let installed = try npmTool.install(
          "npm:\(package)@\(locked.version)", bin: tool, offline: installer.offline, projectDir: config.directory, pinnedIn: config.path,
          locked: locked.packages.map { ($0, lockPath) })
        registry = installed.registry
        outcome = .installed(version: installed.blob.version, prebuilt: false)
      }
      version = locked.version
    } else if !updating, let have = try? ToolResolver(store: store).resolve(tool: tool, selector: selector, pinnedIn: config.path) {
      version = have.description
      outcome = .alreadyInstalled(version: version)
    } else {
      if frozen {
        throw FeError(.config, "\(lockPath) does not lock \(tool)", hint: "run `fe blobs install` without CI set and commit fe.lock")
      }
      let installed = try npmTool.install(npm, bin: tool, offline: installer.offline, projectDir: config.directory, pinnedIn: config.path)
      registry = installed.registry
      version = installed.blob.version
      outcome = .installed(version: version, prebuilt: false)
    }
    let manifest = try BlobOpener(store: store, context: context).check(tool: tool, version: version)
    if registry == nil, let name = PackageName(package) {
      let npmConfig = try NpmConfig(projectDir: config.directory, env: context.env)
      registry = locked?.registry ?? "npm:" + npmConfig.registry(for: name)
    } else if let r = registry {
      registry = "npm:" + r
    }
    let record = ImageRecord.read(image: Path.join(store.layout.blobDir(tool, version), StoreLayout.imageDir))
    if let locked, let packages = locked.packages, let record, let diff = record.difference(from: packages) {
      throw FeError(
        .integrity, "\(tool)@\(version) is installed with another tree than \(lockPath) locks: \(diff)",
        hint:
          "run `fe blobs remove \(tool)@\(version)`, then `fe blobs install` to install the locked tree (or `fe blobs install --update \(tool)` to lock the installed one)"
      )
    }
    let entry = Lockfile.Entry(
      range: config.pins[tool] ?? npm, registry: registry ?? "npm:", sha256: manifest.sourceSha256, version: version,
      packages: record?.lockedPackages)
    if let locked { try verifyInstalled(tool, locked) }
    return Result(tool: tool, entry: entry, outcome: outcome, fromLock: locked != nil)
  }

  /// A frozen install needs a lock that covers every pin with a satisfying version.
  private func checkFrozen(_ lock: Lockfile?, _ pins: [String: VersionSelector]) throws {
    let why = "a frozen install (--frozen, or CI set) installs exactly what fe.lock says"
    guard let lock else {
      throw FeError(
        .config, "\(lockPath) does not exist; \(why)",
        hint: "run `fe blobs install` in \(config.directory) without CI set (or with --no-frozen) and commit fe.lock")
    }
    let stale = lock.staleness(against: pins)
    guard !stale.isEmpty else { return }
    let details = stale.map { item -> String in
      switch item.why {
      case .missing: return "\(item.tool) is pinned in fe.config.js but not locked"
      case .unsatisfied(let locked, let range): return "\(item.tool) is locked at \(locked), outside the pinned \(range)"
      }
    }
    let tools = stale.map(\.tool).joined(separator: " ")
    throw FeError(
      .config, "\(lockPath) is stale against \(config.path): \(details.joined(separator: "; "))",
      hint: "run `fe blobs install --update \(tools)` without CI set (or with --no-frozen) and commit fe.lock")
  }

  /// Re-hashes the installed source: it must be the bytes the lock names.
  private func verifyInstalled(_ tool: String, _ entry: Lockfile.Entry) throws {
    let path = store.layout.sourcePath(tool, entry.version)
    let hash = try FileSystem.read(path).map(SHA256.hex)
    guard let hash else {
      throw FeError(
        .integrity, "\(tool)@\(entry.version) is installed without its source (\(path) is missing)",
        hint: "run `fe blobs remove \(tool)@\(entry.version)`, then `fe blobs install`")
    }
    guard hash == entry.sha256 else {
      throw FeError(
        .integrity,
        "\(tool)@\(entry.version) is installed with source sha256 \(hash.prefix(12))…, but \(lockPath) locks sha256 \(entry.sha256.prefix(12))…",
        hint:
          "if fe.lock was edited by mistake restore it; if the installed blob is the one you want, run `fe blobs install --update \(tool)`")
    }
  }

  /// The lock's `registry` for an installed version: the registry it came from, or `local:<path>`.
  private func source(_ tool: String, _ version: String) -> String {
    if let registry = installer.registry, !installer.offline { return registry.location.description }
    let manifest = try? store.manifest(tool: tool, version: version)
    return LockSource.describe(origin: manifest?.origin, tool: tool, version: version)
  }
}

/// How fe.lock names where a blob came from when no registry was asked.
public enum LockSource {
  /// A registry download's origin is `<registry>/<tool>/<version>/source.js.zst`: the registry is
  /// the part before `/<tool>/`. A local path becomes `local:<path>`; no origin at all, `local:`.
  public static func describe(origin: String?, tool: String, version: String) -> String {
    guard let origin, !origin.isEmpty else { return Lockfile.localPrefix }
    let suffix = "/\(tool)/\(version)/source.js.zst"
    if origin.hasSuffix(suffix) { return String(origin.dropLast(suffix.count)) }
    if origin.hasPrefix("/") { return Lockfile.localPrefix + origin }
    return origin
  }
}
