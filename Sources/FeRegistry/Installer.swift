import FeBasics
import FeSemver
import FeStore

/// A snapshot built on this machine from a tool's source, with its manifest.
public struct BuiltBlob {
  public var snapshot: [UInt8]
  public var manifest: Manifest

  public init(snapshot: [UInt8], manifest: Manifest) {
    self.snapshot = snapshot
    self.manifest = manifest
  }
}

/// Builds a blob from source with this fe's engine: (source, tool, version, origin, the staged
/// package image if it has one) → blob. Injected by the CLI, so the registry needs no engine
/// and its tests no V8.
public typealias SnapshotBuilder = (_ source: [UInt8], _ tool: String, _ version: String, _ origin: String, _ image: String?) throws
  -> BuiltBlob

/// Resolves `<tool>@<range>` against a registry and installs it: index → version → files
/// verified against the index → a prebuilt snapshot for this engine, or one built here → one
/// atomic `BlobStore.install`. Downloads land in the store's own `tmp/` (the staging area that
/// a later fe cleans up after a crash), never in `blobs/`.
public final class Installer {
  public let store: BlobStore
  public let registry: RegistryClient?
  public let engineId: String
  public let trustedKeys: [Ed25519Key]
  public let offline: Bool
  private let build: SnapshotBuilder
  private let acceptsSnapshot: (UnsafeRawBufferPointer) -> Bool
  /// Makes a progress bar for a download (label, total bytes), or nil for none.
  public var progress: (String, Int64) -> ProgressBar? = { _, _ in nil }
  /// One-line notes for the user (stderr), e.g. that a snapshot is being built here.
  public var note: (String) -> Void = { _ in }
  /// Whether this installer has said that it could not record an index serial (said once).
  private var warnedSerials = false

  /// What happened to one tool.
  public enum Outcome: Equatable {
    /// Downloaded and installed now; `prebuilt` when the registry's snapshot was used.
    case installed(version: String, prebuilt: Bool)
    /// That version was installed already: nothing was downloaded.
    case alreadyInstalled(version: String)

    public var version: String {
      switch self {
      case .installed(let v, _), .alreadyInstalled(let v): return v
      }
    }
  }

  /// `acceptsSnapshot` is V8's own check of a snapshot payload (a prebuilt one it rejects is rebuilt here).
  public init(
    store: BlobStore, registry: RegistryClient?, engineId: String, trustedKeys: [Ed25519Key], offline: Bool,
    build: @escaping SnapshotBuilder, acceptsSnapshot: @escaping (UnsafeRawBufferPointer) -> Bool = { _ in true }
  ) {
    self.store = store
    self.registry = registry
    self.engineId = engineId
    self.trustedKeys = trustedKeys
    self.offline = offline
    self.build = build
    self.acceptsSnapshot = acceptsSnapshot
  }

  /// Installs exactly `version` of `tool`, as the lock file at `lockPath` pins it, refusing
  /// before any download when the registry publishes a source whose sha256 is not
  /// `sourceSha256`. Installed already with that source, the registry is not contacted at all.
  /// Without a registry (or offline) the version must be installed already; the caller checks
  /// the installed source against the lock.
  public func install(tool: String, locked version: String, sourceSha256: String, lockPath: String) throws -> Outcome {
    let exact: VersionSelector
    do { exact = try VersionSelector(parsing: version) } catch {
      throw FeError(
        .config, "\(lockPath) locks \(tool) at \"\(version)\", which is not a version",
        hint: "fix it, or run `fe blobs install --update \(tool)`")
    }
    // Installed with the locked source already: nothing to download, so the registry is not
    // asked (CI with a warm FE_HOME passes with the registry unreachable). The caller re-hashes
    // the installed source against the lock.
    try Names.validateTool(tool)
    if Names.isValidVersion(version), let manifest = try? store.manifest(tool: tool, version: version),
      manifest.sourceSha256 == sourceSha256,
      FileSystem.isFile(store.layout.sourcePath(tool, version)),
      !manifest.hasSnapshot || FileSystem.isFile(store.layout.snapshotPath(tool, version))
    {
      tidy()
      return .alreadyInstalled(version: version)
    }
    return try install(tool: tool, selector: exact, locked: (sourceSha256, lockPath))
  }

  /// Installs the version of `tool` that `selector` picks from the registry (offline: checks
  /// that an installed one matches).
  public func install(tool: String, selector: VersionSelector) throws -> Outcome {
    try install(tool: tool, selector: selector, locked: nil)
  }

