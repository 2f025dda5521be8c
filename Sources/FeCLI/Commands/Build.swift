import ArgumentParser
import FeBasics
import FeLaunch
import FeStore

extension BlobsCommand {
  struct Build: FeCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build a blob from a single-file bundle or an npm package directory, and install it.",
      discussion: """
        A fe-native bundle (one that calls fe.main(async (args, ctx) => code)) runs once now; an ES \
        module exporting main(args) loads at launch; any other CommonJS file is an unmodified Node \
        CLI: compiled now, run at launch as the main module. A package directory's "bin" is bundled \
        with its dependencies by esbuild first (node_modules, then NODE_PATH).
        """
    )

    @Argument(help: "The tool's single-file bundle, or a package directory with a \"bin\".") var entry: String
    @Option(help: "The tool's name, e.g. fe or tsc (a package: its bin's name).") var name: String?
    @Option(help: "The version, as semver: 2.1.0 (a package: its package.json's).") var version: String?
    @Option(help: "For a package directory with several bins: the one to bundle.") var bin: String?
    @OptionGroup var output: OutputOptions

    func run(_ c: FeContext) throws {
      let path = Path.absolute(entry, from: c.cwd)
      let store = BlobStore(layout: c.layout)
      if FileSystem.isDirectory(path) {
        guard let info = try NodePackage.info(path) else {
          throw FeError(
            .usage, "\(path) is not a package with a \"bin\"", hint: "pass the tool's bundle file, or use fe blobs install \(entry)")
        }
        let b = try NodePackage.bundle(dir: path, info: info, bin: bin, name: name, version: version, env: c.env)
        if let warning = b.warning { c.err(warning) }
        let blob = try BlobBuilder(options: c.options).install(
          source: b.source, tool: b.tool, version: b.version, origin: path, store: store, replace: true)
        if !output.quiet { c.out("built \(blob.spec) from \(b.entry) → \(blob.path)") }
        return
      }
      guard let name, let version else {
        throw FeError(
          .usage, "building \(entry) needs --name and --version", hint: "fe blobs build \(entry) --name <tool> --version <x.y.z>")
      }
      guard let source = try FileSystem.read(path) else {
        throw FeError(.usage, "no such file: \(path)", hint: "pass the path of the tool's bundle")
      }
      let blob = try BlobBuilder(options: c.options).install(
        source: source, tool: name, version: version, origin: path, store: store, replace: true)
      if !output.quiet { c.out("built \(blob.spec) → \(blob.path)") }
    }
  }
}
