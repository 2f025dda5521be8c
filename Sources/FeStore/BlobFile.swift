import CXXHash
import FeBasics

/// The `snapshot.bin` format: a fixed 128-byte header, then the raw V8 StartupData, uncompressed
/// so it can be memory-mapped and handed to V8 without a copy.
///
///     0    magic "FEBLOB01"            8 bytes
///     8    header size (128)           u32 LE
///     12   format version (1)          u32 LE
///     16   payload size                u64 LE
///     24   sha256 of the payload       32 bytes
///     56   engine id, ASCII            64 bytes, NUL-padded
///     120  XXH3-64 of the payload      u64 LE; 0 in blobs written before it existed
///     128  payload
///
/// Launches check the XXH3 checksum (about 10× faster than sha256 on a 19 MB payload); installs
/// check both. A non-cryptographic checksum is enough at launch: it guards against damage (a
/// flipped byte, a truncated copy), and whoever could forge a payload could rewrite the
/// header's sha256 with it. The manifest's sha256 of the whole file is what installs trust.
public enum BlobFile {
  /// The first eight bytes of every blob file.
  public static let magic: [UInt8] = Array("FEBLOB01".utf8)
  /// Bytes before the payload.
  public static let headerSize = 128
  /// The format version this fe writes and reads.
  public static let formatVersion: UInt32 = 1
  /// The engine id field's width.
  public static let maxEngineIdLength = 64

  static let payloadSizeOffset = 16
  static let hashOffset = 24
  static let engineIdOffset = 56
  static let checksumOffset = 120

  /// A header plus `payload`, ready to write as `snapshot.bin`.
  public static func encode(payload: UnsafeRawBufferPointer, engineId: String) throws -> [UInt8] {
    if let problem = engineIdProblem(engineId) {
      throw FeError(.internalError, "cannot write a blob for engine id \"\(engineId)\": \(problem)")
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
    out += payload
    return out
  }

  /// The XXH3-64 checksum of a payload, as the header stores it.
  public static func checksum(_ payload: UnsafeRawBufferPointer) -> UInt64 {
    fe_xxh3_64(payload.baseAddress, payload.count)
  }

  /// A header plus `payload`, ready to write as `snapshot.bin`.
  public static func encode(payload: [UInt8], engineId: String) throws -> [UInt8] {
    try payload.withUnsafeBytes { try encode(payload: $0, engineId: engineId) }
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
  /// The file could not be opened or mapped (permissions, I/O error); `code` is the errno.
  case unreadable(path: String, code: Int32)

  /// The user-facing error; `repair` and `remove` are commands, e.g. `fe blobs install tsc@5.4.5`.
  public func feError(repair: String, remove: String? = nil) -> FeError {
    let fix = "run `\(repair)` to rebuild it" + (remove.map { ", or `\($0)` to delete it" } ?? "")
    switch self {
    case .missing(let path):
      return FeError(.integrity, "snapshot \(path) is missing", hint: fix)
    case .corrupt(let path, let reason):
      return FeError(.integrity, "snapshot \(path) is corrupt (\(reason))", hint: fix)
    case .engineMismatch(let path, let found, let expected):
      return FeError(
        .integrity, "snapshot \(path) was built for engine \(found), not this fe's engine \(expected)", hint: fix)
    case .unreadable(let path, let code):
      return FileSystem.ioError("cannot read snapshot \(path)", code: code)
    }
  }
}
