import FeBasics
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `blobs/<tool>/<version>/manifest.json`: what a blob is and the hashes that prove it intact.
public struct Manifest: Codable, Sendable, Equatable {
  /// The manifest schema this fe writes and reads.
  public static let currentSchema = 1
  /// The tool kinds a blob can hold, as manifests and registry indexes spell them.
  public static let kinds = ToolKind.allCases.map(\.rawValue)

  /// Schema version (`currentSchema`).
  public var schema: Int
  /// Tool name.
  public var name: String
  /// Exact version.
  public var version: String
  /// "fe-native", "esm" or "cjs".
  public var kind: ToolKind
  /// Lowercase hex sha256 of `source.js`.
  public var sourceSha256: String
  /// Lowercase hex sha256 of `snapshot.bin` as stored (fe blob header + payload). The three
  /// snapshot fields are absent together while a package image's snapshot is not built yet: an
  /// npm tool is installed without one and builds it after (SnapshotJobs); until then it runs
  /// from the base snapshot.
  public var snapshotSha256: String?
  /// Size of `snapshot.bin` in bytes.
  public var snapshotSize: Int?
  /// The engine id the snapshot was built for.
  public var engineId: String?
  /// When the blob was built, ISO-8601 UTC (`2024-05-01T12:00:00Z`).
  public var created: String
  /// Where the blob came from (a registry URL or a local path), if known.
  public var origin: String?
  /// For a blob with a package image (an npm tool's tree in `image/`): ImageDigest of that tree,
  /// checked by `fe blobs verify`. Absent for blobs without one.
  public var imageSha256: String?
  /// For an npm tool whose bin is, or runs, a native executable in its package image: that
  /// executable, exec'd directly at launch (NativeExecutable). Absent otherwise.
  public var native: NativeExecutable?

  /// A schema-1 manifest; `created` defaults to now.
  public init(
    name: String, version: String, kind: ToolKind, sourceSha256: String, snapshotSha256: String?,
    snapshotSize: Int?, engineId: String?, created: String = Manifest.timestamp(), origin: String? = nil
  ) {
    self.schema = Self.currentSchema
    self.name = name
    self.version = version
    self.kind = kind
    self.sourceSha256 = sourceSha256
    self.snapshotSha256 = snapshotSha256
    self.snapshotSize = snapshotSize
    self.engineId = engineId
    self.created = created
    self.origin = origin
  }

  /// A manifest describing `source` and the encoded `snapshot` bytes (hashes and size computed
  /// here); a nil `snapshot` is one not built yet.
  public init(
    name: String, version: String, kind: ToolKind, source: [UInt8], snapshot: [UInt8]?, engineId: String,
    created: String = Manifest.timestamp(), origin: String? = nil
  ) {
    self.init(
      name: name, version: version, kind: kind, sourceSha256: SHA256.hex(source), snapshotSha256: snapshot.map { SHA256.hex($0) },
      snapshotSize: snapshot?.count, engineId: snapshot == nil ? nil : engineId, created: created, origin: origin)
  }

  /// Whether the blob's snapshot is built (a package image's may not be yet).
  public var hasSnapshot: Bool { snapshotSha256 != nil }

