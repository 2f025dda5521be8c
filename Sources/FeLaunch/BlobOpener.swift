import FeBasics
import FeEngine
import FeRuntime
import FeStore

#if canImport(Glibc)
  import Glibc
#endif

/// Opens an installed blob's snapshot for booting, after checking everything V8 would abort on:
/// header, engine id, V8's own version check and the payload's checksum, and that the header
/// binds the snapshot to this blob (the manifest's tool, version and source sha256: a few string
/// compares, no hashing). A blob built by another engine or in an older blob format is rebuilt
/// from its stored source; a corrupt one is reported with the command that repairs it.
struct BlobOpener {
  let store: BlobStore
  let context: FeContext

  /// The blob's manifest; a missing one is an integrity error.
  func manifest(tool: String, version: String) throws -> Manifest {
    guard let manifest = try store.manifest(tool: tool, version: version) else {
      throw FeError(
        .integrity, "\(tool)@\(version) has no manifest in \(store.layout.blobDir(tool, version))",
        hint: BlobRepair.reinstallHint(tool: tool, version: version))
    }
    return manifest
  }

  /// The blob's manifest, after opening it end to end (and rebuilding it for this engine if
  /// needed); a package image whose snapshot is not built yet has no snapshot to open.
  func check(tool: String, version: String) throws -> Manifest {
    let manifest = try self.manifest(tool: tool, version: version)
    guard manifest.hasSnapshot else { return manifest }
    return try open(tool: tool, version: version, manifest: manifest).1
  }

  /// `manifest`: the blob's, when the caller has read it already. A package image whose
  /// snapshot is not built yet gets it built now.
  func open(tool: String, version: String, manifest known: Manifest? = nil) throws -> (MappedBlob, Manifest) {
    let layout = store.layout
    let manifest = try known ?? self.manifest(tool: tool, version: version)
    guard manifest.hasSnapshot else { return try rebuild(tool, version, manifest, because: BlobCheck.notBuiltYet) }
    // The source is read at launch by ES-module tools: never open a FIFO or a directory there.
    let sourcePath = layout.sourcePath(tool, version)
    if !StoreFile.isRegular(sourcePath) {
      var st = stat()
      let what = lstat(sourcePath, &st) == 0 ? "is \(StoreFile.kind(st.st_mode)), not a regular file" : "is missing"
      throw FeError(.integrity, "\(tool)@\(version) is corrupt: \(sourcePath) \(what)", hint: hint(tool, version, manifest))
    }
    let path = layout.snapshotPath(tool, version)
    do {
      let blob = try MappedBlob(
        path: path, expectedEngineId: Runtime.engineID, expectedIdentity: manifest.identity, verification: .checksumInBackground)
      guard Engine.isValidSnapshot(blob.payload) else {
        try blob.waitForChecksum()  // damage is reported as such, never "rebuilt" over
        return try rebuild(tool, version, manifest, because: "V8 rejects its version header")
      }
      return (blob, manifest)
    } catch let error as BlobFileError {
      switch error {
      case .engineMismatch(_, let found, _):
        return try rebuild(tool, version, manifest, because: "it was built by engine \(found)")
      case .outdatedFormat(_, let format):
        return try rebuild(tool, version, manifest, because: "it has blob format \(format), written by an older fe")
      default:
        throw feError(error, tool, version, manifest)
      }
    }
  }

  /// The verdict on the part of the blob `open` left to be checked in the background.
  func confirm(_ blob: MappedBlob, tool: String, version: String, manifest: Manifest) throws {
    do {
      try blob.waitForChecksum()
    } catch {
      throw feError(error, tool, version, manifest)
    }
  }

  private func feError(_ error: BlobFileError, _ tool: String, _ version: String, _ manifest: Manifest) -> FeError {
    let repair = BlobRepair.command(store.layout, tool: tool, version: version, manifest: manifest)
    let remove = "fe blobs remove \(tool)@\(version)"
    return error.feError(repair: repair, remove: repair.hasPrefix(remove) ? nil : remove)
  }

  /// "run `<the command that repairs it>`" (reads the source to choose: an error path only).
  private func hint(_ tool: String, _ version: String, _ manifest: Manifest) -> String {
    "run `\(BlobRepair.command(store.layout, tool: tool, version: version, manifest: manifest))` to repair it"
  }

  private func rebuild(_ tool: String, _ version: String, _ manifest: Manifest, because reason: String) throws -> (MappedBlob, Manifest) {
    let layout = store.layout
    guard let source = try? StoreFile.read(layout.sourcePath(tool, version)), SHA256.hex(source) == manifest.sourceSha256 else {
      throw FeError(
        .integrity, "\(tool)@\(version) needs rebuilding (\(reason)) but its stored source is missing or does not match its manifest",
        hint: hint(tool, version, manifest))
    }
    if !context.options.quiet {
      context.err("fe: rebuilding \(tool)@\(version) for this engine (\(reason))")
    }
    let built = try BlobBuilder(options: context.options).rebuild(layout, tool: tool, version: version, manifest: manifest, source: source)
    var path = layout.snapshotPath(tool, version)
    var scratch: String?
    do {
      try store.replaceSnapshot(tool: tool, version: version, snapshot: built.snapshot, manifest: built.manifest)
    } catch let error as FeError where error.kind == .io {
      // A store that cannot be written (read-only, full) still runs the tool: from a copy
      // outside it, mapped and unlinked at once; the next launch rebuilds again.
      scratch = try Self.scratchCopy(built.snapshot, in: context.env["TMPDIR"] ?? "/tmp", because: error)
      path = scratch ?? path
    }
    defer { if let scratch { unlink(scratch) } }
    do {
      return (
        try MappedBlob(
          path: path, expectedEngineId: Runtime.engineID, expectedIdentity: built.manifest.identity,
          verification: .full), built.manifest
      )
    } catch {
      throw FeError(.internalError, "\(tool)@\(version) was rebuilt but does not read back", hint: hint(tool, version, manifest))
    }
  }

  /// The rebuilt snapshot in a temporary file (TMPDIR, else /tmp), or the store's error when
  /// even that cannot be written.
  private static func scratchCopy(_ bytes: [UInt8], in dir: String, because storeError: FeError) throws -> String {
    let path = Path.join(dir, "fe-snapshot-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).bin")
    do {
      try FileSystem.writeAtomically(path, bytes, mode: 0o600)
      return path
    } catch {
      throw storeError
    }
  }
}