  private func install(tool: String, selector: VersionSelector, locked: (sha256: String, path: String)?) throws -> Outcome {
    try Names.validateTool(tool)
    if offline { return .alreadyInstalled(version: try installedMatch(tool, selector, why: "fe is offline")) }
    guard let registry else {
      return .alreadyInstalled(version: try installedMatch(tool, selector, why: "no registry is configured"))
    }
    guard let (index, origin) = try registry.index(of: tool, trusted: trustedKeys) else {
      throw FeError(
        .notInstalled, "the registry \(registry.location) has no tool named \(tool) (no \(tool)/index.json)",
        hint: "check the tool's name and the registry (--registry, FE_REGISTRY or `registry` in fe.config.js)")
    }
    if !trustedKeys.isEmpty { try checkSerial(index, tool: tool, origin: origin, registry: registry) }
    guard let version = index.resolve(selector), let release = index.versions[version] else {
      let published = index.sortedVersions
      throw FeError(
        .notInstalled,
        "no version of \(tool) in \(origin) matches \(selector)\(locked.map { " (locked in \($0.path))" } ?? ""); published: \(published.isEmpty ? "none" : published.joined(separator: ", "))",
        hint: published.last.map { "pick a published version, e.g. `fe blobs install \(tool)@\($0)`" } ?? "publish a version first")
    }
    if let locked, release.sourceSha256 != locked.sha256 {
      throw FeError(
        .integrity,
        "\(locked.path) locks \(tool)@\(version) with source sha256 \(locked.sha256.prefix(12))…, but \(origin) publishes \(release.sourceSha256.prefix(12))…",
        hint:
          "nothing was installed; if fe.lock was edited by mistake restore it, if the new source is expected run `fe blobs install --update \(tool)`"
      )
    }
    if try isInstalled(tool, version, sourceSha256: release.sourceSha256) {
      tidy()
      return .alreadyInstalled(version: version)
    }
    let prebuilt = try download(tool, version, release)
    return .installed(version: version, prebuilt: prebuilt)
  }

  /// Installs every blob in a pack written by `fe blobs pack`, with no network: its snapshot
  /// when it was built by this engine (and V8 accepts it), else one built here from its source.
  public func install(pack path: String) throws -> [(tool: String, outcome: Outcome)] {
    var results: [(tool: String, outcome: Outcome)] = []
    try store.layout.ensure()
    try BlobPack.read(path) { entry in
      let m = entry.manifest
      let spec = "\(m.name)@\(m.version)"
      if try isInstalled(m.name, m.version, sourceSha256: m.sourceSha256) {
        results.append((m.name, .alreadyInstalled(version: m.version)))
        return
      }
      if let image = entry.image {
        results.append((m.name, try installWithImage(entry, image, from: path)))
        return
      }
      if m.engineId == engineId, let snapshot = entry.snapshot, accepts(snapshot) {
        try store.install(tool: m.name, version: m.version, source: entry.source, snapshot: snapshot, manifest: m, replace: false)
        results.append((m.name, .installed(version: m.version, prebuilt: true)))
      } else {
        note("fe: \(spec) in the pack was built by engine \(m.engineId ?? "(none)"); building it for this one")
        let built = try build(entry.source, m.name, m.version, m.origin ?? path, nil)
        try store.install(
          tool: m.name, version: m.version, source: entry.source, snapshot: built.snapshot, manifest: built.manifest,
          replace: false)
        results.append((m.name, .installed(version: m.version, prebuilt: false)))
      }
    }
    return results
  }

  /// An npm tool from a pack: its image unpacked in the store's tmp/ and checked against the
  /// manifest's digest, then the snapshot built here, since it names the bin's path in the image,
  /// which is this store's now.
  private func installWithImage(_ entry: BlobPack.Entry, _ image: [UInt8], from path: String) throws -> Outcome {
    let m = entry.manifest
    let spec = "\(m.name)@\(m.version)"
    guard let rel = ImageArchive.entryInImage(origin: m.origin, tool: m.name, version: m.version) else {
      throw FeError(
        .integrity, "\(spec) in \(path) has a package image but its entry (\(m.origin ?? "none")) is not in it",
        hint: "write the pack again with `fe blobs pack`")
    }
    let staging = try Staging.create(in: store.layout)
    defer { try? FileSystem.removeTree(staging) }
    try installImage(
      archive: image, digest: m.imageSha256 ?? "", entry: rel, native: m.native, source: entry.source, tool: m.name,
      version: m.version, staging: staging, label: "\(path) (\(spec))", fix: "the pack is damaged: write it again with `fe blobs pack`")
    return .installed(version: m.version, prebuilt: false)
  }

  // MARK: Steps

