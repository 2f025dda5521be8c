import FeBasics
import FeEngine
import FeLaunch
import FeRuntime
import FeStore

/// Node's user-land startup snapshots on fe's Node command line: `--build-snapshot entry.js`
/// writes one (to `--snapshot-blob`, or `snapshot.blob` in the working directory, as Node does),
/// and `--snapshot-blob blob` boots from it. The runtime's side is
/// FeRuntime/Core/UserSnapshot.swift.
///
/// The file is a fe blob (FeStore/BlobFile: header, checksum, engine id) whose engine id adds
/// the V8 flags it was built under: V8 would abort on a snapshot of another build or other
/// flags, so fe refuses one, as Node does.
enum NodeSnapshot {
  static var engineID: String {
    guard !Engine.extraFlags.isEmpty else { return Runtime.engineID }
    var sha = SHA256()
    sha.update(Array(Engine.extraFlags.joined(separator: " ").utf8))
    let digest = sha.finalize().prefix(6).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    return Runtime.engineID + "+" + digest
  }

  /// `--build-snapshot entry.js`: runs the entry, then writes the snapshot of what it left; the
  /// process's exit code (the entry's, when it failed: then nothing is written).
  static func build(entry: String, options: NodeOptions, execPath: String, context: FeContext) throws -> Int32 {
    let path = Path.absolute(options.snapshotBlob ?? "snapshot.blob", from: context.cwd)
    guard let source = (try? FileSystem.readString(entry)) ?? nil else {
      context.err("Cannot open \(entry)")
      return 1
    }
    let runtime = try Runtime.makeSnapshotBuilder()
    defer { NodeMode.finished = runtime }
    runtime.onUncaught = NodeMode.reportUncaught(options, context)
    try runtime.setup(argv: [execPath, entry] + options.args, env: context.env, execPath: execPath)
    let code = try runtime.runSnapshotEntry(source, path: entry)
    guard code == 0 else { return code }
    let blob: [UInt8]
    do {
      blob = try BlobFile.encode(payload: try runtime.userSnapshot(), engineId: engineID)
    } catch let e as JSError {
      context.err(Uncaught.describe(e))
      return 1
    }
    do {
      try FileSystem.writeAtomically(path, blob)
    } catch {
      throw FeError(.io, "cannot write the snapshot \(path): \(error)", hint: "choose a writable path with --snapshot-blob <file>")
    }
    return 0
  }

  /// The snapshot `--snapshot-blob` names, mapped; nil after Node's message (the caller exits 1).
  static func open(_ path: String, context: FeContext) -> MappedBlob? {
    let problem: String
    do throws(BlobFileError) {
      let blob = try MappedBlob(path: path, expectedEngineId: engineID, verification: .checksum)
      if Engine.isValidSnapshot(blob.payload) { return blob }
      problem = "Failed to load the startup snapshot \(path): V8 does not accept it"
    } catch {
      switch error {
      case .missing, .unreadable:
        problem = "Cannot open \(path)"
      case .engineMismatch, .outdatedFormat:
        problem =
          "Failed to load the startup snapshot because it was built with another fe or other V8 flags: \(path)\n"
          + "Build it again with --build-snapshot and the same flags."
      case .corrupt(_, let reason):
        problem = "Failed to load the startup snapshot \(path): \(reason)"
      }
    }
    context.err(problem)
    return nil
  }

  /// Runs the snapshot's main function instead of the command line's script: the words after
  /// the options are its process.argv, after execPath.
  static func runMain(_ runtime: Runtime, options: NodeOptions, execPath: String, context: FeContext) throws -> Int32 {
    runtime.onUncaught = NodeMode.reportUncaught(options, context)
    var words: [String] = []
    if case .script(let file) = options.action { words.append(file) }
    do {
      try runtime.setup(argv: [execPath] + words + options.args, env: context.env, execPath: execPath)
      try runtime.restoreUserSnapshot()
      return try runtime.runSnapshotMain()
    } catch let e as JSError {
      context.err(Uncaught.describe(e))
      return 1
    }
  }
}
