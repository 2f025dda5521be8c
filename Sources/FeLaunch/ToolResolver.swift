import FeBasics
import FeConfig
import FeSemver
import FeStore

/// Picks the installed version of a tool that a selector (from the config or the command
/// line) asks for: the highest satisfying one.
public struct ToolResolver {
  let store: BlobStore

  public init(store: BlobStore) { self.store = store }

  public func installedVersions(_ tool: String) -> [Version] {
    store.versions(of: tool).compactMap { try? Version(parsing: $0) }.sorted()
  }

  /// The installed version a launch of a tool pinned by `config` runs, without installing
  /// anything: fe.lock's while it satisfies the pin (an error when that one is not installed),
  /// else the highest installed match. `fe blobs which` and `list` agree with launches this way.
  public func resolvePinned(tool: String, selector: VersionSelector, config: ProjectConfig) throws -> (version: Version, locked: Bool) {
    let lockPath = Lockfile.path(forConfig: config.path)
    if let entry = try Lockfile.read(lockPath)?.entry(for: tool, satisfying: selector) {
      guard store.versions(of: tool).contains(entry.version), let version = try? Version(parsing: entry.version) else {
        throw FeError(
          .notInstalled, "\(tool)@\(entry.version), locked in \(lockPath), is not installed",
          hint: "run `fe blobs install`")
      }
      return (version, true)
    }
    return (try resolve(tool: tool, selector: selector, pinnedIn: config.path), false)
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
