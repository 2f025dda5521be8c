import FeBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The blobs under `$FE_HOME/blobs`: listing, reading, and atomic install, replace and remove.
///
/// Readers take no lock: a blob directory only ever appears or disappears by one rename, so a
/// reader sees a complete blob or none. Writers take `StoreLock`, stage under `tmp/`, verify,
/// and rename. A crash at any point leaves the old state or the new one, plus a `tmp/` leftover
/// the next writer removes.
public final class BlobStore: Sendable {
  /// Where the store lives.
  public let layout: StoreLayout
  /// Lock timeout in seconds for writers (nil: wait as long as it takes).
  public let lockTimeout: Double?
  /// Called once when a writer has to wait for another process's lock.
  public let onLockWait: (@Sendable () -> Void)?

  /// A store at `layout`; nothing is created until the first write.
  public init(layout: StoreLayout, lockTimeout: Double? = nil, onLockWait: (@Sendable () -> Void)? = nil) {
    self.layout = layout
    self.lockTimeout = lockTimeout
    self.onLockWait = onLockWait
  }

  // MARK: Reading

  /// Every blob directory, sorted by tool, then by semver precedence.
  public func installed() -> [InstalledBlob] {
    var out: [InstalledBlob] = []
    for tool in FileSystem.listDirectory(layout.blobsDir) where Names.isValidTool(tool) {
      for version in versions(of: tool) {
        out.append(blob(tool, version))
      }
    }
    return out
  }

  /// The installed versions of `tool`, lowest first (empty for an unknown or invalid name). A
  /// stray file named like a version counts: it is a corrupt blob (`manifest` says so) that
  /// `list` and `verify` show and `remove` deletes.
  public func versions(of tool: String) -> [String] {
    guard Names.isValidTool(tool) else { return [] }
    return FileSystem.listDirectory(layout.toolDir(tool)).filter { Names.isValidVersion($0) }.sorted(by: VersionOrder.less)
  }

  /// Whether anything (a blob directory, or a stray file) is at `path`, not following symlinks.
  static func entryExists(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0
  }

  /// The blob's manifest; nil when the blob is not installed, an integrity error when it is
  /// malformed or missing, or when something other than a directory is at the blob's path.
  public func manifest(tool: String, version: String) throws -> Manifest? {
    try Names.validateTool(tool)
    try Names.validateVersion(version)
    let dir = layout.blobDir(tool, version)
    guard FileSystem.isDirectory(dir) else {
      var st = stat()
      guard lstat(dir, &st) == 0 else { return nil }
      throw FeError(
        .integrity, "\(tool)@\(version) is corrupt: \(dir) is \(StoreFile.kind(st.st_mode)), not a blob directory",
        hint: BlobRepair.reinstallHint(tool: tool, version: version))
    }
    let path = layout.manifestPath(tool, version)
    guard let manifest = try Manifest.read(path, tool: tool, version: version) else {
      throw Manifest.malformed(path, "the file is missing", tool: tool, version: version)
    }
    guard manifest.name == tool, manifest.version == version else {
      throw Manifest.malformed(
        path, "it describes \(manifest.name)@\(manifest.version)", tool: tool, version: version)
    }
    return manifest
  }

  /// The listing entry for one installed blob, nil when it is not installed.
  public func blob(tool: String, version: String) throws -> InstalledBlob? {
    try Names.validateTool(tool)
    try Names.validateVersion(version)
    guard Self.entryExists(layout.blobDir(tool, version)) else { return nil }
    return blob(tool, version)
  }

  private func blob(_ tool: String, _ version: String) -> InstalledBlob {
    let dir = layout.blobDir(tool, version)
    return InstalledBlob(
      tool: tool, version: version, path: dir, manifest: try? manifest(tool: tool, version: version),
      diskSize: FileSystem.treeSize(dir))
  }

  // MARK: Writing

