import ArgumentParser
import FeBasics
import FeStore

extension BlobsCommand {
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build a blob from a single-file bundle and install it.",
      discussion: "A fe-native bundle runs once now and registers fe.main(async (args, ctx) => code); an ES module exporting main(args) loads at launch."
    )

    @Argument(help: "The tool's single-file bundle.") var entry: String
    @Option(help: "The tool's name, e.g. fe or tsc.") var name: String
    @Option(help: "The version, as semver: 2.1.0.") var version: String
    @OptionGroup var output: OutputOptions

    func run() throws {
      let c = CLIContext.shared
      let path = Path.absolute(entry, from: c.cwd)
      guard let source = try FileSystem.read(path) else {
        throw FeError(.usage, "no such file: \(path)", hint: "pass the path of the tool's bundle")
      }
      let blob = try BlobBuilder.install(
        source: source, tool: name, version: version, origin: path, store: BlobStore(layout: c.layout), replace: true)
      if !output.quiet { c.out("built \(blob.spec) → \(blob.path)") }
    }
  }
}
