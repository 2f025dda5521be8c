import FeEngine

/// Node's user-land startup snapshots (`node --build-snapshot entry.js`, then `node
/// --snapshot-blob snapshot.blob`), the runtime's side; the command line's is
/// FeCLI/NodeSnapshot.swift. The entry runs in a snapshot-builder runtime with its event loop to
/// the end, as Node's builder runs it, and the heap it leaves (after the serialize callbacks)
/// becomes the snapshot. A runtime booted from it runs the deserialize callbacks and then the
/// main function the entry set, or the command line as usual (JS/38-v8.js).
extension Runtime {
  /// Runs the entry script as Node's snapshot builder does; its exit code (0: snapshot it).
  public func runSnapshotEntry(_ source: String, path: String) throws -> Int32 {
    try runToExit { s in try s.callCore(.snapshotBuild, [s.string(source), s.string(path)]) }
  }

  /// The serialize callbacks, then the heap as a snapshot. The runtime is spent after.
  public func userSnapshot() throws -> [UInt8] {
    try isolate.scope { s in
      try s.callCore(.snapshotSerialize)
      try s.callCore(.afterMacrotask)
    }
    return try snapshot()
  }

  /// Whether the snapshot this runtime booted from has a main function to run instead of the
  /// command line's script.
  public var snapshotHasMain: Bool {
    (try? isolate.scope { s in s.get(s.core, "snapshotHasMain").map { s.type($0) == .boolean } ?? false }) ?? false
  }

  /// After `setup`: the deserialize callbacks, with this launch's process.env and argv.
  public func restoreUserSnapshot() throws {
    try isolate.scope { s in
      try s.callCore(.snapshotRestored)
      try s.callCore(.afterMacrotask)
    }
  }

  /// Runs the snapshot's main function and the event loop; the process's exit code.
  public func runSnapshotMain() throws -> Int32 {
    try runToExit { s in try s.callCore(.snapshotMain) }
  }
}
