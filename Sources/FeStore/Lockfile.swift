import FeBasics
import FeSemver
import FoundationEssentials

/// `fe.lock`, next to `fe.config.js`: the exact version of every tool the project pins, the
/// sha256 of its source bundle and where it came from, so every machine and CI job runs the
/// same bytes. Written by `fe blobs install`, read by installs and launches.
///
///     {
///       "lockfileVersion": 1,
///       "tools": {
///         "fe": {
///           "range": "^2.1.0",
///           "registry": "https://host/blobs",
///           "sha256": "<hex sha256 of source.js>",
///           "version": "2.1.0"
///         }
///       }
///     }
///
/// A tool from an npm registry also records its whole tree under `packages` (Lockfile.Package,
/// one line each), so a frozen install puts back exactly those packages, checked by integrity.
///
/// The bytes are stable (keys sorted, 2-space indent, one key per line, one line per npm package,
/// trailing newline), so a change of one tool is a diff of a few lines.
public struct Lockfile: Sendable, Equatable {
  /// The file name, in the config's directory.
  public static let fileName = "fe.lock"
  /// The lockfile format this fe reads and writes.
  public static let currentVersion = 1
  /// `registry` prefix of a tool installed from a local path rather than a registry.
  public static let localPrefix = "local:"

  /// One locked tool.
  public struct Entry: Codable, Sendable, Equatable {
    /// An npm tool's tree, every package of it (nil for fe's own registry format, and in locks
    /// written before trees were recorded).
    public var packages: [Package]?
    /// The range the config pinned when this entry was written (the pin as written).
    public var range: String
    /// The registry it came from (URL or absolute directory, as configured), or `local:<path>`.
    public var registry: String
    /// Lowercase hex sha256 of the tool's source bundle (`source.js`).
    public var sha256: String
    /// The exact version.
    public var version: String

    public init(range: String, registry: String, sha256: String, version: String, packages: [Package]? = nil) {
      self.packages = packages
      self.range = range
      self.registry = registry
      self.sha256 = sha256
      self.version = version
    }
  }

  /// Format version (`currentVersion`).
  public var lockfileVersion: Int
  /// Tool name → entry.
  public var tools: [String: Entry]

  public init(tools: [String: Entry] = [:]) {
    self.lockfileVersion = Self.currentVersion
    self.tools = tools
  }

  /// `fe.lock` beside the config file at `configPath`.
  public static func path(forConfig configPath: String) -> String {
    Path.join(Path.dirname(configPath), fileName)
  }

  // MARK: Checking against the config

  /// Why a lock entry cannot be used for a pin.
  public enum Staleness: Sendable, Equatable {
    /// The config pins the tool, the lock has no entry for it.
    case missing
    /// The locked version does not satisfy the pinned range.
    case unsatisfied(locked: String, range: String)
  }

  /// The entry for `tool` when its version satisfies `selector` (a dist-tag like `latest` is
  /// satisfied by whatever was locked: the lock records what the tag meant then).
  public func entry(for tool: String, satisfying selector: VersionSelector) -> Entry? {
    guard let entry = tools[tool] else { return nil }
    return Self.satisfies(entry.version, selector) ? entry : nil
  }

  /// Each pinned tool whose lock entry is missing or no longer satisfies its pin, sorted by name.
  /// Entries for tools the config no longer pins are not stale: they are just not used.
  public func staleness(against pins: [String: VersionSelector]) -> [(tool: String, why: Staleness)] {
    pins.keys.sorted().compactMap { tool in
      guard let selector = pins[tool] else { return nil }
      guard let entry = tools[tool] else { return (tool, .missing) }
      if Self.satisfies(entry.version, selector) { return nil }
      return (tool, .unsatisfied(locked: entry.version, range: selector.description))
    }
  }

  static func satisfies(_ version: String, _ selector: VersionSelector) -> Bool {
    guard let v = try? Version(parsing: version) else { return false }
    switch selector {
    case .range(let range): return range.contains(v, includePrerelease: v.isPrerelease)
    case .tag: return true
    }
  }

  // MARK: Bytes

