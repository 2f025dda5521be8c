import FeBasics
import FeEngine
import FeRuntime
import FeStore

/// The runtime-only snapshot that fe.config.js (and `fe blobs run`) boots from, cached per engine
/// id in `$FE_HOME/cache/`. A cache is never a reason to fail: when it cannot be written (a
/// read-only or full store) the snapshot is built in memory for this run only.
public enum BaseSnapshot {
  /// A snapshot to boot from: `payload` stays valid while `owner` lives.
  public struct Image {
    public let payload: UnsafeRawBufferPointer
    public let owner: AnyObject
  }

  public static func open(_ layout: StoreLayout) throws -> Image {
    let path = Path.join(layout.cacheDir, "base-\(Runtime.engineID).blob")
    if let blob = mapped(path) { return Image(payload: blob.payload, owner: blob) }
    let payload = try Runtime.makeSnapshotBuilder().snapshot()
    do {
      try FileSystem.createDirectory(layout.cacheDir)
      try FileSystem.writeAtomically(path, try BlobFile.encode(payload: payload, engineId: Runtime.engineID))
      // Base snapshots of older engines (an fe upgrade, a libnode update) are never used again.
      // Only finished blobs: a `.tmp-` file is another fe writing its snapshot right now.
      for name in FileSystem.listDirectory(layout.cacheDir)
      where name.hasPrefix("base-") && name.hasSuffix(".blob") && name != Path.basename(path) {
        try? FileSystem.removeTree(Path.join(layout.cacheDir, name))
      }
      if let blob = mapped(path) { return Image(payload: blob.payload, owner: blob) }
    } catch {
      // Not cached; the next run builds it again.
    }
    let memory = Memory(payload)
    return Image(payload: UnsafeRawBufferPointer(memory.bytes), owner: memory)
  }

  private static func mapped(_ path: String) -> MappedBlob? {
    guard let blob = try? MappedBlob(path: path, expectedEngineId: Runtime.engineID, verification: .checksum),
      Engine.isValidSnapshot(blob.payload)
    else { return nil }
    return blob
  }

  /// A snapshot held in memory: V8 reads it lazily, so its address must not move.
  private final class Memory {
    let bytes: UnsafeMutableRawBufferPointer
    init(_ payload: [UInt8]) {
      bytes = .allocate(byteCount: payload.count, alignment: 16)
      bytes.copyMemory(from: UnsafeRawBufferPointer(start: payload, count: payload.count))
    }
    deinit { bytes.deallocate() }
  }
}
