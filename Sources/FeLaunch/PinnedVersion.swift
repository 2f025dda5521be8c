import FeBasics
import FeConfig
import FeRegistry
import FeSemver
import FeStore

/// The version of a tool the project pins that a launch runs and `fe blobs which` and `list`
/// show, decided in one place: the one fe.lock names while it satisfies the pin, else the
/// highest installed match. What happens when that version is not installed is the caller's
/// `missing` policy: `.fail` (which, list) reports it; `.install` (a launch) installs it first
/// when a registry is configured (one line on stderr says so) unless FE_AUTO_INSTALL=0 — fe
/// never prompts, so a launch in CI or with stdin closed cannot block on a question.
public struct PinnedVersion {
  let context: FeContext
  let store: BlobStore
  let config: ProjectConfig

  public init(context: FeContext, store: BlobStore, config: ProjectConfig) {
    self.context = context
    self.store = store
    self.config = config
  }

  /// What to do when the version a pin resolves to is not installed.
  public enum Missing {
    /// Fail with the command that installs it.
    case fail
    /// Install it from the configured registry when allowed, else fail. A launch's: it also
    /// records the lock as seen (for `fe blobs prune`).
    case install
  }

  /// What a launch runs: the version, and the lock entry its installed source must match (checked
  /// against the manifest the launch reads anyway, see `check`), nil when nothing is left to check.
  public struct Resolved {
    public let version: String
    /// Whether the version is the one fe.lock names.
    public let locked: Bool
    let lock: (entry: Lockfile.Entry, path: String)?
  }

  public func resolve(tool: String, selector: VersionSelector, missing: Missing) throws -> Resolved {
    let lockPath = Lockfile.path(forConfig: config.path)
    if let lock = try Lockfile.read(lockPath) {
      // Cheap: a write at most once a day per lock, and never a wait for the store lock.
      if missing == .install { SeenLocks.recordIfDue(lockPath, in: store.layout) }
      if let entry = lock.entry(for: tool, satisfying: selector) {
        return try resolveLocked(tool, entry, lockPath, missing)
      }
    }
    do {
      let version = try ToolResolver(store: store).resolve(tool: tool, selector: selector, pinnedIn: config.path)
      return Resolved(version: version.description, locked: false, lock: nil)
    } catch let error as FeError where error.kind == .notInstalled && missing == .install {
      if let npm = config.npmSpec(for: tool) {
        guard context.options.autoInstallOff == nil else { throw error }
        context.err("fe: \(tool) is pinned as \(npm) in \(config.path) but not installed; installing it")
        let installed = try NpmTool(context: context, store: store).install(
          npm, bin: tool, offline: context.options.offline, projectDir: config.directory, pinnedIn: config.path)
        return Resolved(version: installed.blob.version, locked: false, lock: nil)
      }
      guard let installer = try autoInstaller(whyNot: { _ in }) else { throw error }
      announce("\(tool)@\(selector) is pinned in \(config.path) but not installed", installer)
      return Resolved(version: try installer.install(tool: tool, selector: selector).version, locked: false, lock: nil)
    }
  }

  /// The installed blob's source must be the one fe.lock locks.
  static func check(_ resolved: Resolved, tool: String, manifest: Manifest) throws {
    guard let (entry, lockPath) = resolved.lock, manifest.sourceSha256 != entry.sha256 else { return }
    throw FeError(
      .integrity,
      "\(tool)@\(entry.version) is installed with source sha256 \(manifest.sourceSha256.prefix(12))…, but \(lockPath) locks sha256 \(entry.sha256.prefix(12))…",
      hint:
        "if fe.lock was edited by mistake restore it; if the installed blob is the one you want, run `fe blobs install --update \(tool)`")
  }

  private func resolveLocked(_ tool: String, _ entry: Lockfile.Entry, _ lockPath: String, _ missing: Missing) throws -> Resolved {
    let spec = "\(tool)@\(entry.version)"
    if FileSystem.isDirectory(store.layout.blobDir(tool, entry.version)) {
      return Resolved(version: entry.version, locked: true, lock: (entry, lockPath))
    }
    if missing == .install, context.options.autoInstallOff == nil, let npm = config.npmSpec(for: tool) {
      // The locked version of the same package, then its source checked against the lock.
      let package = ProjectConfig.splitNpmSpec(npm)?.package ?? ""
      context.err("fe: \(spec) is locked in \(lockPath) but not installed; installing npm:\(package)@\(entry.version)")
      let installed = try NpmTool(context: context, store: store).install(
        "npm:\(package)@\(entry.version)", bin: tool, offline: context.options.offline, projectDir: config.directory, pinnedIn: config.path,
        locked: entry.packages.map { ($0, lockPath) })
      return Resolved(version: installed.blob.version, locked: true, lock: (entry, lockPath))
    }
    var reason = ""
    guard missing == .install, let installer = try autoInstaller(whyNot: { reason = $0 }) else {
      throw FeError(.notInstalled, "\(spec), locked in \(lockPath), is not installed", hint: "run `fe blobs install`\(reason)")
    }
    announce("\(spec) is locked in \(lockPath) but not installed", installer)
    _ = try installer.install(tool: tool, locked: entry.version, sourceSha256: entry.sha256, lockPath: lockPath)
    let hash = try FileSystem.read(store.layout.sourcePath(tool, entry.version)).map(SHA256.hex)
    guard hash == entry.sha256 else {
      throw FeError(
        .integrity, "\(spec) was installed but its source does not match \(lockPath)",
        hint: "run `fe blobs install` to see which hash differs")
    }
    return Resolved(version: entry.version, locked: true, lock: nil)
  }

  private func announce(_ what: String, _ installer: Installer) {
    context.err("fe: \(what); installing it from \(installer.registry?.location.description ?? "the registry")")
  }

  /// An installer when installing on launch is allowed and possible; else nil, with `whyNot`
  /// told what to add to the hint.
  private func autoInstaller(whyNot: (String) -> Void) throws -> Installer? {
    if let value = context.options.autoInstallOff {
      whyNot(" (FE_AUTO_INSTALL=\(value) turns off installing on launch)")
      return nil
    }
    if context.options.offline {
      whyNot(" when online (FE_OFFLINE is set)")
      return nil
    }
    guard try RegistrySetup.location(context, nil, config) != nil else {
      whyNot(" with a registry set (FE_REGISTRY or `registry` in fe.config.js)")
      return nil
    }
    return try RegistrySetup.installer(context, registry: nil, offline: false, config: config, quiet: true)
  }
}
