import FeBasics
import FeStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a tool version into a registry directory: `<tool>/<version>/source.js.zst`, an
/// optional `<tool>/<version>/<engine-id>.blob.zst`, and `<tool>/index.json` (plus its
/// signature) updated last and atomically, so a reader sees the old index or the new one, and
/// every file the index names is already in place.
public struct Publisher {
  /// The registry directory.
  public let root: String

  public init(root: String) {
    self.root = root
  }

  /// A prebuilt snapshot to publish beside the source.
  public struct Snapshot {
    public var engineId: String
    /// snapshot.bin's bytes (fe's header + the V8 snapshot).
    public var blob: [UInt8]
    public var kind: String

    public init(engineId: String, blob: [UInt8], kind: String) {
      self.engineId = engineId
      self.blob = blob
      self.kind = kind
    }
  }

  /// An npm tool's package image to publish with its source (its bin's entry file).
  public struct Image {
    /// `ImageArchive.encode` of the image directory.
    public var archive: [UInt8]
    /// `ImageDigest` of the directory (the manifest's `imageSha256`).
    public var digest: String
    /// The entry file, relative to the image.
    public var entry: String
    public var native: NativeExecutable?

    public init(archive: [UInt8], digest: String, entry: String, native: NativeExecutable?) {
      self.archive = archive
      self.digest = digest
      self.entry = entry
      self.native = native
    }
  }

  /// What publishing did.
  public struct Result: Equatable {
    /// False when this exact version and content were already published (a no-op).
    public var changed: Bool
    public var sourceSize: Int64
    public var addedSnapshot: Bool
    /// What `latest` points at afterwards.
    public var latest: String?
    /// The index's serial and expiry afterwards.
    public var serial: Int? = nil
    public var expires: String? = nil
  }

  /// How long a written index stays valid when the publisher does not say (`--expires`).
  public static let defaultExpiryDays = 365

