import CXXHash
import FeBasics

/// The `snapshot.bin` format: a fixed 512-byte header, then the raw V8 StartupData, uncompressed
/// so it can be memory-mapped and handed to V8 without a copy.
///
///     0    magic "FEBLOB01"            8 bytes
///     8    header size (512)           u32 LE
///     12   format version (2)          u32 LE
///     16   payload size                u64 LE
///     24   sha256 of the payload       32 bytes
///     56   engine id, ASCII            64 bytes, NUL-padded
///     120  XXH3-64 of the payload      u64 LE
///     128  sha256 of the tool's source 32 bytes (source.js; zero when the snapshot is no tool's)
///     160  tool name, ASCII            224 bytes, NUL-padded (empty: no tool's)
///     384  tool version, ASCII         128 bytes, NUL-padded
///     512  payload
///
/// The identity fields (tool, version, source sha256) bind the snapshot to the blob it was built
/// for: a launch compares them with the manifest (a few string compares), so a `snapshot.bin`
/// copied from another version or tool is refused instead of running the other code. Format 1
/// (a 128-byte header without them, written by fe before the binding) is never booted: such a
/// blob is rebuilt from its stored source, as one built by another engine is.
///
/// Launches check the XXH3 checksum (about 10× faster than sha256 on a 19 MB payload); installs
/// check both. A non-cryptographic checksum is enough at launch: it guards against damage (a
/// flipped byte, a truncated copy), and whoever could forge a payload could rewrite the
/// header's sha256 with it. The manifest's sha256 of the whole file is what installs trust.
public enum BlobFile {
  /// The first eight bytes of every blob file.
  public static let magic: [UInt8] = Array("FEBLOB01".utf8)
  /// Bytes before the payload.
  public static let headerSize = 512
  /// The format version this fe writes and reads.
  public static let formatVersion: UInt32 = 2
  /// The header size of format 1, which had no identity fields.
  public static let formatOneHeaderSize = 128
  /// The engine id field's width.
  public static let maxEngineIdLength = 64

  static let payloadSizeOffset = 16
  static let hashOffset = 24
  static let engineIdOffset = 56
  static let checksumOffset = 120
  static let sourceHashOffset = 128
  static let toolOffset = 160
  static let toolWidth = 224
  static let versionOffset = 384
  static let versionWidth = 128

  /// What a tool's snapshot is the snapshot of: recorded in its header, compared with the
  /// manifest at every launch.
  public struct Identity: Sendable, Equatable, CustomStringConvertible {
    public var tool: String
    public var version: String
    /// Lowercase hex sha256 of the blob's `source.js`.
    public var sourceSha256: String

    public init(tool: String, version: String, sourceSha256: String) {
      self.tool = tool
      self.version = version
      self.sourceSha256 = sourceSha256
    }

    /// `tool@version (source sha256 1234abcd5678…)`.
    public var description: String { "\(tool)@\(version) (source sha256 \(sourceSha256.prefix(12))…)" }
  }

  /// A header plus `payload`, ready to write as `snapshot.bin`. `identity` is the blob the
  /// snapshot belongs to; nil for a snapshot that is no tool's (the config runtime's).
  public static func encode(payload: UnsafeRawBufferPointer, engineId: String, identity: Identity?) throws -> [UInt8] {
    if let problem = engineIdProblem(engineId) {
      throw FeError(.internalError, "cannot write a blob for engine id \"\(engineId)\": \(problem)")
    }
    var sourceHash = [UInt8](repeating: 0, count: 32)
    var tool: [UInt8] = []
    var version: [UInt8] = []
    if let identity {
      guard let hash = hexBytes(identity.sourceSha256), hash.count == 32 else {
        throw FeError(.internalError, "cannot write a blob for \(identity.tool)@\(identity.version): its source sha256 is not a sha256")
      }
      sourceHash = hash
      tool = Array(identity.tool.utf8)
      version = Array(identity.version.utf8)
      guard !tool.isEmpty, tool.count <= toolWidth, version.count <= versionWidth, !tool.contains(0), !version.contains(0) else {
        throw FeError(
          .internalError, "cannot write a blob for \"\(identity.tool)@\(identity.version)\": the name or version does not fit its header")
      }
    }
    var out = [UInt8]()
    out.reserveCapacity(headerSize + payload.count)
    out += magic
    appendLE(&out, UInt64(headerSize), bytes: 4)
    appendLE(&out, UInt64(formatVersion), bytes: 4)
    appendLE(&out, UInt64(payload.count), bytes: 8)
    var hash = SHA256()
    hash.update(payload)
    out += hash.finalize()
    let id = Array(engineId.utf8)
    out += id + [UInt8](repeating: 0, count: maxEngineIdLength - id.count)
    appendLE(&out, checksum(payload), bytes: 8)
    out += sourceHash
    out += tool + [UInt8](repeating: 0, count: toolWidth - tool.count)
    out += version + [UInt8](repeating: 0, count: versionWidth - version.count)
    out += payload
    return out
  }

