import FeBasics
import FeSemver
import FeStore
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `<registry>/<tool>/index.json`: every published version of one tool, the hashes that prove
/// its files, and tags. Paths are relative to `<registry>/<tool>/`.
///
///     {
///       "schema": 1,
///       "name": "fe",
///       "serial": 7,                          publish increments it (optional: older indexes lack it)
///       "expires": "2027-12-06T12:00:00Z",   when a signed index stops being accepted (optional)
///       "tags": { "latest": "2.1.0" },
///       "versions": {
///         "2.1.0": {
///           "source": "2.1.0/source.js.zst",   the zstd-compressed bundle
///           "sha256": "…", "size": 1234,        of source.js.zst, as downloaded
///           "sourceSha256": "…", "sourceSize": 5678,   of the bundle itself (= the manifest's sourceSha256)
///           "published": "2024-05-01T12:00:00Z",
///           "snapshots": {                      prebuilt blobs, by engine id (optional)
///             "v8-10.2.154.26-0123456789abcdef": {
///               "path": "2.1.0/v8-10.2.154.26-0123456789abcdef.blob.zst",
///               "sha256": "…", "size": 999,         of the .blob.zst
///               "blobSha256": "…", "blobSize": 4096, of snapshot.bin (fe's header + V8 snapshot)
///               "kind": "fe-native"
///             }
///           }
///         }
///       }
///     }
public struct RegistryIndex: Codable, Sendable, Equatable {
  public static let currentSchema = 1
  /// Largest file fe downloads or unpacks for one blob (compressed or not).
  public static let maxFileSize: Int64 = 2 << 30
  /// Largest index fe reads.
  public static let maxIndexSize = 32 << 20

  public var schema: Int
  public var name: String
  public var tags: [String: String]
  public var versions: [String: Release]
  /// Increases with every change `fe blobs publish` makes. With trusted keys, fe refuses an
  /// index whose serial is lower than the highest it has accepted for the same registry and
  /// tool (IndexSerials): a mirror cannot roll the version list back. Absent counts as 0.
  public var serial: Int?
  /// `YYYY-MM-DDTHH:MM:SSZ`: after it, a signed index is refused, so a mirror cannot freeze
  /// clients on an old one forever. Absent: it does not expire.
  public var expires: String?

  /// One published version.
  public struct Release: Codable, Sendable, Equatable {
    public var source: String
    public var sha256: String
    public var size: Int64
    public var sourceSha256: String
    public var sourceSize: Int64
    public var published: String?
    public var snapshots: [String: Snapshot]
    /// An npm tool's package image (its installed tree); `source` is then its bin's entry file.
    public var image: Image?

    public init(
      source: String, sha256: String, size: Int64, sourceSha256: String, sourceSize: Int64, published: String?,
      snapshots: [String: Snapshot] = [:], image: Image? = nil
    ) {
      self.source = source
      self.sha256 = sha256
      self.size = size
      self.sourceSha256 = sourceSha256
      self.sourceSize = sourceSize
      self.published = published
      self.snapshots = snapshots
      self.image = image
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      source = try c.decode(String.self, forKey: .source)
      sha256 = try c.decode(String.self, forKey: .sha256)
      size = try c.decode(Int64.self, forKey: .size)
      sourceSha256 = try c.decode(String.self, forKey: .sourceSha256)
      sourceSize = try c.decode(Int64.self, forKey: .sourceSize)
      published = try c.decodeIfPresent(String.self, forKey: .published)
      snapshots = try c.decodeIfPresent([String: Snapshot].self, forKey: .snapshots) ?? [:]
      image = try c.decodeIfPresent(Image.self, forKey: .image)
    }
  }

  /// A package image as published: `<version>/image.zst`, the zstd of its `ImageArchive`.
  /// Snapshots are never published with one (they name paths in the publisher's store), so
  /// each install builds its own.
  public struct Image: Codable, Sendable, Equatable {
    public var path: String
    public var sha256: String
    public var size: Int64
    /// The unpacked archive's sha256 and size.
    public var archiveSha256: String
    public var archiveSize: Int64
    /// `ImageDigest` of the unpacked tree: the blob manifest's `imageSha256`.
    public var digest: String
    /// The bin's entry file, relative to the image (`node_modules/typescript/lib/tsc.js`).
    public var entry: String
    /// The native executable a launch execs instead of the entry, as in the blob's manifest.
    public var native: NativeExecutable?

