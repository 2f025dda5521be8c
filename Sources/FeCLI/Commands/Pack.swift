import ArgumentParser
import FeBasics
import FeLaunch
import FeRegistry
import FeSemver
import FeStore

extension BlobsCommand {
  struct Pack: FeCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write installed blobs (sources and snapshots) to one file for `fe blobs install --from`.",
      discussion: """
        Without arguments every installed blob is packed. <tool> packs all its installed versions;
        <tool>@<range> the highest installed one that matches. The format (FEPACK01, each file
        zstd-compressed and sha256-checked) is described in the README.
        """
    )

    @Argument(help: "<tool> or <tool>@<range>; empty: every installed blob.") var specs: [String] = []
    @Option(name: .shortAndLong, help: "The file to write.") var output: String
    @Flag(help: "Print nothing but errors.") var quiet = false

    func run(_ c: FeContext) throws {
      let store = BlobStore(layout: c.layout)
      var blobs: [InstalledBlob] = []
      if specs.isEmpty { blobs = store.installed() }
      for spec in specs {
        let (tool, range) = try ToolSpec.parse(spec)
        try Names.validateTool(tool)
        let versions = store.versions(of: tool)
        let picked: [String]
        if let range {
          let selector: VersionSelector
          do { selector = try VersionSelector(parsing: range) } catch {
            throw FeError(.usage, "\"\(range)\" is not a valid version range: \(error)", hint: "for example \(tool)@2.1.0")
          }
          let version = try ToolResolver(store: store).resolve(tool: tool, selector: selector, pinnedIn: nil)
          picked = [version.description]
        } else {
          picked = versions
        }
        guard !picked.isEmpty else {
          throw FeError(.notInstalled, "no version of \(tool) is installed", hint: "see `fe blobs list`")
        }
        for version in picked {
          if let blob = try store.blob(tool: tool, version: version), !blobs.contains(where: { $0.spec == blob.spec }) {
            blobs.append(blob)
          }
        }
      }
      guard !blobs.isEmpty else {
        throw FeError(.notInstalled, "there are no installed blobs to pack", hint: "install some first: `fe blobs install <tool>@<range>`")
      }
      let path = Path.absolute(output, from: c.cwd)
      try BlobPack.write(blobs, store: store, to: path)
      if !quiet {
        c.out("packed \(blobs.map(\.spec).joined(separator: ", ")) into \(path) (\(ProgressBar.bytes(Int64(FileSystem.size(path) ?? 0))))")
      }
    }
  }
}
