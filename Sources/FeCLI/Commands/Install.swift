import ArgumentParser
import FeBasics
import FeConfig
import FeSemver
import FeStore

extension BlobsCommand {
  struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Install blobs: what the project pins, <tool>@<range>, or a local bundle or source directory.",
      discussion: """
        A source directory holds a package.json with "name", "version" and "main" (the single-file
        bundle). A .js file needs --name and --version.
        """
    )

    @Argument(help: "<tool>@<range>, a directory, or a .js bundle. Empty: everything the project pins.")
    var target: String?
    @Option(help: "Tool name, for a .js bundle.") var name: String?
    @Option(help: "Version, for a .js bundle.") var version: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
      let c = CLIContext.shared
      let store = BlobStore(layout: c.layout)
      guard let target else { return try installPinned(c, store) }
      let path = Path.absolute(target, from: c.cwd)
      if FileSystem.isDirectory(path) || target.hasSuffix(".js") || target.hasSuffix(".mjs") || target.hasSuffix(".cjs") {
        return try installLocal(path, c, store)
      }
      try installSpec(target, c, store)
    }

    private func installLocal(_ path: String, _ c: CLIContext, _ store: BlobStore) throws {
      let (entry, tool, ver) = try LocalSource.describe(path, name: name, version: version)
      guard let source = try FileSystem.read(entry) else {
        throw FeError(.usage, "no such file: \(entry)", hint: "check the path (and \"main\" in package.json)")
      }
      let blob = try BlobBuilder.install(source: source, tool: tool, version: ver, origin: path, store: store, replace: true)
      report(c, "installed \(blob.spec) from \(path)", blob: blob)
    }

    private func installSpec(_ spec: String, _ c: CLIContext, _ store: BlobStore) throws {
      let (tool, range) = try ToolSpec.parse(spec)
      try Names.validateTool(tool)
      let selector: VersionSelector
      do { selector = try VersionSelector(parsing: range ?? "latest") } catch {
        throw FeError(.usage, "\"\(range ?? "")\" is not a valid version range: \(error)", hint: "use npm's range syntax, e.g. \(tool)@^2.1.0")
      }
      let version = try ToolResolver(store: store).resolve(tool: tool, selector: selector, pinnedIn: nil)
      if !output.quiet { c.out("\(tool)@\(version) is already installed") }
    }

    private func installPinned(_ c: CLIContext, _ store: BlobStore) throws {
      guard let config = try Launcher(context: c).loadConfig(required: true) else { return }
      let resolver = ToolResolver(store: store)
      for tool in config.pins.keys.sorted() {
        guard let selector = try config.selector(for: tool) else { continue }
        let version = try resolver.resolve(tool: tool, selector: selector, pinnedIn: config.path)
        _ = try BlobOpener(store: store, context: c).open(tool: tool, version: version.description)
        if !output.quiet { c.out("\(tool)@\(version) satisfies \(selector)") }
      }
    }

    private func report(_ c: CLIContext, _ text: String, blob: InstalledBlob) {
      if output.json {
        c.out(BlobJSON.entry(blob, pinned: false).json)
      } else if !output.quiet {
        c.out(text)
      }
    }
  }
}

/// `tool@range` on the command line (`@scope/name@range` keeps its leading @).
enum ToolSpec {
  static func parse(_ spec: String) throws -> (tool: String, range: String?) {
    let body = spec.hasPrefix("@") ? String(spec.dropFirst()) : spec
    guard let at = body.lastIndex(of: "@") else { return (spec, nil) }
    let tool = (spec.hasPrefix("@") ? "@" : "") + body[..<at]
    let range = String(body[body.index(after: at)...])
    if tool.isEmpty || range.isEmpty {
      throw FeError(.usage, "\"\(spec)\" is not <tool>@<range>", hint: "for example fe@^2 or tsc@4.8.x")
    }
    return (tool, range)
  }
}

/// A local source: a directory with package.json, or a bundle file with --name/--version.
enum LocalSource {
  static func describe(_ path: String, name: String?, version: String?) throws -> (entry: String, tool: String, version: String) {
    if FileSystem.isDirectory(path) {
      let pkgPath = Path.join(path, "package.json")
      guard let text = try FileSystem.readString(pkgPath) else {
        throw FeError(.usage, "\(path) has no package.json", hint: "add one with \"name\", \"version\" and \"main\", or pass the bundle file")
      }
      let pkg = try PackageJSON.parse(text, path: pkgPath)
      guard let tool = name ?? pkg.name, let ver = version ?? pkg.version else {
        throw FeError(.usage, "\(pkgPath) needs \"name\" and \"version\"", hint: "or pass --name and --version")
      }
      return (Path.join(path, pkg.main ?? "index.js"), tool, ver)
    }
    guard let name, let version else {
      throw FeError(.usage, "installing the bundle \(path) needs --name and --version", hint: "fe blobs install \(Path.basename(path)) --name <tool> --version <x.y.z>")
    }
    return (path, name, version)
  }
}
