import FeBasics
import FeSemver
import FoundationEssentials

/// A package's registry document (abbreviated or full): its dist-tags and versions.
public struct Packument: Sendable {
  public let name: PackageName
  public let distTags: [String: String]
  /// Parsable versions only, highest last.
  public let versions: [Manifest]
  /// Versions the registry lists that an install cannot use (no `dist.tarball`, or an entry
  /// that is not an object), with what is wrong. Picking one is an error naming it, as npm fails
  /// on it, rather than silently falling back to an older version.
  public let malformed: [Version: String]
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
    var usable: [Manifest] = []
    var malformed: [Version: String] = [:]
    for (key, entry) in versionsJSON {
      // A key that is not semver can satisfy no spec, as in npm; it is not an error.
      guard let version = try? Version(parsing: key) else { continue }
      if let m = Manifest(entry, packageName: name), m.version == version {
        usable.append(m)
      } else {
        malformed[version] =
          entry.object == nil
          ? "its entry is not a JSON object"
          : entry["dist"]?["tarball"]?.string == nil ? "it has no dist.tarball" : "its version field does not match"
      }
    }
    versions = usable.sorted { $0.version < $1.version }
    self.malformed = malformed
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