    public init(
      path: String, sha256: String, size: Int64, archiveSha256: String, archiveSize: Int64, digest: String, entry: String,
      native: NativeExecutable? = nil
    ) {
      self.path = path
      self.sha256 = sha256
      self.size = size
      self.archiveSha256 = archiveSha256
      self.archiveSize = archiveSize
      self.digest = digest
      self.entry = entry
      self.native = native
    }
  }

  /// A prebuilt blob for one engine.
  public struct Snapshot: Codable, Sendable, Equatable {
    public var path: String
    public var sha256: String
    public var size: Int64
    public var blobSha256: String
    public var blobSize: Int64
    public var kind: String

    public init(path: String, sha256: String, size: Int64, blobSha256: String, blobSize: Int64, kind: String) {
      self.path = path
      self.sha256 = sha256
      self.size = size
      self.blobSha256 = blobSha256
      self.blobSize = blobSize
      self.kind = kind
    }
  }

  /// An empty index for `name`.
  public init(name: String) {
    schema = Self.currentSchema
    self.name = name
    tags = [:]
    versions = [:]
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    schema = try c.decode(Int.self, forKey: .schema)
    name = try c.decode(String.self, forKey: .name)
    tags = try c.decodeIfPresent([String: String].self, forKey: .tags) ?? [:]
    versions = try c.decodeIfPresent([String: Release].self, forKey: .versions) ?? [:]
    serial = try c.decodeIfPresent(Int.self, forKey: .serial)
    expires = try c.decodeIfPresent(String.self, forKey: .expires)
  }

  /// When the index expires, seconds since the epoch (nil: never, or `expires` is malformed,
  /// which `problem(tool:)` reports).
  public var expiryTime: time_t? { expires.flatMap(SeenLocks.parseTimestamp) }

  // MARK: Reading and writing

  /// Parses and checks the index of `tool` fetched from `origin`; anything malformed is an integrity error.
  public static func decode(_ bytes: [UInt8], tool: String, origin: String) throws -> RegistryIndex {
    let index: RegistryIndex
    do {
      index = try JSONDecoder().decode(RegistryIndex.self, from: Data(bytes))
    } catch {
      throw malformed(origin, "it is not an fe registry index (\(describe(error)))")
    }
    if let problem = index.problem(tool: tool) { throw malformed(origin, problem) }
    return index
  }

