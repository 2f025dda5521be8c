import FeBasics
import FeSemver

/// A package's registry document (abbreviated or full): its dist-tags and versions.
public struct Packument: Sendable {
  public let name: PackageName
  public let distTags: [String: String]
  /// Parsable versions only, highest last.
  public let versions: [Manifest]

  init(name: PackageName, bytes: [UInt8], url: String) throws {
    guard let json = JSONValue.parse(bytes), let versionsJSON = json["versions"]?.object else {
      throw FeError(
        .registry, "\(url) is not an npm package document (no JSON object with `versions`)",
        hint: "check that the registry URL points at an npm registry (registry= in .npmrc)")
    }
    self.name = name
    distTags = json["dist-tags"]?.stringMap ?? [:]
    versions = versionsJSON.values.compactMap { Manifest($0, packageName: name) }.sorted { $0.version < $1.version }
  }

  public func manifest(_ version: Version) -> Manifest? {
    versions.last { $0.version == version }
  }
}
