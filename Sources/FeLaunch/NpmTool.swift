import FeBasics
import FeConfig
import FeNpm
import FeRegistry
import FeRuntime
import FeSemver
import FeStore

#if canImport(Glibc)
  import Glibc
#endif

/// A tool straight from an npm registry: the package and its dependencies installed as
/// `npm install -g --ignore-scripts` would (FeNpm), kept whole in the blob as its package image
/// (`blobs/<tool>/<version>/image/`), and the bin's entry file compiled into the snapshot and
/// run in place, so its `__dirname`, data files and relative requires are where it expects them.
public struct NpmTool {
  let context: FeContext
  let store: BlobStore

  public init(context: FeContext, store: BlobStore) {
    self.context = context
    self.store = store
  }

  public struct Installed {
    public let blob: InstalledBlob
    public let package: String
    public let registry: String
    public let report: NpmInstallReport
  }

  /// Installs `spec` (`npm:typescript@4.8.x`) as the tool named `bin` (the package's bin of that
  /// name; nil: its only bin, or the one named after the package).
  /// `pinnedIn` is the config that pins it under the name `bin`: a bin it lacks is then a config error.
  /// `locked`: the tree fe.lock records for it (at `lockPath`), installed exactly, with no packument read.
  public func install(
    _ specText: String, bin: String?, offline: Bool, projectDir: String?, pinnedIn: String? = nil,
    locked: (packages: [Lockfile.Package], lockPath: String)? = nil
  ) throws -> Installed {
    let spec = try PackageSpec(parsing: specText, origin: specText)
    let env = context.env
    let config = try NpmConfig(projectDir: projectDir ?? context.cwd, env: env)
    let layout = store.layout
    try layout.ensure()
    let client = try NpmRegistryClient(
      config: config, settings: try TransferSettings(env: env, userAgent: RegistrySetup.userAgent), cacheDir: layout.npmCacheDir,
      offline: offline, minReleaseAgeDays: try Self.minReleaseAge(env))
    let installer = NpmInstaller(
      client: client, options: NpmInstallOptions(requireSignatures: Environment.isTruthy(env["FE_NPM_REQUIRE_SIGNATURES"])))
    func badBin(_ e: FeError) -> FeError {
      guard pinnedIn != nil else { return e }
      return FeError(
        .config, "\(pinnedIn ?? ""): \(ProjectConfig.pinLabel(bin ?? "")) = \"\(specText)\": \(e.message)",
        hint: "pin the package under the name of one of its bins")
    }
    let staging = try Staging.create(in: layout)
    defer { try? FileSystem.removeTree(staging) }
    let image = Path.join(staging, StoreLayout.imageDir)
    let top = "node_modules/" + spec.name.text
    let tool: String
    let binPath: String
    let report: NpmInstallReport
    if let locked {
      report = try installer.install(locked: locked.packages, tool: bin ?? spec.name.text, lockPath: locked.lockPath, into: image)
      guard let root = report.packages.first(where: { $0.path == top }) else {
        throw FeError(
          .config, "\(locked.lockPath) locks a tree for \(bin ?? spec.name.text) without \(spec.name) at \(top)",
          hint: "restore fe.lock from version control, or run `fe blobs install --update \(bin ?? "")` to lock the tree again")
      }
      if case .range(let range) = spec.selector, let v = try? Version(parsing: root.version), !range.contains(v, includePrerelease: true) {
        throw FeError(
          .config, "\(locked.lockPath) locks \(spec.name)@\(root.version) in the tree of \(bin ?? spec.name.text), not \(spec.selector)",
          hint: "restore fe.lock from version control, or run `fe blobs install --update \(bin ?? "")` to lock the tree again")
      }
      do {
        (tool, binPath) = try Self.chooseBin(root.bin, name: root.name, label: "\(root.name)@\(root.version)", wanted: bin, spec: specText)
      } catch let e as FeError { throw badBin(e) }
    } else {
      // The version and its bin first, from the packument alone: a wrong bin costs no download.
      let chosen = try TreeBuilder(source: client).resolve(spec)
      do {
        (tool, binPath) = try Self.chooseBin(chosen.bin, name: chosen.name, label: chosen.id, wanted: bin, spec: specText)
      } catch let e as FeError { throw badBin(e) }
      try Names.validateTool(tool)
      try Names.validateVersion(chosen.version.description)
      let exact = PackageSpec(name: spec.name, selector: try VersionSelector(parsing: chosen.version.description))
      report = try installer.install([exact], into: image)
    }
    try Names.validateTool(tool)
    guard let root = report.packages.first(where: { $0.path == top }) else {
      throw FeError(.internalError, "\(spec) installed without its own package", hint: "this is a bug in fe; please report it")
    }
    try Names.validateVersion(root.version)
    // A native executable the bin is, or runs (PlatformExecutable's rule): exec'd at launch.
    let native = PlatformExecutable.find(image: image, package: top, bin: tool, binPath: binPath)
    let binRel = String(Path.normalize(binPath).dropFirst())
    let binIsNative = native?.path == Path.join(top, binRel)
    // The entry in the staged image, then where it will be once the blob is in place.
    let entryRel =
      binIsNative ? binRel : try Self.entry(packageDir: Path.join(image, top), bin: binPath, label: "\(root.name)@\(root.version)")
    let finalEntry = Path.join(layout.blobDir(tool, root.version), StoreLayout.imageDir, top, entryRel)
    guard var source = try FileSystem.read(Path.join(image, top, entryRel)) else {
      throw FeError(
        .integrity, "\(root.name)@\(root.version) declares the bin \(tool) as \(binPath), which its tarball lacks",
        hint: "the package is broken: pick another version")
    }
    // A bin that is itself an executable has no JS to compile: the blob's code runs it as a child.
    if binIsNative { source = Array(Self.nativeBinStub(tool: tool, package: "\(root.name)@\(root.version)").utf8) }
    // Node drops a leading #! line; inside a module wrapper it would be a syntax error.
    if source.starts(with: Array("#!".utf8)) { source.replaceSubrange(0..<2, with: Array("//".utf8)) }
    // The snapshot is built after the install (SnapshotJobs), unless asked for now; a bin that is
    // itself an executable has only the stub, which has no file in the image to run from.
    let built: BlobBuilder.Built?
    var manifest: FeStore.Manifest
    if SnapshotJobs.atInstall(context) || binIsNative {
      let done = try BlobBuilder(options: context.options).build(
        source: source, tool: tool, version: root.version, sourcePath: layout.sourcePath(tool, root.version), origin: finalEntry,
        image: ImageLocation(current: image, installed: Path.join(layout.blobDir(tool, root.version), StoreLayout.imageDir)))
      (built, manifest) = (done, done.manifest)
    } else {
      built = nil
      manifest = Manifest(
        name: tool, version: root.version, kind: try Self.moduleKind(packageDir: Path.join(image, top), entry: entryRel), source: source,
        snapshot: nil, engineId: Runtime.engineID, origin: finalEntry)
    }
    try ImageRecord(package: "\(root.name)@\(root.version)", registry: root.registry, report: report).write(into: image)
    manifest.imageSha256 = try ImageDigest.compute(image)
    manifest.native = native
    let blob = try store.install(
      tool: tool, version: root.version, source: source, snapshot: built?.snapshot, manifest: manifest, replace: true, image: image)
    tell(report)
    return Installed(blob: blob, package: "\(root.name)@\(root.version)", registry: root.registry, report: report)
  }