  /// A header plus `payload`, bound to no tool (`identity: nil`).
  public static func encode(payload: UnsafeRawBufferPointer, engineId: String) throws -> [UInt8] {
    try encode(payload: payload, engineId: engineId, identity: nil)
  }

  static func hexBytes(_ hex: String) -> [UInt8]? {
    let digits = Array(hex.utf8)
    guard digits.count % 2 == 0 else { return nil }
    func value(_ c: UInt8) -> UInt8? {
      switch c {
      case 0x30...0x39: return c - 0x30
      case 0x61...0x66: return c - 0x61 + 10
      case 0x41...0x46: return c - 0x41 + 10
      default: return nil
      }
    }
    var out: [UInt8] = []
    out.reserveCapacity(digits.count / 2)
    var i = 0
    while i < digits.count {
      guard let hi = value(digits[i]), let lo = value(digits[i + 1]) else { return nil }
      out.append(hi << 4 | lo)
      i += 2
    }
    return out
  }

  /// The XXH3-64 checksum of a payload, as the header stores it.
  public static func checksum(_ payload: UnsafeRawBufferPointer) -> UInt64 {
    fe_xxh3_64(payload.baseAddress, payload.count)
  }

  /// A header plus `payload`, ready to write as `snapshot.bin`.
  public static func encode(payload: [UInt8], engineId: String, identity: Identity? = nil) throws -> [UInt8] {
    try payload.withUnsafeBytes { try encode(payload: $0, engineId: engineId, identity: identity) }
  }

  /// Why `engineId` cannot go in a header: it must be 1–64 printable ASCII characters.
  public static func engineIdProblem(_ engineId: String) -> String? {
    let bytes = Array(engineId.utf8)
    if bytes.isEmpty { return "it is empty" }
    if bytes.count > maxEngineIdLength { return "it is longer than \(maxEngineIdLength) bytes" }
    if !bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return "it is not printable ASCII" }
    return nil
  }

  static func appendLE(_ out: inout [UInt8], _ value: UInt64, bytes: Int) {
    for i in 0..<bytes { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
  }

  static func readLE(_ buffer: UnsafeRawBufferPointer, at offset: Int, bytes: Int) -> UInt64 {
    var value: UInt64 = 0
    for i in 0..<bytes { value |= UInt64(buffer[offset + i]) << (8 * UInt64(i)) }
    return value
  }
}

/// Why a snapshot file cannot be used. Kept distinct because callers react differently: a
/// missing or mismatched snapshot is rebuilt from source, a corrupt one is reported with a repair.
public enum BlobFileError: Error, Sendable, Equatable {
  /// No file at `path`.
  case missing(path: String)
  /// The file exists but is not a valid blob (truncated, wrong magic, hash mismatch, …).
  case corrupt(path: String, reason: String)
  /// A valid blob built for another engine: V8 would abort on it, so it must be rebuilt.
  case engineMismatch(path: String, found: String, expected: String)
  /// A blob in an older header format (1: no identity fields), written by an older fe: never
  /// booted, rebuilt from its source like one of another engine.
  case outdatedFormat(path: String, version: UInt32)
  /// The file could not be opened or mapped (permissions, I/O error); `code` is the errno.
  case unreadable(path: String, code: Int32)

  /// The user-facing error; `repair` and `remove` are commands, e.g. `fe blobs install tsc@5.4.5`.
  public func feError(repair: String, remove: String? = nil) -> FeError {
    let fix = "run `\(repair)` to repair it" + (remove.map { ", or `\($0)` to delete it" } ?? "")
    switch self {
    case .missing(let path):
      return FeError(.integrity, "snapshot \(path) is missing", hint: fix)
    case .corrupt(let path, let reason):
      return FeError(.integrity, "snapshot \(path) is corrupt (\(reason))", hint: fix)
    case .engineMismatch(let path, let found, let expected):
      return FeError(
        .integrity, "snapshot \(path) was built for engine \(found), not this fe's engine \(expected)", hint: fix)
    case .outdatedFormat(let path, let version):
      return FeError(
        .integrity, "snapshot \(path) has blob format \(version), written by an older fe (this fe writes \(BlobFile.formatVersion))",
        hint: fix)
    case .unreadable(let path, let code):
      return FileSystem.ioError("cannot read snapshot \(path)", code: code)
    }
  }
}
