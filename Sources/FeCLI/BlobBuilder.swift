import FeBasics
import FeEngine
import FeRuntime
import FeStore

/// Turns a tool's single-file bundle into a blob: its source, a V8 snapshot with the runtime
/// (and, for fe-native tools, the tool's own top level already run) and a manifest.
enum BlobBuilder {
  struct Built {
    let source: [UInt8]
    let snapshot: [UInt8]  // encoded with fe's blob header
    let manifest: Manifest
  }

  static func build(source: [UInt8], tool: String, version: String, sourcePath: String, origin: String?) throws -> Built {
    let text = String(decoding: source, as: UTF8.self)
    let runtime = try Runtime.makeSnapshotBuilder()
    let kind: String
    do {
      // A fe-native bundle runs once, here; what it sets up (fe.main) is in the snapshot.
      try runtime.runCommonJS(text, path: sourcePath)
      guard runtime.hasMain else {
        throw FeError(
          .usage, "\(tool)@\(version): the bundle ran but never called fe.main(...)",
          hint: "register the entry point: fe.main(async (args, ctx) => 0)")
      }
      kind = "fe-native"
    } catch let e as JSError where isModuleSyntax(e) {
      // An ES-module tool: the snapshot holds the runtime; the module loads at launch.
      return try build(kind: "esm", runtime: try Runtime.makeSnapshotBuilder(), source: source, tool: tool, version: version, origin: origin)
    } catch let e as JSError {
      throw FeError(
        .usage, "\(tool)@\(version): the bundle threw while the blob was built: \(e.location.map { "\($0): " } ?? "")\(e.message)",
        hint: "a fe-native tool's top level runs at build time; move work that needs argv, env or files into fe.main")
    }
    return try build(kind: kind, runtime: runtime, source: source, tool: tool, version: version, origin: origin)
  }

  private static func build(kind: String, runtime: Runtime, source: [UInt8], tool: String, version: String, origin: String?) throws -> Built {
    let payload = try runtime.snapshot()
    let snapshot = try BlobFile.encode(payload: payload, engineId: Runtime.engineID)
    let manifest = Manifest(
      name: tool, version: version, kind: kind, source: source, snapshot: snapshot, engineId: Runtime.engineID, origin: origin)
    return Built(source: source, snapshot: snapshot, manifest: manifest)
  }

  static func isModuleSyntax(_ e: JSError) -> Bool {
    ["Cannot use import statement outside a module", "Unexpected token 'export'", "Cannot use 'import.meta' outside a module"]
      .contains { e.message.contains($0) }
  }

  /// Builds and installs; returns the installed blob.
  @discardableResult
  static func install(source: [UInt8], tool: String, version: String, origin: String?, store: BlobStore, replace: Bool) throws -> InstalledBlob {
    try Names.validateTool(tool)
    try Names.validateVersion(version)
    try store.layout.ensure()
    let built = try build(source: source, tool: tool, version: version, sourcePath: store.layout.sourcePath(tool, version), origin: origin)
    return try store.install(tool: tool, version: version, source: built.source, snapshot: built.snapshot, manifest: built.manifest, replace: replace)
  }
}

/// The runtime-only snapshot that fe.config.js is evaluated in, cached per engine id.
enum BaseSnapshot {
  static func open(_ layout: StoreLayout) throws -> MappedBlob {
    let path = Path.join(layout.cacheDir, "base-\(Runtime.engineID).blob")
    if let blob = try? MappedBlob(path: path, expectedEngineId: Runtime.engineID, verifyHash: true),
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
