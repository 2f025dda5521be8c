import ArgumentParser
import FeLaunch
import FeBasics
import FeEngine
import FeStore

extension BlobsCommand {
  struct Which: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the config file, pinned range, resolved version and blob path of a tool (default: fe).")

    @Argument(help: "The tool (default: fe).") var tool: String = "fe"
    @OptionGroup var output: OutputOptions

    func run() throws {
      let c = FeContext.shared
      let store = BlobStore(layout: c.layout)
      guard let config = try Launcher(context: c).loadConfig(required: true), let selector = try config.selector(for: tool) else {
        throw FeError(.config, "the project's config does not pin \(tool)", hint: "add it to fe.config.js")
      }
      let (version, locked) = try ToolResolver(store: store).resolvePinned(tool: tool, selector: selector, config: config)
      let path = store.layout.blobDir(tool, version.description)
      if output.json {
        c.out(JSValue.object([
          ("tool", .string(tool)), ("config", .string(config.path)), ("range", .string(config.pins[tool] ?? "")),
          ("version", .string(version.description)), ("path", .string(path)),
        ]).json)
      } else if !output.quiet {
        c.out("config   \(config.path)")
        c.out("range    \(tool)@\(config.pins[tool] ?? "")")
        c.out("version  \(version)" + (locked ? " (locked in \(Lockfile.fileName))" : ""))
        c.out("blob     \(path)")
      }
    }
  }
}