  /// The blob's code for a bin that is a native executable (its origin, so `__filename`): run
  /// only when the launch boots the runtime instead of exec'ing it (FE_NO_NATIVE_EXEC=1).
  static func nativeBinStub(tool: String, package: String) -> String {
    """
    // fe: the bin \(tool) of \(package) is a native executable, which fe execs directly at launch.
    // This runs it as a child when the launch goes through fe's runtime instead (FE_NO_NATIVE_EXEC=1).
    'use strict';
    const r = require('child_process').spawnSync(__filename, process.argv.slice(2), { stdio: 'inherit' });
    if (r.error) throw r.error;
    if (r.signal) process.kill(process.pid, r.signal);
    process.exitCode = r.status;

    """
  }

  /// FE_NPM_MIN_RELEASE_AGE in days, nil when unset.
  static func minReleaseAge(_ env: [String: String]) throws -> Double? {
    guard let text = env["FE_NPM_MIN_RELEASE_AGE"], !text.isEmpty else { return nil }
    guard let days = Double(text), days >= 0, days <= 36500 else {
      throw FeError(
        .usage, "FE_NPM_MIN_RELEASE_AGE=\(text) is not a number of days",
        hint: "set it to a number of days, e.g. FE_NPM_MIN_RELEASE_AGE=3")
    }
    return days
  }

