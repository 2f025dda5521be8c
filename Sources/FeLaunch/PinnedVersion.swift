import FeBasics
import FeConfig
import FeRegistry
import FeSemver
import FeStore

/// The version a launch runs for a tool the project pins: the one fe.lock names while it
/// satisfies the pin, else the highest installed match. A missing version is installed first
/// when a registry is configured (one line on stderr says so) unless FE_AUTO_INSTALL=0; fe
/// never prompts, so a launch in CI or with stdin closed cannot block on a question.
struct PinnedVersion {
  let context: FeContext
  let store: BlobStore
  let config: ProjectConfig

  /// What a launch runs: the version, and the lock entry its installed source must match (checked
  /// against the manifest the launch reads anyway, see `check`), nil when nothing is left to check.
  struct Resolved {
    let version: String
    let lock: (entry: Lockfile.Entry, path: String)?
  }

  func resolve(tool: String, selector: VersionSelector) throws -> Resolved {
    let lockPath = Lockfile.path(forConfig: config.path)
    if let lock = try Lockfile.read(lockPath) {
      // Cheap: a write at most once a day per lock, and never a wait for the store lock.
      SeenLocks.recordIfDue(lockPath, in: store.layout)
      if let entry = lock.entry(for: tool, satisfying: selector) {
        return try runLocked(tool, entry, lockPath)
      }
    }
    do {
      return Resolved(version: try ToolResolver(store: store).resolve(tool: tool, selector: selector, pinnedIn: config.path).description, lock: nil)
    } catch let error as FeError where error.kind == .notInstalled {
      guard let installer = try autoInstaller(whyNot: { _ in }) else { throw error }
      announce("\(tool)@\(selector) is pinned in \(config.path) but not installed", installer)
      return Resolved(version: try installer.install(tool: tool, selector: selector).version, lock: nil)
    }
  }

  /// The installed blob's source must be the one fe.lock locks.
  static func check(_ resolved: Resolved, tool: String, manifest: Manifest) throws {
    guard let (entry, lockPath) = resolved.lock, manifest.sourceSha256 != entry.sha256 else { return }
    throw FeError(
      .integrity,
      "\(tool)@\(entry.version) is installed with source sha256 \(manifest.sourceSha256.prefix(12))…, but \(lockPath) locks sha256 \(entry.sha256.prefix(12))…",
      hint: "if fe.lock was edited by mistake restore it; if the installed blob is the one you want, run `fe blobs install --update \(tool)`")
  }

  private func runLocked(_ tool: String, _ entry: Lockfile.Entry, _ lockPath: String) throws -> Resolved {
    let spec = "\(tool)@\(entry.version)"
    if FileSystem.isDirectory(store.layout.blobDir(tool, entry.version)) {
      return Resolved(version: entry.version, lock: (entry, lockPath))
    }
    var reason = ""
    guard let installer = try autoInstaller(whyNot: { reason = $0 }) else {
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
    return Resolved(version: entry.version, lock: nil)
  }

  private func announce(_ what: String, _ installer: Installer) {
    context.err("fe: \(what); installing it from \(installer.registry?.location.description ?? "the registry")")
  }

  /// An installer when installing on launch is allowed and possible; else nil, with `whyNot`
  /// told what to add to the hint.
  private func autoInstaller(whyNot: (String) -> Void) throws -> Installer? {
    if let value = context.env["FE_AUTO_INSTALL"], !value.isEmpty, !Environment.isTruthy(value) {
      whyNot(" (FE_AUTO_INSTALL=\(value) turns off installing on launch)")
      return nil
    }
    if Environment.isTruthy(context.env["FE_OFFLINE"]) {
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