  /// Rollback and freeze protection for a signed index (IndexSerials): refuses an older or
  /// expired one, and records a newer serial. A record that cannot be written does not fail
  /// the install; it is said once on stderr.
  private func checkSerial(_ index: RegistryIndex, tool: String, origin: String, registry: RegistryClient) throws {
    let name = registry.location.description
    try IndexSerials.check(index, tool: tool, registry: name, origin: origin, layout: store.layout)
    guard let serial = index.serial else { return }
    do {
      try IndexSerials.record(serial, registry: name, tool: tool, layout: store.layout)
    } catch {
      guard !warnedSerials else { return }
      warnedSerials = true
      let why = (error as? FeError)?.message ?? "\(error)"
      note(
        "fe: warning: cannot record the index serial in \(store.layout.registrySerialsPath) (\(why)); rollback protection will not remember this index"
      )
    }
  }

  /// Whether V8 accepts the snapshot inside `blob` (fe's header + payload), checked in place.
  private func accepts(_ blob: [UInt8]) -> Bool {
    guard blob.count > BlobFile.headerSize else { return false }
    return blob.withUnsafeBytes { acceptsSnapshot(UnsafeRawBufferPointer(rebasing: $0[BlobFile.headerSize...])) }
  }

  /// Removes what crashed installs left in tmp/ even when nothing is written now: taking the
  /// store lock does that (Staging.cleanStale). Skipped when another process holds the lock.
  private func tidy() {
    guard FileSystem.isDirectory(store.layout.tmpDir), !FileSystem.listDirectory(store.layout.tmpDir).isEmpty else { return }
    if let lock = try? StoreLock(layout: store.layout, timeout: 0) { lock.release() }
  }

  /// Whether `tool@version` is installed from the same source the registry lists. Installed
  /// from a different source is an error: one version has one source.
  private func isInstalled(_ tool: String, _ version: String, sourceSha256: String) throws -> Bool {
    guard let manifest = try? store.manifest(tool: tool, version: version) else { return false }
    guard manifest.sourceSha256 == sourceSha256 else {
      throw FeError(
        .integrity,
        "\(tool)@\(version) is installed from a different source (sha256 \(manifest.sourceSha256.prefix(12))…) than the registry publishes (\(sourceSha256.prefix(12))…)",
        hint: "one version should have one source: run `fe blobs remove \(tool)@\(version)` and install it again")
    }
    return FileSystem.isFile(store.layout.sourcePath(tool, version))
      && (!manifest.hasSnapshot || FileSystem.isFile(store.layout.snapshotPath(tool, version)))
  }

  /// Downloads, verifies and installs; returns whether the registry's prebuilt snapshot was used.
  private func download(_ tool: String, _ version: String, _ release: RegistryIndex.Release) throws -> Bool {
    guard let registry else { return false }
    try Names.validateVersion(version)
    let layout = store.layout
    try layout.ensure()
    // Staged in the store's tmp/ under this process's id: removed below on every path, and by
    // the next writer if this process dies (Staging.cleanStale).
    let staging = try Staging.create(in: layout)
    defer { try? FileSystem.removeTree(staging) }
    let spec = "\(tool)@\(version)"
    let origin = registry.location.locate(tool: tool, release.source)

    let packed = try fetch(
      registry, tool, release.source, release.sha256, release.size, Path.join(staging, "source.js.zst"), "\(spec) source")
    let source = try Unpack.zstd(packed, size: Int(release.sourceSize), origin: origin)
    guard SHA256.hex(source) == release.sourceSha256 else {
      throw FeError(
        .integrity, "\(origin) does not unpack to the source its index lists (sha256 \(release.sourceSha256.prefix(12))…)",
        hint: "nothing was installed; the registry's index and files disagree: tell its maintainers")
    }

    if let image = release.image {
      try installImage(image, tool, version, source, registry, staging)
      return false
    }
    if let prebuilt = release.snapshots[engineId] {
      let path = Path.join(staging, "snapshot.blob.zst")
      let packedBlob = try fetch(registry, tool, prebuilt.path, prebuilt.sha256, prebuilt.size, path, "\(spec) snapshot")
      let blobOrigin = registry.location.locate(tool: tool, prebuilt.path)
      let snapshot = try Unpack.zstd(packedBlob, size: Int(prebuilt.blobSize), origin: blobOrigin)
      guard SHA256.hex(snapshot) == prebuilt.blobSha256 else {
        throw FeError(
          .integrity, "\(blobOrigin) does not unpack to the snapshot its index lists",
          hint: "nothing was installed; the registry's index and files disagree: tell its maintainers")
      }
      // RegistryIndex admits only known kinds, so the kind always parses.
      if accepts(snapshot), let kind = ToolKind(rawValue: prebuilt.kind) {
        // Both hashes were just checked against the index: no need to compute them again.
        let manifest = Manifest(
          name: tool, version: version, kind: kind, sourceSha256: release.sourceSha256,
          snapshotSha256: prebuilt.blobSha256, snapshotSize: snapshot.count, engineId: engineId, origin: origin)
        try store.install(tool: tool, version: version, source: source, snapshot: snapshot, manifest: manifest, replace: false)
        return true
      }
      note("fe: the registry's snapshot of \(spec) is not usable by this V8; building it here")
    }
    let built = try build(source, tool, version, origin, nil)
    try store.install(tool: tool, version: version, source: source, snapshot: built.snapshot, manifest: built.manifest, replace: false)
    return false
  }

