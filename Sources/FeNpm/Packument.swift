import FeBasics
import FeSemver
import FoundationEssentials

/// A package's registry document (abbreviated or full): its dist-tags and versions.
public struct Packument: Sendable {
  public let name: PackageName
  public let distTags: [String: String]
  /// Parsable versions only, highest last.
  public let versions: [Manifest]
  /// Publish time per version (full packuments only; the abbreviated form has none).
  public let time: [String: Date]

  init(name: PackageName, bytes: [UInt8], url: String) throws {
    guard let json = JSONValue.parse(bytes), let versionsJSON = json["versions"]?.object else {
      throw FeError(
        .registry, "\(url) is not an npm package document (no JSON object with `versions`)",
        hint: "check that the registry URL points at an npm registry (registry= in .npmrc)")
    }
    self.name = name
    distTags = json["dist-tags"]?.stringMap ?? [:]
    versions = versionsJSON.values.compactMap { Manifest($0, packageName: name) }.sorted { $0.version < $1.version }
    var time: [String: Date] = [:]
    for (v, t) in json["time"]?.stringMap ?? [:] {
      if let d = try? Date(t, strategy: .iso8601) { time[v] = d }
    }
    self.time = time
  }

  public func manifest(_ version: Version) -> Manifest? {
    versions.last { $0.version == version }
  }
}
