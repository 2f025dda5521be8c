import FeBasics
import FeEngine
import FeRuntime
import FeStore

/// The runtime-only snapshot that fe.config.js is evaluated in, cached per engine id.
enum BaseSnapshot {
  static func open(_ layout: StoreLayout) throws -> MappedBlob {
    let path = Path.join(layout.cacheDir, "base-\(Runtime.engineID).blob")
    if let blob = try? MappedBlob(path: path, expectedEngineId: Runtime.engineID, verifyHash: true, checksumOnly: true),
      Engine.isValidSnapshot(blob.payload)
    {
      return blob
    }
    try FileSystem.createDirectory(layout.cacheDir)
    let payload = try Runtime.makeSnapshotBuilder().snapshot()
    try FileSystem.writeAtomically(path, try BlobFile.encode(payload: payload, engineId: Runtime.engineID))
    // Base snapshots of older engines (an fe upgrade, a libnode update) are never used again.
    // Only finished blobs: a `.tmp-` file is another fe writing its snapshot right now.
    for name in FileSystem.listDirectory(layout.cacheDir)
    where name.hasPrefix("base-") && name.hasSuffix(".blob") && name != Path.basename(path) {
      try? FileSystem.removeTree(Path.join(layout.cacheDir, name))
    }
    do {
      return try MappedBlob(path: path, expectedEngineId: Runtime.engineID, verifyHash: true)
    } catch {
      throw FeError(.internalError, "the runtime snapshot written to \(path) does not read back", hint: "remove \(layout.cacheDir) and try again")
    }
  }
}