  /// What the user should know about an install, on stderr (not with --quiet).
  private func tell(_ r: NpmInstallReport) {
    guard !context.options.quiet else { return }
    for note in r.deprecations { context.err("fe: warning: deprecated: \(note)") }
    for note in r.warnings { context.err("fe: warning: \(note)") }
    // A native tool's optional platform packages for other platforms (esbuild has 21) make one line.
    if r.skipped.count <= 3 {
      for note in r.skipped { context.err("fe: note: optional dependency left out: \(note)") }
    } else {
      let names = r.skipped.map { String($0.prefix { $0 != ":" }) }
      context.err(
        "fe: note: \(r.skipped.count) optional dependencies left out (not for this platform, or not resolved): \(names.joined(separator: ", "))")
    }
    if !r.installScripts.isEmpty {
      context.err("fe: note: install scripts not run (fe never runs them): \(r.installScripts.joined(separator: ", "))")
    }
  }

  /// The bin a tool name means: the one of that name (for `fe`, the main tool, else its only
  /// bin); with no name, the only one, else the one named after the package; anything else is a
  /// usage error listing the bins.
  static func chooseBin(
    _ bins: [String: String], name: PackageName, label: String, wanted: String?, spec: String
  ) throws -> (
    String, String
  ) {
    let list = bins.keys.sorted().joined(separator: ", ")
    // The main tool's key cannot name its bin (it is always `fe`): its only bin serves.
    if wanted == "fe", bins["fe"] == nil, bins.count == 1, let only = bins.first { return ("fe", only.value) }
    if let wanted {
      guard let path = bins[wanted] else {
        throw FeError(
          .usage, "\(label) has no bin named \(wanted)\(bins.isEmpty ? " (it has no bins)" : "; its bins: \(list)")",
          hint: bins.isEmpty ? "install a package that provides a command" : "name one of its bins (--bin, or the key in fe.config.js)")
      }
      return (wanted, path)
    }
    if bins.count == 1, let only = bins.first { return (only.key, only.value) }
    let base = String(name.text.split(separator: "/").last ?? "")
    if let path = bins[base] { return (base, path) }
    throw FeError(
      .usage, bins.isEmpty ? "\(label) has no bins to run" : "\(label) has several bins: \(list)",
      hint: bins.isEmpty
        ? "install a package that provides a command" : "pick one with --bin, e.g. fe blobs install \(spec) --bin \(bins.keys.sorted()[0])")
  }

  /// The file a bin runs, relative to the package: the bin itself, or, when the bin is a stub
  /// that only requires one relative file (`require('../lib/tsc.js')`), that file, so the
  /// snapshot holds the real code.
  static func entry(packageDir: String, bin: String, label: String) throws -> String {
    var rel = String(Path.normalize(bin).dropFirst())
    for _ in 0..<3 {
      guard let text = try FileSystem.readString(Path.join(packageDir, rel)), let target = stubTarget(text) else { break }
      var next = String(Path.normalize(Path.join("/", Path.dirname(rel), target)).dropFirst())
      if !FileSystem.isFile(Path.join(packageDir, next)), FileSystem.isFile(Path.join(packageDir, next + ".js")) { next += ".js" }
      guard FileSystem.isFile(Path.join(packageDir, next)) else { break }
      rel = next
    }
    return rel
  }

  /// How Node loads the entry: an ES module for `.mjs`, or `.js` in a package of `"type": "module"`.
  static func moduleKind(packageDir: String, entry: String) throws -> ToolKind {
    if entry.hasSuffix(".mjs") { return .esm }
    guard entry.hasSuffix(".js"), let text = try FileSystem.readString(Path.join(packageDir, "package.json")),
      let package = try? PackageJSON.parse(text, path: packageDir)
    else { return .cjs }
    return package.type == "module" ? .esm : .cjs
  }

  /// `target` when `text` is only a (shebang, comments, 'use strict' and) `require('<relative>')`.
  static func stubTarget(_ text: String) -> String? {
    var statements: [Substring] = []
    for line in text.split(separator: "\n") {
      let l = line.trimmingCharacters()
      if l.isEmpty || l.hasPrefix("#!") || l.hasPrefix("//") || l == "'use strict';" || l == "\"use strict\";" { continue }
      statements.append(l)
    }
    guard statements.count == 1 else { return nil }
    var s = statements[0]
    if s.hasSuffix(";") { s = s.dropLast() }
    guard s.hasPrefix("require("), s.hasSuffix(")") else { return nil }
    let arg = s.dropFirst("require(".count).dropLast()
    guard arg.count >= 2, let q = arg.first, q == "'" || q == "\"", arg.last == q else { return nil }
    let target = String(arg.dropFirst().dropLast())
    return target.hasPrefix("./") || target.hasPrefix("../") ? target : nil
  }
}

extension Substring {
  fileprivate func trimmingCharacters() -> Substring {
    var s = self
    while let c = s.first, c.isWhitespace { s = s.dropFirst() }
    while let c = s.last, c.isWhitespace { s = s.dropLast() }
    return s
  }
}
