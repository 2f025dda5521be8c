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
public struct BlobBuilder {
  public struct Built {
    public let source: [UInt8]
    public let snapshot: [UInt8]  // encoded with fe's blob header
    public let manifest: Manifest
  }

  /// FE_CJS_LAZY and the like.
  let options: LaunchOptions

  public init(options: LaunchOptions) { self.options = options }

  /// `kind` forces a kind (a rebuild keeps the manifest's); nil detects it. Each kind's build
  /// step is in ToolKind+Steps.swift. `image`: the tool's package image, whose files the
  /// entry (`origin`) requires are compiled into the snapshot too.
  public func build(
    source: [UInt8], tool: String, version: String, sourcePath: String, origin: String?, kind: ToolKind? = nil,
    image: ImageLocation? = nil
  ) throws -> Built {
    let input = ToolKind.BuildInput(
      text: String(decoding: source, as: UTF8.self), tool: tool, version: version, sourcePath: sourcePath, origin: origin,
      image: image, options: options)
    var kind = kind ?? (Self.mentionsFeMain(source) ? .feNative : .cjs)
    let runtime: Runtime
    do {
      runtime = try kind.build(input)
    } catch is ToolKind.IsModule {
      kind = .esm
      runtime = try kind.build(input)
    }
    let payload = try runtime.snapshot()
    let identity = BlobFile.Identity(tool: tool, version: version, sourceSha256: SHA256.hex(source))
    let snapshot = try BlobFile.encode(payload: payload, engineId: Runtime.engineID, identity: identity)
    let manifest = Manifest(
      name: tool, version: version, kind: kind, source: source, snapshot: snapshot, engineId: Runtime.engineID, origin: origin)
    return Built(source: source, snapshot: snapshot, manifest: manifest)
  }

  /// An installed blob's snapshot built again from its stored `source` (and image): for another
  /// engine, a repair, or a package image's first one. The kind is kept, unless no build has
  /// found it yet (a package image's recorded kind is only Node's rule for its entry).
  public func rebuild(_ layout: StoreLayout, tool: String, version: String, manifest: Manifest, source: [UInt8]) throws -> Built {
    try build(
      source: source, tool: tool, version: version, sourcePath: layout.sourcePath(tool, version), origin: manifest.origin,
      kind: manifest.hasSnapshot ? manifest.kind : nil, image: ImageLocation.inPlace(layout, tool, version, manifest))
  }

  /// Whether the source names `fe.main` as a word (not `safe.main`): a fe-native bundle.
  static func mentionsFeMain(_ source: [UInt8]) -> Bool {
    let needle = Array("fe.main".utf8)
    func isWordByte(_ b: UInt8) -> Bool {
      (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x24 || b >= 0x80
    }
    return source.withUnsafeBufferPointer { buf -> Bool in
      let n = buf.count
      let m = needle.count
      guard n >= m else { return false }
      var i = 0
      while i <= n - m {
        if buf[i] == 0x66, buf[i + 1] == 0x65, buf[i + 2] == 0x2E {  // "fe."
          var match = true
          for j in 3..<m where buf[i + j] != needle[j] {
            match = false
            break
          }
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

  static func isModuleSyntax(_ e: JSError) -> Bool {
    [
      "Cannot use import statement outside a module", "Unexpected token 'export'", "Cannot use 'import.meta' outside a module",
      "await is only valid in async functions",
    ].contains { e.message.contains($0) }
  }

  /// Builds and installs; returns the installed blob.
  @discardableResult
  public func install(
    source: [UInt8], tool: String, version: String, origin: String?, store: BlobStore, replace: Bool
  ) throws -> InstalledBlob {
    try Names.validateTool(tool)
    try Names.validateVersion(version)
    try store.layout.ensure()
    let built = try build(source: source, tool: tool, version: version, sourcePath: store.layout.sourcePath(tool, version), origin: origin)
    return try store.install(
      tool: tool, version: version, source: built.source, snapshot: built.snapshot, manifest: built.manifest, replace: replace)
  }
}

/// A package image while its blob is built: where its files are now (a staging directory during
/// an install) and where the tool will load them from once it is in the store.
public struct ImageLocation: Sendable {
  public let current: String
  public let installed: String

  public init(current: String, installed: String) {
    self.current = current
    self.installed = installed
  }

  /// What a snapshot keeps of the image: the files `entry` (an installed path) reaches through
  /// literal requires, with their sources as they are now, and those requires' answers (only
  /// the ones inside the image), all by the paths the loader will know them by (symlinks
  /// resolved, as Node's resolver does).
  func modules(requiredBy entry: String) throws -> (modules: [Runtime.ImageModule], resolutions: [Runtime.ImageResolution]) {
    guard let rel = Self.relative(entry, to: installed) else { return ([], []) }
    let loaded = Self.resolvingSymlinks(installed)
    let root = FileSystem.realPath(current) ?? current
    let inImage = { (file: String) in (Self.relative(file, to: root) ?? Self.relative(file, to: self.current)).map { Path.join(loaded, $0) } }
    let found = try Runtime.requireClosure(entry: Path.join(current, rel))
    let modules = try found.files.compactMap { file -> Runtime.ImageModule? in
      guard let path = inImage(file), let bytes = try FileSystem.read(file) else { return nil }
      return Runtime.ImageModule(path: path, source: String(decoding: bytes, as: UTF8.self))
    }
    let resolutions = found.resolutions.compactMap { r -> Runtime.ImageResolution? in
      guard let parent = inImage(r.parent), let file = inImage(r.file) else { return nil }
      return Runtime.ImageResolution(parent: parent, request: r.request, file: file)
    }
    return (modules, resolutions)
  }

  /// `path` with the symlinks of its longest existing ancestor resolved (the image's final
  /// directory does not exist yet while it is staged).
  static func resolvingSymlinks(_ path: String) -> String {
    var head = path
    var tail: [String] = []
    while head != "/" && !head.isEmpty {
      if let real = FileSystem.realPath(head) { return tail.reversed().reduce(real) { Path.join($0, $1) } }
      tail.append(Path.basename(head))
      head = Path.dirname(head)
    }
    return path
  }

  /// An installed blob's image, for a rebuild: nil when the blob has none.
  public static func inPlace(_ layout: StoreLayout, _ tool: String, _ version: String, _ manifest: Manifest) -> ImageLocation? {
    guard manifest.imageSha256 != nil else { return nil }
    let dir = Path.join(layout.blobDir(tool, version), StoreLayout.imageDir)
    return ImageLocation(current: dir, installed: dir)
  }

  static func relative(_ path: String, to root: String) -> String? {
    path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : nil
  }
}