  /// Pretty JSON with sorted keys and a final newline: the same index always gives the same bytes.
  public func encoded() -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
    return Array(data) + [0x0A]
  }

  /// What makes this index unusable for `tool`, if anything. Every name and path is checked
  /// here, before any of them is used to build a URL or a file name.
  public func problem(tool: String) -> String? {
    if schema != Self.currentSchema { return "schema \(schema), this fe reads schema \(Self.currentSchema)" }
    if name != tool { return "it describes \"\(name.prefix(60))\", not \(tool)" }
    if let serial, serial < 0 { return "serial \(serial) is negative" }
    if let expires, expiryTime == nil { return "expires \"\(expires.prefix(40))\" is not a YYYY-MM-DDTHH:MM:SSZ date" }
    for (version, release) in versions {
      guard Names.isValidVersion(version) else { return "\"\(version.prefix(60))\" is not a valid version" }
      if let p = Self.pathProblem(release.source) { return "\(version): source \(p)" }
      if let p = Self.fileProblem(sha256: release.sha256, size: release.size) { return "\(version): source.js.zst \(p)" }
      if let p = Self.fileProblem(sha256: release.sourceSha256, size: release.sourceSize) { return "\(version): source \(p)" }
      for (engine, snapshot) in release.snapshots {
        guard Self.isSafeEngineId(engine) else { return "\(version): \"\(engine.prefix(70))\" is not an engine id" }
        if let p = Self.pathProblem(snapshot.path) { return "\(version): snapshot \(p)" }
        if let p = Self.fileProblem(sha256: snapshot.sha256, size: snapshot.size) { return "\(version): \(engine).blob.zst \(p)" }
        if let p = Self.fileProblem(sha256: snapshot.blobSha256, size: snapshot.blobSize) { return "\(version): snapshot \(p)" }
        if !Manifest.kinds.contains(snapshot.kind) { return "\(version): unknown snapshot kind \"\(snapshot.kind.prefix(20))\"" }
      }
      if let image = release.image {
        if !release.snapshots.isEmpty { return "\(version): a package image with prebuilt snapshots" }
        if let p = Self.pathProblem(image.path) { return "\(version): image \(p)" }
        if let p = Self.fileProblem(sha256: image.sha256, size: image.size) { return "\(version): image.zst \(p)" }
        if let p = Self.fileProblem(sha256: image.archiveSha256, size: image.archiveSize) { return "\(version): image \(p)" }
        if !Self.isSha256Hex(image.digest) { return "\(version): image has no valid digest" }
        if let p = Self.entryProblem(image.entry) { return "\(version): image entry \(p)" }
        if let native = image.native, !native.isConfined { return "\(version): image native path is not inside the image" }
      }
    }
    for (tag, version) in tags where versions[version] == nil {
      return "tag \"\(tag.prefix(40))\" points at \(version.prefix(60)), which is not in the index"
    }
    return nil
  }

  // MARK: Resolving

  /// The published version a selector picks: the highest in a range, or what a tag points at
  /// (`latest` defaults to the highest release when the index has no such tag).
  public func resolve(_ selector: VersionSelector) -> String? {
    let parsed = versions.keys.compactMap { key in (try? Version(parsing: key)).map { ($0, key) } }
    switch selector {
    case .range(let range):
      guard let best = range.highest(in: parsed.map(\.0)) else { return nil }
      return parsed.first { $0.0 == best }?.1
    case .tag(let tag):
      if let version = tags[tag] { return version }
      return tag == "latest" ? Self.latest(of: Array(versions.keys)) : nil
    }
  }

  /// The highest version that is not a prerelease: where `latest` points.
  public static func latest(of versions: [String]) -> String? {
    versions.filter { (try? Version(parsing: $0))?.isPrerelease == false }.max(by: VersionOrder.less)
  }

  /// Versions, lowest first (for messages).
  public var sortedVersions: [String] { versions.keys.sorted(by: VersionOrder.less) }

  // MARK: Checks

  /// Relative, inside the tool's directory, in a conservative character set.
  static func pathProblem(_ path: String) -> String? {
    let bytes = Array(path.utf8)
    let quoted = "path \"\(path.prefix(80))\""
    if bytes.isEmpty || bytes.count > 300 { return "\(quoted) is empty or too long" }
    if bytes.first == UInt8(ascii: "/") { return "\(quoted) is absolute" }
    let allowed = { (b: UInt8) in
      (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: ".")
        || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: "+") || b == UInt8(ascii: "/")
    }
    guard bytes.allSatisfy(allowed) else { return "\(quoted) has characters outside [A-Za-z0-9._+-/]" }
    for part in path.split(separator: "/", omittingEmptySubsequences: false) where part.isEmpty || part == "." || part == ".." {
      return "\(quoted) has an empty, `.` or `..` component"
    }
    return nil
  }

  /// A file inside a package image: relative, no `.`/`..`/empty components (npm names allow `@`).
  static func entryProblem(_ path: String) -> String? {
    let quoted = "\"\(path.prefix(80))\""
    if path.isEmpty || path.utf8.count > 1000 || path.hasPrefix("/") || path.utf8.contains(0) { return "\(quoted) is not a relative path" }
    for part in path.split(separator: "/", omittingEmptySubsequences: false) where part.isEmpty || part == "." || part == ".." {
      return "\(quoted) has an empty, `.` or `..` component"
    }
    return nil
  }

  static func fileProblem(sha256: String, size: Int64) -> String? {
    if !isSha256Hex(sha256) { return "has no valid sha256" }
    if size < 0 || size > maxFileSize { return "has an impossible size \(size)" }
    return nil
  }

  /// Engine ids become file names: letters, digits, `.`, `-`, `_`, and not `.`/`..`.
  public static func isSafeEngineId(_ id: String) -> Bool {
    let bytes = Array(id.utf8)
    guard !bytes.isEmpty, bytes.count <= BlobFile.maxEngineIdLength, id != ".", id != ".." else { return false }
    return bytes.allSatisfy { b in
      (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: ".")
        || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
    }
  }

  static func isSha256Hex(_ s: String) -> Bool {
    s.utf8.count == 64 && s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
  }

  static func malformed(_ origin: String, _ reason: String) -> FeError {
    FeError(
      .integrity, "the registry index \(origin) is malformed: \(reason)", hint: "tell the registry's maintainers, or use another registry")
  }

  private static func describe(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "not valid JSON" }
    func key(_ path: [any CodingKey]) -> String { path.map(\.stringValue).joined(separator: ".") }
    switch error {
    case .keyNotFound(let k, let ctx): return "missing \"\(key(ctx.codingPath + [k]))\""
    case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
      return ctx.codingPath.isEmpty ? "not a JSON object" : "\"\(key(ctx.codingPath))\" has the wrong type"
    case .dataCorrupted(let ctx): return ctx.codingPath.isEmpty ? "not valid JSON" : "\"\(key(ctx.codingPath))\" is invalid"
    @unknown default: return "cannot be decoded"
    }
  }
}