  /// The stable text: sorted keys, 2-space indent, `"key": value`, trailing newline.
  /// Hand-written rather than JSONEncoder, whose pretty printing puts a space before colons.
  public func encoded() -> [UInt8] {
    var out = "{\n  \"lockfileVersion\": \(lockfileVersion),\n  \"tools\": {"
    let names = tools.keys.sorted()
    for (i, name) in names.enumerated() {
      guard let e = tools[name] else { continue }
      out += "\n    \(JSONString.quote(name)): {\n"
      if let packages = e.packages {
        out += "      \"packages\": ["
        for (j, p) in packages.enumerated() { out += (j == 0 ? "\n" : ",\n") + "        " + p.encodedLine() }
        out += packages.isEmpty ? "],\n" : "\n      ],\n"
      }
      out += "      \"range\": \(JSONString.quote(e.range)),\n"
      out += "      \"registry\": \(JSONString.quote(e.registry)),\n"
      out += "      \"sha256\": \(JSONString.quote(e.sha256)),\n"
      out += "      \"version\": \(JSONString.quote(e.version))\n"
      out += "    }" + (i == names.count - 1 ? "\n  " : ",")
    }
    out += "}\n}\n"
    return Array(out.utf8)
  }

  /// Parses and checks a lock read from `path`; anything wrong is a config error naming the file and the fix.
  public static func decode(_ bytes: [UInt8], path: String) throws -> Lockfile {
    struct Raw: Decodable {
      var lockfileVersion: Int
      var tools: [String: Entry]
    }
    let raw: Raw
    do {
      raw = try JSONDecoder().decode(Raw.self, from: Data(bytes))
    } catch let error as DecodingError {
      throw malformed(path, JSONProblem.describe(error))
    } catch {
      throw malformed(path, "not valid JSON")
    }
    if raw.lockfileVersion > currentVersion {
      throw FeError(
        .config, "\(path) has lockfileVersion \(raw.lockfileVersion), newer than this fe reads (\(currentVersion))",
        hint: "upgrade fe, or delete \(path) and run `fe blobs install` to write it again")
    }
    if raw.lockfileVersion != currentVersion { throw malformed(path, "lockfileVersion \(raw.lockfileVersion) is not \(currentVersion)") }
    for (tool, entry) in raw.tools {
      if !Names.isValidTool(tool) { throw malformed(path, "\"\(tool)\" is not a valid tool name") }
      if !Names.isValidVersion(entry.version) { throw malformed(path, "tools.\(tool).version \"\(entry.version)\" is not a version") }
      if !Manifest.isSha256Hex(entry.sha256) { throw malformed(path, "tools.\(tool).sha256 is not a lowercase hex sha256") }
      if entry.registry.isEmpty { throw malformed(path, "tools.\(tool).registry is empty") }
      for (i, p) in (entry.packages ?? []).enumerated() {
        if let problem = p.problem { throw malformed(path, "tools.\(tool).packages[\(i)] \(problem)") }
      }
    }
    var lock = Lockfile(tools: raw.tools)
    lock.lockfileVersion = raw.lockfileVersion
    return lock
  }

  /// The lock at `path`, nil when there is none.
  public static func read(_ path: String) throws -> Lockfile? {
    guard let bytes = try FileSystem.read(path) else { return nil }
    return try decode(bytes, path: path)
  }

  /// Writes the lock atomically (readers see the old file or the new one); skips the write when
  /// the bytes would not change, so an unchanged lock keeps its mtime. Returns whether it wrote.
  @discardableResult
  public func write(to path: String) throws -> Bool {
    let bytes = encoded()
    if let current = try? FileSystem.read(path), current == bytes { return false }
    try FileSystem.writeAtomically(path, bytes)
    return true
  }

  static func malformed(_ path: String, _ reason: String) -> FeError {
    FeError(
      .config, "\(path) is malformed (\(reason))",
      hint: "fix it, or delete it and run `fe blobs install` to write it again from fe.config.js")
  }
}

/// One phrase for what a JSONDecoder error found, naming the key.
enum JSONProblem {
  static func describe(_ error: DecodingError) -> String {
    func key(_ path: [any CodingKey]) -> String { path.map(\.stringValue).joined(separator: ".") }
    switch error {
    case .keyNotFound(let k, let ctx): return "missing \"\(key(ctx.codingPath + [k]))\""
    case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
      return ctx.codingPath.isEmpty ? "not a JSON object" : "\"\(key(ctx.codingPath))\" has the wrong type"
    case .dataCorrupted(let ctx):
      return ctx.codingPath.isEmpty ? "not valid JSON" : "\"\(key(ctx.codingPath))\" is invalid"
    @unknown default: return "cannot be decoded"
    }
  }
}
