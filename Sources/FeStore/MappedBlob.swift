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

  /// The XXH3 checksum being computed on another thread (see `checksumInBackground`).
  private var pendingChecksum: BackgroundChecksum?

  /// Maps and checks `path`: header, size, engine id (unless nil) and, with `verifyHash`, the
  /// payload's sha256 and XXH3 checksum; with `checksumOnly` too, only the XXH3 checksum when the
  /// header has one (launches: see BlobFile), else the sha256. With `checksumInBackground` as
  /// well, that checksum runs on another thread while the caller goes on; `waitForChecksum()`
  /// gives its verdict. A launch boots V8 meanwhile: its own part of the payload is checked on
  /// the spot (FeEngine's snapshot image), so only the tool's source is read before the verdict.
  public init(
    path: String, expectedEngineId: String?, verifyHash: Bool = false, checksumOnly: Bool = false,
    checksumInBackground: Bool = false
  ) throws(BlobFileError) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .missing(path: path) }
      throw .unreadable(path: path, code: code)
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw .unreadable(path: path, code: errno) }
    guard (st.st_mode & S_IFMT) == S_IFREG else { throw .corrupt(path: path, reason: "not a regular file") }
    let size = Int(st.st_size)
    guard size >= BlobFile.headerSize else {
      throw .corrupt(path: path, reason: "\(size) bytes, shorter than the \(BlobFile.headerSize)-byte header")
    }
    // MAP_PRIVATE: a later writer replaces the file by rename, never in place, so the mapping stays valid.
    // MAP_POPULATE when every byte is about to be hashed and deserialized: one call maps the
    // cached pages instead of a page fault per 64 KiB (~1,200 for a 19 MB blob).
    let flags = MAP_PRIVATE | (verifyHash ? MAP_POPULATE : 0)
    guard let mapped = mmap(nil, size, PROT_READ, flags, fd, 0), mapped != MAP_FAILED else {
      throw .unreadable(path: path, code: errno)
    }
    do {
      let header = try Self.check(UnsafeRawBufferPointer(start: mapped, count: size), path: path)
      if let expectedEngineId, header.engineId != expectedEngineId {
        throw BlobFileError.engineMismatch(path: path, found: header.engineId, expected: expectedEngineId)
      }
      let payload = UnsafeRawBufferPointer(start: mapped + BlobFile.headerSize, count: size - BlobFile.headerSize)
      if verifyHash, checksumOnly, checksumInBackground, header.checksum != 0 {
        pendingChecksum = BackgroundChecksum(payload, expected: header.checksum)
      } else if verifyHash {
        if header.checksum != 0, BlobFile.checksum(payload) != header.checksum {
          throw BlobFileError.corrupt(path: path, reason: "payload checksum mismatch")
        }
        if header.checksum == 0 || !checksumOnly {
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
      checksum: BlobFile.readLE(file, at: BlobFile.checksumOffset, bytes: 8))
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
    started = pthread_create(&thread, nil, { raw in
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
