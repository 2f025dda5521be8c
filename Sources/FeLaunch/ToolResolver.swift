import FeBasics
import FeConfig
import FeSemver
import FeStore

/// Picks the installed version of a tool that a selector (from the config or the command
/// line) asks for: the highest satisfying one. For a tool the project pins, PinnedVersion
/// puts fe.lock first.
public struct ToolResolver {
  let store: BlobStore

  public init(store: BlobStore) { self.store = store }

  public func installedVersions(_ tool: String) -> [Version] {
    store.versions(of: tool).compactMap { try? Version(parsing: $0) }.sorted()
  }

  public func resolve(tool: String, selector: VersionSelector, pinnedIn configPath: String?) throws -> Version {
    let installed = installedVersions(tool)
    let match: Version?
    switch selector {
    case .range(let range): match = range.highest(in: installed)
    case .tag(let tag):
      // Without a registry, `latest` means the highest installed release.
      match = tag == "latest" ? installed.filter { !$0.isPrerelease }.max() : nil
    }
    if let match { return match }
    let have = installed.isEmpty ? "none" : installed.map(\.description).joined(separator: ", ")
    let origin = configPath.map { " (pinned in \($0))" } ?? ""
    throw FeError(
      .notInstalled, "no installed version of \(tool) matches \(selector)\(origin); installed: \(have)",
      hint: "run `fe blobs install \(tool)@\(selector)`, or `fe blobs install <path>` for a local bundle")
  }
}
