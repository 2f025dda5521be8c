import FeBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A `snapshot.bin` mapped read-only into memory and checked. V8 reads the snapshot from
/// `payload` directly: mapping instead of reading saves a copy of tens of MB on every launch,
/// and pages are shared between concurrent runs of the same tool.
public final class MappedBlob: @unchecked Sendable {
  /// The file this mapping came from.
  public let path: String
  /// The engine id recorded in the header.
  public let engineId: String
  /// The raw V8 StartupData bytes, inside the mapping: valid while this object lives.
  public let payload: UnsafeRawBufferPointer
  /// The payload sha256 recorded in the header.
  public let payloadSha256: [UInt8]

  private let base: UnsafeMutableRawPointer
  private let length: Int

  /// The XXH3 checksum being computed on another thread (see `Verification.checksumInBackground`).
  private var pendingChecksum: BackgroundChecksum?

  /// The tool, version and source the header binds the snapshot to; nil when it binds none
  /// (a snapshot that is no tool's, such as the config runtime's).
  public let identity: BlobFile.Identity?

  /// How much of the payload `init` checks, beyond the header, size, engine id and identity.
  public enum Verification: Sendable {
    /// The header only: the payload is not read.
    case none
    /// The XXH3 checksum when the header has one (launches: see BlobFile), else the sha256.
    case checksum
    /// As `.checksum`, but the XXH3 checksum runs on another thread while the caller goes on;
    /// `waitForChecksum()` gives its verdict. A launch boots V8 meanwhile: its own part of the
    /// payload is checked on the spot (FeEngine's snapshot image), so only the tool's source is
    /// read before the verdict.
    case checksumInBackground
    /// The XXH3 checksum (when the header has one) and the sha256 (installs, verify).
    case full
  }

