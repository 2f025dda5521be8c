import ArgumentParser
import FeBasics
import FeLaunch
import FeStore

extension BlobsCommand {
  struct Remove: FeCommand {
    static let configuration = CommandConfiguration(abstract: "Delete one installed blob: <tool>@<version>.")

    @Argument(help: "<tool>@<version>, an exact version.") var spec: String
    @OptionGroup var output: OutputOptions

    func run(_ c: FeContext) throws {
      let (tool, version) = try ToolSpec.parse(spec)
      guard let version else {
        throw FeError(.usage, "remove needs an exact version: \(tool)@<version>", hint: "see `fe blobs list`")
      }
      try Names.validateTool(tool)
      try Names.validateVersion(version)
      let store = BlobStore(layout: c.layout)
      guard store.versions(of: tool).contains(version) else {
        throw FeError(.notInstalled, "\(tool)@\(version) is not installed", hint: "see `fe blobs list`")
      }
      try store.remove(tool: tool, version: version)
      if !output.quiet { c.out("removed \(tool)@\(version)") }
    }
  }
}
