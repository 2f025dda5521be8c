#if canImport(Glibc)
  import Glibc
#endif
import FeBasics
import FeEngine
import FeRuntime
import FeStore

/// Opens an installed blob's snapshot for booting, after checking everything V8 would abort on:
/// header, engine id, V8's own version check and the payload's sha256. A blob built by another
/// engine is rebuilt from its stored source; a corrupt one is reported with its repair.
struct BlobOpener {
  let store: BlobStore
  let context: CLIContext

  func open(tool: String, version: String) throws -> (MappedBlob, Manifest) {
    let layout = store.layout
    guard let manifest = try store.manifest(tool: tool, version: version) else {
      throw FeError(.integrity, "\(tool)@\(version) has no manifest in \(layout.blobDir(tool, version))", hint: repairHint(tool, version, nil))
    }
    let path = layout.snapshotPath(tool, version)
    do {
      let blob = try MappedBlob(
        path: path, expectedEngineId: Runtime.engineID, verifyHash: true, checksumOnly: true, checksumInBackground: true)
      guard Engine.isValidSnapshot(blob.payload) else {
        try blob.waitForChecksum()  // damage is reported as such, never "rebuilt" over
        return try rebuild(tool, version, manifest, because: "V8 rejects its version header")
      }
      return (blob, manifest)
    } catch let error as BlobFileError {
      if case .engineMismatch(_, let found, _) = error {
        return try rebuild(tool, version, manifest, because: "it was built by engine \(found)")
      }
      throw error.feError(repair: repairHint(tool, version, manifest.origin), remove: "fe blobs remove \(tool)@\(version)")
    }
  }

  /// The verdict on the part of the blob `open` left to be checked in the background.
  func confirm(_ blob: MappedBlob, tool: String, version: String, manifest: Manifest) throws {
    do {
      try blob.waitForChecksum()
    } catch {
      throw error.feError(repair: repairHint(tool, version, manifest.origin), remove: "fe blobs remove \(tool)@\(version)")
    }
  }

  private func repairHint(_ tool: String, _ version: String, _ origin: String?) -> String {
    if let origin, origin.hasPrefix("/") { return "fe blobs install \(origin)" }
    return "fe blobs install \(tool)@\(version)"
  }

  private func rebuild(_ tool: String, _ version: String, _ manifest: Manifest, because reason: String) throws -> (MappedBlob, Manifest) {
    let layout = store.layout
    guard let source = try FileSystem.read(layout.sourcePath(tool, version)), SHA256.hex(source) == manifest.sourceSha256 else {
      throw FeError(
        .integrity, "\(tool)@\(version) needs rebuilding (\(reason)) but its stored source is missing or does not match its manifest",
        hint: repairHint(tool, version, manifest.origin))
    }
    if !Environment.isTruthy(context.env["FE_QUIET"]) {
      context.err("fe: rebuilding \(tool)@\(version) for this engine (\(reason))")
    }
    let built = try BlobBuilder.build(
      source: source, tool: tool, version: version, sourcePath: layout.sourcePath(tool, version), origin: manifest.origin,
      kind: manifest.kind)
    try store.replaceSnapshot(tool: tool, version: version, snapshot: built.snapshot, manifest: built.manifest)
    do {
      return (try MappedBlob(path: layout.snapshotPath(tool, version), expectedEngineId: Runtime.engineID, verifyHash: true), built.manifest)
    } catch {
      throw FeError(.internalError, "\(tool)@\(version) was rebuilt but does not read back", hint: repairHint(tool, version, manifest.origin))
    }
  }
}