  /// Pretty JSON with sorted keys and a final newline, so the same manifest always gives the same bytes.
  public func encoded() -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain strings and ints cannot fail; an empty object would still be caught by decode.
    let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
    return Array(data) + [0x0A]
  }

  /// Parses and checks a manifest read from `path`; a malformed one is an integrity error naming the repair.
  public static func decode(_ bytes: [UInt8], path: String, tool: String, version: String) throws -> Manifest {
    let manifest: Manifest
    do {
      manifest = try JSONDecoder().decode(Manifest.self, from: Data(bytes))
    } catch let error as DecodingError {
      throw malformed(path, describe(error), tool: tool, version: version)
    } catch {
      throw malformed(path, "not valid JSON", tool: tool, version: version)
    }
    if let problem = manifest.problem() { throw malformed(path, problem, tool: tool, version: version) }
    return manifest
  }

  /// The manifest at `path`, nil when the file does not exist. Anything but a regular file there
  /// (a FIFO, a directory) is malformed, refused without opening it.
  public static func read(_ path: String, tool: String, version: String) throws -> Manifest? {
    let bytes: [UInt8]
    do {
      bytes = try StoreFile.read(path)
    } catch {
      switch error {
      case .missing: return nil
      case .notRegular(let kind): throw malformed(path, "it is \(kind), not a regular file", tool: tool, version: version)
      case .unreadable(let code): throw FileSystem.ioError("cannot read \(path)", code: code)
      }
    }
    return try decode(bytes, path: path, tool: tool, version: version)
  }

  /// The identity a snapshot of this blob must carry in its header.
  public var identity: BlobFile.Identity { BlobFile.Identity(tool: name, version: version, sourceSha256: sourceSha256) }

  /// What is inconsistent in this manifest, if anything.
  public func problem() -> String? {
    if schema != Self.currentSchema { return "schema \(schema), this fe reads schema \(Self.currentSchema)" }
    if !Names.isValidTool(name) { return "invalid tool name \"\(name)\"" }
    if !Names.isValidVersion(version) { return "invalid version \"\(version)\"" }
    if !Self.isSha256Hex(sourceSha256) { return "sourceSha256 is not a sha256" }
    switch (snapshotSha256, snapshotSize, engineId) {
    case (nil, nil, nil):
      if imageSha256 == nil { return "no snapshot is recorded, and only a package image's may be built later" }
    case (let sha?, let size?, let engine?):
      if !Self.isSha256Hex(sha) { return "snapshotSha256 is not a sha256" }
      if size < BlobFile.headerSize { return "snapshotSize \(size) is smaller than a blob header" }
      if engine.isEmpty { return "engineId is empty" }
    default:
      return "snapshotSha256, snapshotSize and engineId must be present together"
    }
    if let native, !native.isConfined { return "native.path \"\(native.path)\" is not a path inside the package image" }
    if native != nil && imageSha256 == nil { return "native is set for a blob without a package image" }
    return nil
  }

  /// The integrity error for a manifest that cannot be used. Nothing in the blob can be trusted
  /// without it (its hashes are the anchor), so the repair is a clean reinstall.
  public static func malformed(_ path: String, _ reason: String, tool: String, version: String) -> FeError {
    FeError(
      .integrity, "manifest \(path) is malformed (\(reason))", hint: BlobRepair.reinstallHint(tool: tool, version: version))
  }

  /// Now (or `seconds` since the epoch) as ISO-8601 UTC, to the second.
  public static func timestamp(_ seconds: time_t = time(nil)) -> String {
    var t = seconds
    var tm = tm()
    gmtime_r(&t, &tm)
    func pad(_ n: Int32, _ width: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(tm.tm_year + 1900, 4))-\(pad(tm.tm_mon + 1, 2))-\(pad(tm.tm_mday, 2))T"
      + "\(pad(tm.tm_hour, 2)):\(pad(tm.tm_min, 2)):\(pad(tm.tm_sec, 2))Z"
  }

  static func isSha256Hex(_ s: String) -> Bool {
    s.utf8.count == 64 && s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
  }

  private static func describe(_ error: DecodingError) -> String {
    func key(_ path: [any CodingKey]) -> String { path.map(\.stringValue).joined(separator: ".") }
    switch error {
    case .keyNotFound(let k, let ctx):
      let full = key(ctx.codingPath + [k])
      return "missing \"\(full)\""
    case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
      return ctx.codingPath.isEmpty ? "not a JSON object" : "\"\(key(ctx.codingPath))\" has the wrong type"
    case .dataCorrupted(let ctx):
      if ctx.debugDescription.hasPrefix("unknown ") { return ctx.debugDescription }  // ToolKind's own words
      return ctx.codingPath.isEmpty ? "not valid JSON" : "\"\(key(ctx.codingPath))\" is invalid"
    @unknown default:
      return "cannot be decoded"
    }
  }
}
