// The runtime's base snapshot, booted by the engine, runtime and config tests.
import FeRuntime

/// Snapshot bytes at a stable address: V8 reads a startup blob lazily and never copies it, so
/// a runtime keeps this object alive for as long as it lives.
public final class SnapshotMemory: @unchecked Sendable {
  let buffer: UnsafeMutableRawBufferPointer
  public let count: Int
  public init(_ bytes: [UInt8]) {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
    bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
    self.buffer = buffer
    count = bytes.count
  }
  public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: buffer[0..<count]) }
  deinit { buffer.deallocate() }
}

/// The runtime's base snapshot (runtime JS only), built once per test process.
public let baseSnapshot: SnapshotMemory = {
  do {
    return SnapshotMemory(try Runtime.makeSnapshotBuilder().snapshot())
  } catch {
    fatalError("cannot build the base snapshot: \(error)")
  }
}()
