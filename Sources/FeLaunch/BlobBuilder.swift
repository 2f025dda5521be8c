import FeBasics
import FeEngine
import FeRuntime
import FeStore

/// Turns a tool's single-file bundle into a blob: its source, a V8 snapshot with the runtime
/// (and the tool: for fe-native tools, its top level already run; for Node CLIs, its code
/// compiled but not run) and a manifest.
///
/// The kind follows from the bundle: one that mentions `fe.main` is fe-native and runs now;
/// one that needs module syntax is an ES module, loaded at launch; anything else is an
/// unmodified Node CLI ("cjs"), whose top level must not run here — it would see the build
/// machine's argv, env and files, and a CLI like tsc does its whole job at top level.
public enum BlobBuilder {
  public struct Built {
    public let source: [UInt8]
    public let snapshot: [UInt8]  // encoded with fe's blob header
    public let manifest: Manifest
  }

  /// `kind` forces a kind (a rebuild keeps the manifest's); nil detects it.
  public static func build(
    source: [UInt8], tool: String, version: String, sourcePath: String, origin: String?, kind: ToolKind? = nil
  ) throws -> Built {
    let text = String(decoding: source, as: UTF8.self)
    switch kind ?? (mentionsFeMain(source) ? .feNative : .cjs) {
    case .esm:
      return try build(kind: .esm, runtime: try Runtime.makeSnapshotBuilder(), source: source, tool: tool, version: version, origin: origin)
    case .cjs:
      return try buildNodeCLI(text, source: source, tool: tool, version: version, sourcePath: sourcePath, origin: origin)
    case .feNative:
      return try buildFeNative(text, source: source, tool: tool, version: version, sourcePath: sourcePath, origin: origin)
    }
  }

  private static func buildFeNative(
    _ text: String, source: [UInt8], tool: String, version: String, sourcePath: String, origin: String?
  ) throws -> Built {
    let runtime = try Runtime.makeSnapshotBuilder()
    do {
      // A fe-native bundle runs once, here; what it sets up (fe.main) is in the snapshot.
      try runtime.runCommonJS(text, path: sourcePath)
      guard runtime.hasMain else {
        throw FeError(
          .usage, "\(tool)@\(version): the bundle ran but never called fe.main(...)",
          hint: "register the entry point: fe.main(async (args, ctx) => 0)")
      }
    } catch let e as JSError where isModuleSyntax(e) {
      // An ES-module tool: the snapshot holds the runtime; the module loads at launch.
      return try build(kind: .esm, runtime: try Runtime.makeSnapshotBuilder(), source: source, tool: tool, version: version, origin: origin)
    } catch let e as JSError {
      throw FeError(
        .usage, "\(tool)@\(version): the bundle threw while the blob was built: \(e.location.map { "\($0): " } ?? "")\(e.message)",
        hint: "a fe-native tool's top level runs at build time; move work that needs argv, env or files into fe.main")
    }
    return try build(kind: .feNative, runtime: runtime, source: source, tool: tool, version: version, origin: origin)
  }

  /// A Node CLI: compiled now (every function, so the snapshot carries its bytecode), run at
  /// launch as the main module. The V8 quirk that some builtins (Array.prototype.at,
  /// Object.hasOwn…) are missing while a snapshot is created cannot reach it: none of its code
  /// runs before the snapshot is restored.
  private static func buildNodeCLI(
    _ text: String, source: [UInt8], tool: String, version: String, sourcePath: String, origin: String?
  ) throws -> Built {
    let runtime = try Runtime.makeSnapshotBuilder()
    do {
      try runtime.compileTool(text, path: NodeCLIEntry.path(origin: origin, sourcePath: sourcePath), eager: eagerCompile)
    } catch let e as JSError where isModuleSyntax(e) {
      return try build(kind: .esm, runtime: try Runtime.makeSnapshotBuilder(), source: source, tool: tool, version: version, origin: origin)
    } catch let e as JSError {
      throw FeError(
        .usage, "\(tool)@\(version): the bundle does not compile: \(e.location.map { "\($0): " } ?? "")\(e.message)",
        hint: "fe runs a CommonJS bundle or an ES module; check that the file runs under node")
    }
    return try build(kind: .cjs, runtime: runtime, source: source, tool: tool, version: version, origin: origin)
  }

  /// Node CLIs are compiled eagerly: every function's bytecode goes into the snapshot. A larger
  /// blob deserializes a little slower, but the tool never compiles at launch: tsc compiles a
  /// small project ~25% faster than from a lazily compiled blob (bench/results/tsc.md, which
  /// builds the lazy variant with FE_CJS_LAZY=1 for comparison).
  static var eagerCompile: Bool { !Environment.isTruthy(FeContext.shared.env["FE_CJS_LAZY"]) }

  /// Whether the source names `fe.main` as a word (not `safe.main`): a fe-native bundle.
  static func mentionsFeMain(_ source: [UInt8]) -> Bool {
    let needle = Array("fe.main".utf8)
    func isWordByte(_ b: UInt8) -> Bool {
      (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x24 || b >= 0x80
    }
    return source.withUnsafeBufferPointer { buf -> Bool in
      let n = buf.count, m = needle.count
      guard n >= m else { return false }
      var i = 0
      while i <= n - m {
        if buf[i] == 0x66, buf[i + 1] == 0x65, buf[i + 2] == 0x2E {  // "fe."
          var match = true
          for j in 3..<m where buf[i + j] != needle[j] { match = false; break }
          if match {
            let before = i == 0 ? 0x20 : buf[i - 1]
            let after = i + m < n ? buf[i + m] : 0x20
            if !isWordByte(before) && before != 0x2E && !isWordByte(after) { return true }
          }
        }
        i += 1
      }
      return false
    }
  }

  private static func build(kind: ToolKind, runtime: Runtime, source: [UInt8], tool: String, version: String, origin: String?) throws -> Built {
    let payload = try runtime.snapshot()
    let identity = BlobFile.Identity(tool: tool, version: version, sourceSha256: SHA256.hex(source))
    let snapshot = try BlobFile.encode(payload: payload, engineId: Runtime.engineID, identity: identity)
    let manifest = Manifest(
      name: tool, version: version, kind: kind, source: source, snapshot: snapshot, engineId: Runtime.engineID, origin: origin)
    return Built(source: source, snapshot: snapshot, manifest: manifest)
  }

  static func isModuleSyntax(_ e: JSError) -> Bool {
    [
      "Cannot use import statement outside a module", "Unexpected token 'export'", "Cannot use 'import.meta' outside a module",
      "await is only valid in async functions",
    ].contains { e.message.contains($0) }
  }

  /// Builds and installs; returns the installed blob.
  @discardableResult
  public static func install(source: [UInt8], tool: String, version: String, origin: String?, store: BlobStore, replace: Bool) throws -> InstalledBlob {
    try Names.validateTool(tool)
    try Names.validateVersion(version)
    try store.layout.ensure()
    let built = try build(source: source, tool: tool, version: version, sourcePath: store.layout.sourcePath(tool, version), origin: origin)
    return try store.install(tool: tool, version: version, source: built.source, snapshot: built.snapshot, manifest: built.manifest, replace: replace)
  }
}
