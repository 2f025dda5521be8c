import FeBasics
import FeSemver

/// One version of a package as the registry's (abbreviated) packument describes it: what an
/// install needs, and nothing from the tarball.
public struct Manifest: Sendable {
  public let name: PackageName
  public let version: Version
  public let dependencies: [String: String]
  public let optionalDependencies: [String: String]
  public let peerDependencies: [String: String]
  /// Peers marked `{optional: true}` in peerDependenciesMeta.
  public let optionalPeers: Set<String>
  /// Dependencies shipped inside the tarball (`bundleDependencies`, or `bundledDependencies`).
  public let bundled: Set<String>
  /// Command name → file in the package.
  public let bin: [String: String]
  public let os: [String]
  public let cpu: [String]
  public let libc: [String]
  public let deprecated: String?
  public let hasInstallScript: Bool
  public let dist: Dist

  public struct Dist: Sendable {
    public let tarball: String
    /// The SRI string (`sha512-…`, possibly several space-separated).
    public let integrity: String?
    /// The hex sha1, npm's older check.
    public let shasum: String?
    public let signatures: [(keyid: String, sig: String)]
  }

  /// The manifest in `json` (one entry of a packument's `versions`), or nil when it lacks a name,
  /// a version or a tarball.
  init?(_ json: JSONValue, packageName: PackageName) {
    guard let versionText = json["version"]?.string, let version = try? Version(parsing: versionText),
      let tarball = json["dist"]?["tarball"]?.string
    else { return nil }
    name = packageName
    self.version = version
    dependencies = json["dependencies"]?.stringMap ?? [:]
    // npm lists optional dependencies in `dependencies` too; `optionalDependencies` decides.
    optionalDependencies = json["optionalDependencies"]?.stringMap ?? [:]
    peerDependencies = json["peerDependencies"]?.stringMap ?? [:]
    var optionalPeers = Set<String>()
    for (k, v) in json["peerDependenciesMeta"]?.object ?? [:] where v["optional"] == .bool(true) { optionalPeers.insert(k) }
    self.optionalPeers = optionalPeers
    let bundleField = json["bundleDependencies"] ?? json["bundledDependencies"]
    if bundleField == .bool(true) {
      bundled = Set(dependencies.keys)
    } else {
      bundled = Set(bundleField?.stringList ?? [])
    }
    bin = Self.bins(json["bin"], packageName: packageName)
    os = json["os"]?.stringList ?? []
    cpu = json["cpu"]?.stringList ?? []
    libc = json["libc"]?.stringList ?? []
    deprecated = json["deprecated"]?.string.flatMap { $0.isEmpty ? nil : $0 }
    hasInstallScript = json["hasInstallScript"] == .bool(true)
    let dist = json["dist"]
    var signatures: [(String, String)] = []
    for s in dist?["signatures"]?.array ?? [] {
      if let keyid = s["keyid"]?.string, let sig = s["sig"]?.string { signatures.append((keyid, sig)) }
    }
    self.dist = Dist(
      tarball: tarball, integrity: dist?["integrity"]?.string, shasum: dist?["shasum"]?.string, signatures: signatures)
  }

  /// A `bin` field as npm reads it: a string is one command named after the package (without scope).
  static func bins(_ field: JSONValue?, packageName: PackageName) -> [String: String] {
    if let single = field?.string { return [String(packageName.text.split(separator: "/").last ?? ""): single] }
    return field?.stringMap ?? [:]
  }

  /// `name@version`, as npm prints a package.
  public var id: String { "\(name)@\(version)" }
}