  /// Publishes `source` as `tool@version`. The same content again is a no-op (a snapshot not
  /// yet published for this engine is added); different content under a published version is
  /// refused. `signingKeys` (Ed25519 private keys) sign the new index, one signature line each.
  /// Every change to the index increments its `serial` and sets `expires` to `expiresInDays`
  /// (default 365) from `now`; `expiresInDays` given renews the index even when nothing else changed.
  @discardableResult
  public func publish(
    tool: String, version: String, source: [UInt8], snapshot: Snapshot?, image: Image? = nil, signingKeys: [Ed25519Key],
    expiresInDays: Int? = nil, now: time_t = time(nil)
  ) throws -> Result {
    try Names.validateTool(tool)
    try Names.validateVersion(version)
    if image != nil && snapshot != nil {
      throw FeError(
        .usage, "a snapshot cannot be published with a package image: it names paths in this store",
        hint: "publish without --with-snapshot; each install builds its own snapshot")
    }
    if let snapshot, !RegistryIndex.isSafeEngineId(snapshot.engineId) {
      throw FeError(.internalError, "engine id \"\(snapshot.engineId)\" cannot name a file", hint: "this is a bug in fe; please report it")
    }
    let toolDir = Path.join(root, tool)
    try FileSystem.createDirectory(toolDir)
    // One publisher at a time per tool: the index is read, changed and written back.
    let lock = try DirectoryLock(Path.join(toolDir, ".lock"))
    defer { lock.release() }

    let indexPath = Path.join(toolDir, "index.json")
    let sigPath = Path.join(toolDir, IndexSignature.fileName)
    let oldBytes = try FileSystem.read(indexPath)
    var index = try oldBytes.map { try RegistryIndex.decode($0, tool: tool, origin: indexPath) } ?? RegistryIndex(name: tool)
    let oldSignature = try FileSystem.read(sigPath)
    // Files to write before the index names them; nothing is written until all is decided.
    var files: [(path: String, bytes: [UInt8])] = []

    let sourceSha = SHA256.hex(source)
    var release: RegistryIndex.Release
    var changed = false
    if let existing = index.versions[version] {
      guard existing.sourceSha256 == sourceSha, existing.image?.digest == image?.digest else {
        throw FeError(
          .integrity,
          "\(tool)@\(version) is already published in \(root) with different content (sha256 \(existing.sourceSha256.prefix(12))…, this one \(sourceSha.prefix(12))…)",
          hint: "a published version never changes: publish this as a new version")
      }
      release = existing
    } else {
      let packed = try Zstd.compress(source)
      let relative = "\(version)/source.js.zst"
      files.append((Path.join(toolDir, relative), packed))
      release = RegistryIndex.Release(
        source: relative, sha256: SHA256.hex(packed), size: Int64(packed.count), sourceSha256: sourceSha,
        sourceSize: Int64(source.count), published: Manifest.timestamp())
      if let image {
        // Level 9: a package image is tens of megabytes, and 19 would take minutes for little gain.
        let packedImage = try Zstd.compress(image.archive, level: 9)
        let imagePath = "\(version)/image.zst"
        files.append((Path.join(toolDir, imagePath), packedImage))
        release.image = RegistryIndex.Image(
          path: imagePath, sha256: SHA256.hex(packedImage), size: Int64(packedImage.count), archiveSha256: SHA256.hex(image.archive),
          archiveSize: Int64(image.archive.count), digest: image.digest, entry: image.entry, native: image.native)
      }
      changed = true
    }

    var addedSnapshot = false
    if let snapshot, release.snapshots[snapshot.engineId] == nil {
      let packed = try Zstd.compress(snapshot.blob, level: 9)
      let relative = "\(version)/\(snapshot.engineId).blob.zst"
      files.append((Path.join(toolDir, relative), packed))
      release.snapshots[snapshot.engineId] = RegistryIndex.Snapshot(
        path: relative, sha256: SHA256.hex(packed), size: Int64(packed.count), blobSha256: SHA256.hex(snapshot.blob),
        blobSize: Int64(snapshot.blob.count), kind: snapshot.kind)
      addedSnapshot = true
      changed = true
    }

    index.versions[version] = release
    // `latest` follows the highest release; other tags are the publisher's own business.
    if let latest = RegistryIndex.latest(of: Array(index.versions.keys)) { index.tags["latest"] = latest }
    if index.encoded() != oldBytes || expiresInDays != nil {
      index.serial = (index.serial ?? 0) + 1
      index.expires = Manifest.timestamp(now + time_t(expiresInDays ?? Self.defaultExpiryDays) * 86400)
    }
    let newBytes = index.encoded()
    // Ed25519 signatures are deterministic: the file is current when it holds exactly these keys' signatures.
    let needsSignature = try !signingKeys.isEmpty && oldSignature.map(IndexSignature.parse) != signingKeys.map { try $0.sign(newBytes) }
    if newBytes != oldBytes && oldSignature != nil && signingKeys.isEmpty {
      throw FeError(
        .usage, "the index \(indexPath) is signed; publishing without its key would break clients that trust it",
        hint: "pass --sign-key <pem> with the registry's key")
    }
    for file in files { try writeFile(file.path, file.bytes) }
    if newBytes != oldBytes || needsSignature {
      try writeIndex(newBytes, at: indexPath, signature: sigPath, oldSignature: oldSignature, keys: signingKeys)
      changed = true
    }
    return Result(
      changed: changed, sourceSize: Int64(source.count), addedSnapshot: addedSnapshot, latest: index.tags["latest"],
      serial: index.serial, expires: index.expires)
  }

  /// Replaces the index and its signature. Two files cannot change in one step, so the new
  /// signature file first holds the new and the old signatures (valid for either index), then
  /// the index is swapped, then the old signatures are dropped: a reader never sees a pair that
  /// fails to verify.
  private func writeIndex(_ bytes: [UInt8], at path: String, signature sigPath: String, oldSignature: [UInt8]?, keys: [Ed25519Key]) throws {
    if keys.isEmpty {
      try FileSystem.writeAtomically(path, bytes)
      return
    }
    let fresh = try keys.map { try $0.sign(bytes) }
    let old = oldSignature.map(IndexSignature.parse) ?? []
    if !old.isEmpty { try FileSystem.writeAtomically(sigPath, IndexSignature.encode(fresh + old)) }
    try FileSystem.writeAtomically(path, bytes)
    try FileSystem.writeAtomically(sigPath, IndexSignature.encode(fresh))
  }

  private func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    try FileSystem.createDirectory(Path.dirname(path))
    try FileSystem.writeAtomically(path, bytes)
  }
}

/// flock(2) on a file, released on `release()` or deinit (and by the kernel if the process dies).
final class DirectoryLock {
  private var fd: Int32

  init(_ path: String) throws {
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FileSystem.ioError("cannot open the lock \(path)") }
    while flock(fd, LOCK_EX) != 0 {
      if errno != EINTR {
        let e = errno
        Glibc.close(fd)
        fd = -1
        throw FileSystem.ioError("cannot lock \(path)", code: e)
      }
    }
  }

  func release() {
    guard fd >= 0 else { return }
    _ = flock(fd, LOCK_UN)
    Glibc.close(fd)
    fd = -1
  }

  deinit { release() }
}