  /// Installs a blob atomically. `snapshot` is the encoded `snapshot.bin` (header included); nil
  /// for a package image whose snapshot is built after the install (SnapshotJobs).
  /// If it is already installed: with `replace` it is swapped for the new one; without, the
  /// existing blob is returned when its source matches, and an error explains when it does not.
  /// A blob with a missing or malformed manifest is always replaced (that is the repair).
  @discardableResult
  public func install(
    tool: String, version: String, source: [UInt8], snapshot: [UInt8]?, manifest: Manifest, replace: Bool,
    image: String? = nil
  ) throws -> InstalledBlob {
    try Names.validateTool(tool)
    try Names.validateVersion(version)
    try check(manifest, tool: tool, version: version, source: source, snapshot: snapshot)
    try layout.ensure()
    let lock = try StoreLock(layout: layout, timeout: lockTimeout, onWait: onLockWait)
    defer { lock.release() }

    let dest = layout.blobDir(tool, version)
    // A stray file at the blob's path is replaced like a damaged blob.
    let exists = Self.entryExists(dest)
    if exists && !replace, let current = try? self.manifest(tool: tool, version: version),
      StoreFile.isRegular(layout.sourcePath(tool, version)),
      !current.hasSnapshot || StoreFile.isRegular(layout.snapshotPath(tool, version))
    {
      guard current.sourceSha256 == manifest.sourceSha256 else {
        throw FeError(
          .integrity,
          "\(tool)@\(version) is already installed from a different source "
            + "(sha256 \(current.sourceSha256.prefix(12))…, this one \(manifest.sourceSha256.prefix(12))…)",
          hint: "one version should have one source: run `fe blobs remove \(tool)@\(version)` first to replace it")
      }
      return blob(tool, version)
    }

    let staging = try Staging.create(in: layout)
    do {
      try Staging.writeNewFile(Path.join(staging, StoreLayout.sourceFile), source)
      if let snapshot { try Staging.writeNewFile(Path.join(staging, StoreLayout.snapshotFile), snapshot) }
      try Staging.writeNewFile(Path.join(staging, StoreLayout.manifestFile), manifest.encoded())
      if let image {
        // A package image (an npm tool's installed tree), staged by the caller in this store's
        // tmp/, so this is a rename on the same file system.
        guard rename(image, Path.join(staging, StoreLayout.imageDir)) == 0 else {
          throw FileSystem.ioError("cannot move \(image) into the blob")
        }
        try FileSystem.makeContentsReadOnly(Path.join(staging, StoreLayout.imageDir))
      }
      try verifyStaged(staging, manifest)
      Staging.syncDirectory(staging)
      if !FileSystem.isDirectory(layout.toolDir(tool)) {
        try FileSystem.createDirectory(layout.toolDir(tool))
        Staging.syncDirectory(layout.blobsDir)
      }
      try publish(staging, at: dest, replacing: exists)
    } catch {
      try? FileSystem.removeTree(staging)
      throw error
    }
    return blob(tool, version)
  }

  /// Replaces an installed blob's snapshot and manifest in one step (a rebuild for a new engine);
  /// the stored source is kept and must match `manifest.sourceSha256`.
  public func replaceSnapshot(tool: String, version: String, snapshot: [UInt8], manifest: Manifest) throws {
    try Names.validateTool(tool)
    try Names.validateVersion(version)
    // A rebuilt snapshot keeps the blob's package image, and so its digest.
    var manifest = manifest
    if manifest.imageSha256 == nil {
      let current = try? self.manifest(tool: tool, version: version)
      manifest.imageSha256 = current?.imageSha256
      manifest.native = manifest.native ?? current?.native
    }
    try layout.ensure()
    let lock = try StoreLock(layout: layout, timeout: lockTimeout, onWait: onLockWait)
    defer { lock.release() }

    let dest = layout.blobDir(tool, version)
    guard FileSystem.isDirectory(dest) else { throw notInstalled(tool, version) }
    let sourcePath = layout.sourcePath(tool, version)
    let source: [UInt8]
    do {
      source = try StoreFile.read(sourcePath)
    } catch {
      if case .unreadable(let code) = error { throw FileSystem.ioError("cannot read \(sourcePath)", code: code) }
      let current = try? self.manifest(tool: tool, version: version)
      throw FeError(
        .integrity, error.describe(sourcePath),
        hint: "run `\(BlobRepair.command(tool: tool, version: version, manifest: current, sourceIntact: false))`")
    }
    try check(manifest, tool: tool, version: version, source: source, snapshot: snapshot)

    let staging = try Staging.create(in: layout)
    let oldImage = Path.join(dest, StoreLayout.imageDir)
    let stagedImage = Path.join(staging, StoreLayout.imageDir)
    do {
      let stagedSource = Path.join(staging, StoreLayout.sourceFile)
      // A hard link shares the (immutable) source instead of copying it; copy where links are not allowed.
      if link(sourcePath, stagedSource) != 0 { try Staging.writeNewFile(stagedSource, source) }
      try Staging.writeNewFile(Path.join(staging, StoreLayout.snapshotFile), snapshot)
      try Staging.writeNewFile(Path.join(staging, StoreLayout.manifestFile), manifest.encoded())
      // A package image moves with the blob (under the store lock); back again if this fails.
      if FileSystem.isDirectory(oldImage) {
        guard rename(oldImage, stagedImage) == 0 else { throw FileSystem.ioError("cannot move \(oldImage)") }
      }
      try verifyStaged(staging, manifest)
      Staging.syncDirectory(staging)
      try publish(staging, at: dest, replacing: true)
    } catch {
      if FileSystem.isDirectory(stagedImage) { rename(stagedImage, oldImage) }
      try? FileSystem.removeTree(staging)
      throw error
    }
  }

