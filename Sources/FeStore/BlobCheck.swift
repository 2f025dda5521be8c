import FeBasics

#if canImport(Glibc)
  import Glibc
#endif

/// What `fe blobs verify` finds in one installed blob, re-hashing every file against its manifest.
public struct BlobCheck: Sendable, Equatable {
  public enum Status: String, Sendable {
    /// Every file matches its manifest and the snapshot was built by this engine.
    case ok
    /// Intact, but built by another engine or in an older blob format: rebuilt from its source
    /// at the next launch. Or a package image's snapshot is not built yet (built in the
    /// background after its install).
    case stale
    /// Something does not match; `problems` says what.
    case corrupt
  }

  public var tool: String
  public var version: String
  public var status: Status
  /// One sentence per problem found (empty when ok).
  public var problems: [String]
  /// The manifest when it could be read.
  public var manifest: Manifest?
  /// Whether the stored source matches the manifest (a snapshot can be rebuilt from it).
  public var sourceIntact: Bool
  /// Whether the package image, if the blob has one, matches its digest.
  public var imageIntact = true
  /// Why a stale blob is stale: "built by another engine", "blob format 1, written by an older fe",
  /// `notBuiltYet`.
  public var staleReason: String?
  /// The stale reason of a package image whose snapshot is still to be built.
  public static let notBuiltYet = "its snapshot is not built yet"

  /// The command that repairs this blob when it is not ok (BlobRepair).
  public var repair: String? {
    status == .ok
      ? nil : BlobRepair.command(tool: tool, version: version, manifest: manifest, sourceIntact: sourceIntact, imageIntact: imageIntact)
  }

  /// Checks the blob `tool@version` in `store` for `engineId`. Reads every byte of it.
  public static func run(_ store: BlobStore, tool: String, version: String, engineId: String) -> BlobCheck {
    let layout = store.layout
    var check = BlobCheck(tool: tool, version: version, status: .ok, problems: [], manifest: nil, sourceIntact: false)
    let manifest: Manifest
    do {
      guard let m = try store.manifest(tool: tool, version: version) else {
        check.fail("the blob directory is gone")
        return check
      }
      manifest = m
    } catch let e as FeError {
      check.fail(e.message)
      return check
    } catch {
      check.fail("\(error)")
      return check
    }
    check.manifest = manifest

    let sourcePath = layout.sourcePath(tool, version)
    // Only regular files are opened: a FIFO in a blob must not hang verify (StoreFile).
    switch Result(catching: { () throws(StoreFile.Problem) in try StoreFile.read(sourcePath) }) {
    case .success(let bytes):
      if SHA256.hex(bytes) == manifest.sourceSha256 {
        check.sourceIntact = true
      } else {
        check.fail("\(sourcePath) does not match the sha256 in its manifest")
      }
    case .failure(let problem): check.fail(problem.describe(sourcePath))
    }

    if let expected = manifest.imageSha256 {
      let image = Path.join(layout.blobDir(tool, version), StoreLayout.imageDir)
      if !FileSystem.isDirectory(image) {
        check.fail("\(image), the blob's package image, is missing")
        check.imageIntact = false
      } else if (try? ImageDigest.compute(image)) != expected {
        check.fail("\(image) does not match the image digest in its manifest (a file was changed, added or removed)")
        check.imageIntact = false
      }
    }

    let snapshotPath = layout.snapshotPath(tool, version)
    guard let snapshotSha256 = manifest.snapshotSha256, let snapshotSize = manifest.snapshotSize, let builtBy = manifest.engineId
    else {
      // A package image's snapshot, built after its install (SnapshotJobs): none yet is no damage.
      var st = stat()
      if lstat(snapshotPath, &st) == 0 {
        check.fail("\(snapshotPath) exists, but its manifest records no snapshot")
      } else if check.status == .ok {
        check.status = .stale
        check.staleReason = notBuiltYet
      }
      return check
    }
    switch Result(catching: { () throws(StoreFile.Problem) in try StoreFile.read(snapshotPath) }) {
    case .failure(let problem): check.fail(problem.describe(snapshotPath))
    case .success(let bytes):
      var fileMatches = false
      if bytes.count != snapshotSize {
        check.fail("\(snapshotPath) is \(bytes.count) bytes; its manifest says \(snapshotSize)")
      } else if SHA256.hex(bytes) != snapshotSha256 {
        check.fail("\(snapshotPath) does not match the sha256 in its manifest")
      } else {
        fileMatches = true
      }
      // The header's own checks (magic, engine id, payload sha256), as the launcher makes them;
      // a file already known not to match is not reported twice.
      do {
        let blob = try MappedBlob(
          path: snapshotPath, expectedEngineId: nil, expectedIdentity: manifest.identity, verification: fileMatches ? .full : .none)
        if blob.engineId != builtBy {
          check.fail("\(snapshotPath) was built by engine \(blob.engineId); its manifest says \(builtBy)")
        } else if check.status == .ok && blob.engineId != engineId {
          check.status = .stale
          check.staleReason = "built by another engine"
        }
      } catch .outdatedFormat(_, let format) where fileMatches {
        if check.status == .ok {
          check.status = .stale
          check.staleReason = "blob format \(format), written by an older fe"
        }
      } catch {
        check.fail(error.feError(repair: "").message)
      }
    }
    return check
  }

  public mutating func fail(_ problem: String) {
    status = .corrupt
    problems.append(problem)
  }

  /// `<tool>@<version>`.
  public var spec: String { "\(tool)@\(version)" }
}