  /// An npm tool's release: its package image fetched and checked against the index (the
  /// packed file, then the archive), then installed as from a pack.
  private func installImage(
    _ image: RegistryIndex.Image, _ tool: String, _ version: String, _ source: [UInt8], _ registry: RegistryClient,
    _ staging: String
  ) throws {
    let spec = "\(tool)@\(version)"
    let origin = registry.location.locate(tool: tool, image.path)
    let packed = try fetch(registry, tool, image.path, image.sha256, image.size, Path.join(staging, "image.zst"), "\(spec) image")
    let archive = try Unpack.zstd(packed, size: Int(image.archiveSize), origin: origin)
    let fix = "nothing was installed; the registry's index and files disagree: tell its maintainers"
    guard SHA256.hex(archive) == image.archiveSha256 else {
      throw FeError(.integrity, "\(origin) does not unpack to the image its index lists", hint: fix)
    }
    try installImage(
      archive: archive, digest: image.digest, entry: image.entry, native: image.native, source: source, tool: tool,
      version: version, staging: staging, label: origin, fix: fix)
  }

  /// A package image `archive` unpacked in `staging` and checked against `digest` (and for its
  /// `entry`), then the snapshot built here, since it names the entry's path in this store.
  /// It may come from another machine: its `native` executable is kept only when it runs here
  /// (else the tool's JS launcher runs, and says itself that its platform package is missing).
  private func installImage(
    archive: [UInt8], digest: String, entry: String, native: NativeExecutable?, source: [UInt8], tool: String,
    version: String, staging: String, label: String, fix: String
  ) throws {
    let dir = Path.join(staging, StoreLayout.imageDir)
    try ImageArchive.decode(archive, into: dir, label: label)
    guard try ImageDigest.compute(dir) == digest else {
      throw FeError(.integrity, "the package image of \(tool)@\(version) in \(label) does not match its digest", hint: fix)
    }
    guard FileSystem.isFile(Path.join(dir, entry)) else {
      throw FeError(.integrity, "the package image of \(tool)@\(version) in \(label) lacks its entry \(entry)", hint: fix)
    }
    let built = try build(source, tool, version, Path.join(store.layout.blobDir(tool, version), StoreLayout.imageDir, entry), dir)
    var manifest = built.manifest
    manifest.imageSha256 = digest
    if let native, native.isConfined, NativeExecutable.isNative(Path.join(dir, native.path)) {
      manifest.native = native
    } else if let native {
      note("fe: \(tool)@\(version)'s native executable \(native.path) does not run on this machine; its JS launcher will run instead")
    }
    try store.install(tool: tool, version: version, source: source, snapshot: built.snapshot, manifest: manifest, replace: false, image: dir)
  }

  private func fetch(
    _ registry: RegistryClient, _ tool: String, _ path: String, _ sha256: String, _ size: Int64, _ staging: String,
    _ label: String
  ) throws -> [UInt8] {
    let bar: ProgressBar?
    if case .http = registry.location { bar = progress(label, size) } else { bar = nil }
    defer { bar?.finish() }
    return try registry.file(
      tool: tool, path: path, sha256: sha256, size: size, staging: staging, progress: bar.map { b in { b.update($0) } })
  }

  /// The highest installed version matching `selector`, for when the registry cannot be asked.
  private func installedMatch(_ tool: String, _ selector: VersionSelector, why: String) throws -> String {
    let installed = store.versions(of: tool).compactMap { try? Version(parsing: $0) }
    let match: Version?
    switch selector {
    case .range(let range): match = range.highest(in: installed)
    case .tag(let tag): match = tag == "latest" ? installed.filter { !$0.isPrerelease }.max() : nil
    }
    if let match { return match.description }
    let have = installed.isEmpty ? "none" : installed.sorted().map(\.description).joined(separator: ", ")
    throw FeError(
      .notInstalled, "\(why), and no installed version of \(tool) matches \(selector) (installed: \(have))",
      hint: offline
        ? "connect and run without --offline (or FE_OFFLINE), or install from a pack: `fe blobs install --from <file>`"
        : "set a registry (--registry, FE_REGISTRY or `registry` in fe.config.js), or install a local bundle with `fe blobs install <path>`"
    )
  }
}