  /// Maps and checks `path`: header, size, engine id (unless nil), identity (unless nil: the
  /// manifest's tool, version and source sha256) and as much of the payload as `verification`
  /// says. Anything but a regular file at `path` is refused without opening it (StoreFile).
  public init(
    path: String, expectedEngineId: String?, expectedIdentity: BlobFile.Identity? = nil, verification: Verification = .none
  ) throws(BlobFileError) {
    let fd: Int32
    let size: Int
    do {
      (fd, size) = try StoreFile.open(path)
    } catch {
      switch error {
      case .missing: throw .missing(path: path)
      case .notRegular(let kind): throw .corrupt(path: path, reason: "it is \(kind), not a regular file")
      case .unreadable(let code): throw .unreadable(path: path, code: code)
      }
    }
    defer { close(fd) }
    if size >= 16 {
      // An older format is told apart before its size is judged against this format's header.
      var start = [UInt8](repeating: 0, count: 16)
      let n = start.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 16, 0) }
      if n == 16, Array(start[0..<8]) == BlobFile.magic {
        let version = start.withUnsafeBytes { UInt32(BlobFile.readLE($0, at: 12, bytes: 4)) }
        if version >= 1 && version < BlobFile.formatVersion { throw .outdatedFormat(path: path, version: version) }
      }
    }
    guard size >= BlobFile.headerSize else {
      throw .corrupt(path: path, reason: "\(size) bytes, shorter than the \(BlobFile.headerSize)-byte header")
    }
    // MAP_PRIVATE: a later writer replaces the file by rename, never in place, so the mapping stays valid.
    // MAP_POPULATE when every byte is about to be hashed and deserialized: one call maps the
    // cached pages instead of a page fault per 64 KiB (~1,200 for a 19 MB blob).
    let flags = MAP_PRIVATE | (verification == .none ? 0 : MAP_POPULATE)
    guard let mapped = mmap(nil, size, PROT_READ, flags, fd, 0), mapped != MAP_FAILED else {
      throw .unreadable(path: path, code: errno)
    }
    do {
      let header = try Self.check(UnsafeRawBufferPointer(start: mapped, count: size), path: path)
      if let expectedIdentity, header.identity != expectedIdentity {
        let found = header.identity.map { "the snapshot of \($0)" } ?? "bound to no tool"
        throw BlobFileError.corrupt(path: path, reason: "it is \(found), not of \(expectedIdentity)")
      }
      if let expectedEngineId, header.engineId != expectedEngineId {
        throw BlobFileError.engineMismatch(path: path, found: header.engineId, expected: expectedEngineId)
      }
      let payload = UnsafeRawBufferPointer(start: mapped + BlobFile.headerSize, count: size - BlobFile.headerSize)
      if verification == .checksumInBackground, header.checksum != 0 {
        pendingChecksum = BackgroundChecksum(payload, expected: header.checksum)
      } else if verification != .none {
        if header.checksum != 0, BlobFile.checksum(payload) != header.checksum {
          throw BlobFileError.corrupt(path: path, reason: "payload checksum mismatch")
        }
        if header.checksum == 0 || verification == .full {
          var hash = SHA256()
          hash.update(payload)
          if hash.finalize() != header.sha256 {
            throw BlobFileError.corrupt(path: path, reason: "payload sha256 mismatch")
          }
        }
      }
      self.path = path
      self.engineId = header.engineId
      self.payloadSha256 = header.sha256
      self.identity = header.identity
      self.payload = payload
      self.base = mapped
      self.length = size
    } catch let error as BlobFileError {
      munmap(mapped, size)
      throw error
    } catch {
      munmap(mapped, size)
      throw .corrupt(path: path, reason: "\(error)")
    }
  }

  deinit {
    _ = pendingChecksum?.matches()  // the thread reads the mapping: never unmap under it
    munmap(base, length)
  }

  /// Throws `.corrupt` when the payload's checksum, computed in the background, does not match
  /// the header. Returns at once when there is nothing pending.
  public func waitForChecksum() throws(BlobFileError) {
    guard let pending = pendingChecksum else { return }
    pendingChecksum = nil
    if !pending.matches() { throw .corrupt(path: path, reason: "payload checksum mismatch") }
  }

  /// Whether the payload matches the sha256 in the header (reads every page of the payload).
  public func verifyHash() -> Bool {
    var hash = SHA256()
    hash.update(payload)
    return hash.finalize() == payloadSha256
  }

  private struct Header {
    var engineId: String
    var sha256: [UInt8]
    /// XXH3-64 of the payload; 0 when the blob predates it.
    var checksum: UInt64
    var identity: BlobFile.Identity?
  }

  /// The header fields, after checking everything that does not depend on the caller's engine.
  private static func check(_ file: UnsafeRawBufferPointer, path: String) throws(BlobFileError) -> Header {
    guard Array(file[0..<8]) == BlobFile.magic else { throw .corrupt(path: path, reason: "bad magic: not an fe blob") }
    let headerSize = BlobFile.readLE(file, at: 8, bytes: 4)
    guard headerSize == UInt64(BlobFile.headerSize) else {
      throw .corrupt(path: path, reason: "header size \(headerSize), expected \(BlobFile.headerSize)")
    }
    let version = BlobFile.readLE(file, at: 12, bytes: 4)
    guard version == UInt64(BlobFile.formatVersion) else {
      throw .corrupt(path: path, reason: "format version \(version), this fe reads version \(BlobFile.formatVersion)")
    }
    let payloadSize = BlobFile.readLE(file, at: BlobFile.payloadSizeOffset, bytes: 8)
    let actual = UInt64(file.count - BlobFile.headerSize)
    guard payloadSize == actual else {
      let what = payloadSize > actual ? "truncated" : "trailing bytes"
      throw .corrupt(path: path, reason: "\(what): header says \(payloadSize) payload bytes, file holds \(actual)")
    }
    let idField = Array(file[BlobFile.engineIdOffset..<(BlobFile.engineIdOffset + BlobFile.maxEngineIdLength)])
    let idBytes = idField.prefix { $0 != 0 }
    guard !idBytes.isEmpty, idBytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }),
      idField[idBytes.count...].allSatisfy({ $0 == 0 })
    else { throw .corrupt(path: path, reason: "engine id field is not NUL-padded ASCII") }
    let sha = Array(file[BlobFile.hashOffset..<(BlobFile.hashOffset + 32)])
    return Header(
      engineId: String(decoding: idBytes, as: UTF8.self), sha256: sha,
      checksum: BlobFile.readLE(file, at: BlobFile.checksumOffset, bytes: 8), identity: try identity(file, path: path))
  }

  /// The identity fields; nil when all are empty (a snapshot of no tool).
  private static func identity(_ file: UnsafeRawBufferPointer, path: String) throws(BlobFileError) -> BlobFile.Identity? {
    func text(_ offset: Int, _ width: Int, _ name: String) throws(BlobFileError) -> String {
      let field = Array(file[offset..<(offset + width)])
      let bytes = field.prefix { $0 != 0 }
      guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), field[bytes.count...].allSatisfy({ $0 == 0 }) else {
        throw .corrupt(path: path, reason: "the \(name) field is not NUL-padded ASCII")
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    let tool = try text(BlobFile.toolOffset, BlobFile.toolWidth, "tool name")
    let version = try text(BlobFile.versionOffset, BlobFile.versionWidth, "version")
    let hash = Array(file[BlobFile.sourceHashOffset..<(BlobFile.sourceHashOffset + 32)])
    if tool.isEmpty && version.isEmpty && hash.allSatisfy({ $0 == 0 }) { return nil }
    let hex = hash.map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
    return BlobFile.Identity(tool: tool, version: version, sourceSha256: hex)
  }
}

/// XXH3 of a payload on a thread of its own, joined once.
private final class BackgroundChecksum: @unchecked Sendable {
  private let payload: UnsafeRawBufferPointer
  private let expected: UInt64
  private var thread = pthread_t()
  private var started = false
  private var result: Bool?

  init(_ payload: UnsafeRawBufferPointer, expected: UInt64) {
    self.payload = payload
    self.expected = expected
    let unmanaged = Unmanaged.passRetained(self)
    started =
      pthread_create(
        &thread, nil,
        { raw in
          let job = Unmanaged<BackgroundChecksum>.fromOpaque(raw!).takeRetainedValue()
          job.result = BlobFile.checksum(job.payload) == job.expected
          return nil
        }, unmanaged.toOpaque()) == 0
    if !started { unmanaged.release() }
  }

  /// Joins the thread (or computes here when it could not start) and gives the verdict.
  func matches() -> Bool {
    if started {
      pthread_join(thread, nil)
      started = false
    }
    if result == nil { result = BlobFile.checksum(payload) == expected }
    return result!
  }
}