  /// Removes an installed blob: renamed into `tmp/` first, so no reader sees it half-deleted.
  public func remove(tool: String, version: String) throws {
    try Names.validateTool(tool)
    try Names.validateVersion(version)
    try layout.ensure()
    let lock = try StoreLock(layout: layout, timeout: lockTimeout, onWait: onLockWait)
    defer { lock.release() }

    let dest = layout.blobDir(tool, version)
    guard Self.entryExists(dest) else { throw notInstalled(tool, version) }
    let aside = try Staging.create(in: layout)
    // Into a fresh staging directory in one rename, whether it is a blob or a stray file.
    try AtomicRename.move(dest, Path.join(aside, "old"))
    Staging.syncDirectory(layout.toolDir(tool))
    try FileSystem.removeTree(aside)
    // Drop the tool's directory once its last version is gone; ENOTEMPTY just means others remain.
    _ = rmdir(layout.toolDir(tool))
  }

  // MARK: Steps

  /// Moves a complete staging dir to `dest`: one atomic swap where possible, else the old blob goes aside first.
  private func publish(_ staging: String, at dest: String, replacing: Bool) throws {
    if replacing {
      if try AtomicRename.exchange(staging, dest) {
        // `staging` now holds the old blob.
        Staging.syncDirectory(Path.dirname(dest))
        try? FileSystem.removeTree(staging)
        return
      }
      let aside = try Staging.create(in: layout)
      try AtomicRename.move(dest, Path.join(aside, "old"))
      try AtomicRename.move(staging, dest)
      Staging.syncDirectory(Path.dirname(dest))
      try? FileSystem.removeTree(aside)
      return
    }
    try AtomicRename.move(staging, dest)
    Staging.syncDirectory(Path.dirname(dest))
  }

  /// The manifest must describe this blob and the bytes about to be written.
  private func check(_ manifest: Manifest, tool: String, version: String, source: [UInt8], snapshot: [UInt8]?) throws {
    func fail(_ what: String) -> FeError {
      FeError(.integrity, "cannot install \(tool)@\(version): \(what)", hint: "rebuild the blob, or download it again")
    }
    if let problem = manifest.problem() { throw fail("its manifest is invalid (\(problem))") }
    guard manifest.name == tool, manifest.version == version else {
      throw fail("its manifest describes \(manifest.name)@\(manifest.version)")
    }
    guard SHA256.hex(source) == manifest.sourceSha256 else { throw fail("the source does not match its sha256") }
    guard snapshot?.count == manifest.snapshotSize, snapshot.map({ SHA256.hex($0) }) == manifest.snapshotSha256 else {
      throw fail("the snapshot does not match its sha256 and size")
    }
  }

  /// Reads back what was written: hashes match the manifest and the snapshot header is valid for its engine.
  private func verifyStaged(_ staging: String, _ manifest: Manifest) throws {
    let sourcePath = Path.join(staging, StoreLayout.sourceFile)
    let snapshotPath = Path.join(staging, StoreLayout.snapshotFile)
    let writtenSource = try FileSystem.read(sourcePath) ?? []
    let writtenSnapshot = try FileSystem.read(snapshotPath)
    guard SHA256.hex(writtenSource) == manifest.sourceSha256,
      writtenSnapshot.map({ SHA256.hex($0) }) == manifest.snapshotSha256
    else {
      throw FeError(
        .integrity, "the files written to \(staging) do not match their manifest",
        hint: "the disk may be failing; check it and try again")
    }
    guard manifest.hasSnapshot else { return }
    do {
      _ = try MappedBlob(
        path: snapshotPath, expectedEngineId: manifest.engineId, expectedIdentity: manifest.identity, verification: .full)
    } catch {
      let spec = "\(manifest.name)@\(manifest.version)"
      throw FeError(
        .integrity, "cannot install \(spec): \(error.feError(repair: "fe blobs install").message)",
        hint: "rebuild the blob, or download it again")
    }
  }

  private func notInstalled(_ tool: String, _ version: String) -> FeError {
    FeError(
      .notInstalled, "\(tool)@\(version) is not installed",
      hint: "`fe blobs list` shows the installed blobs")
  }
}
