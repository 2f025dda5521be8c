import FeBasics

extension Lockfile {
  /// One package of an npm tool's tree as fe.lock records it: where it sits in the image, what
  /// it is, the bytes it must be (`integrity`), and where they came from. Enough to install the
  /// tree again without asking a registry anything but the tarballs, and to refuse other bytes.
  public struct Package: Codable, Sendable, Equatable {
    /// The integrity (`sha512-…`) of the package's tarball.
    public var integrity: String
    public var name: String
    /// `node_modules/a/node_modules/b`, relative to the image.
    public var path: String
    /// The registry that served it (`https://registry.npmjs.org/`).
    public var registry: String
    /// The tarball's URL.
    public var resolved: String
    public var version: String

    public init(integrity: String, name: String, path: String, registry: String, resolved: String, version: String) {
      self.integrity = integrity
      self.name = name
      self.path = path
      self.registry = registry
      self.resolved = resolved
      self.version = version
    }

    /// One line, keys sorted: a package added, removed or changed is a one-line diff.
    func encodedLine() -> String {
      "{ \"integrity\": \(JSONString.quote(integrity)), \"name\": \(JSONString.quote(name)), \"path\": \(JSONString.quote(path)), "
        + "\"registry\": \(JSONString.quote(registry)), \"resolved\": \(JSONString.quote(resolved)), \"version\": \(JSONString.quote(version)) }"
    }

    /// What is wrong with it as read from a file, nil when nothing. The path is where files are
    /// written: only `node_modules/<name>` steps, never `..` or an absolute path.
    var problem: String? {
      if integrity.isEmpty { return "has no integrity" }
      if name.isEmpty { return "has no name" }
      if !Names.isValidVersion(version) { return "version \"\(version)\" is not a version" }
      if !(resolved.hasPrefix("https://") || resolved.hasPrefix("http://")) { return "resolved \"\(resolved)\" is not an http(s) URL" }
      if registry.isEmpty { return "has no registry" }
      let parts = path.split(separator: "/", omittingEmptySubsequences: false)
      var i = 0
      while i < parts.count {
        guard parts[i] == "node_modules", i + 1 < parts.count else { return "path \"\(path)\" is not node_modules/<name>/…" }
        let scoped = parts[i + 1].hasPrefix("@")
        let step = scoped ? 3 : 2
        guard i + step <= parts.count else { return "path \"\(path)\" is not node_modules/<name>/…" }
        for part in parts[(i + 1)..<(i + step)] where part.isEmpty || part == "." || part == ".." || part.contains("\\") {
          return "path \"\(path)\" is not node_modules/<name>/…"
        }
        i += step
      }
      return parts.isEmpty ? "has no path" : nil
    }
  }
}
