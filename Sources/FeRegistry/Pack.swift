import FeBasics
import FeStore
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An offline bundle of installed blobs (`fe blobs pack`, `fe blobs install --from`): one file
/// that carries tools to a machine without network. Each file is compressed on its own, so
/// writing and reading need memory for one file at a time, not the whole pack.
///
///     "FEPACK01"                                   8 bytes
///     entry*:
///       u32 LE  n                                  length of the entry header (1 … 1 MiB)
///       n bytes JSON  { "manifest": {…manifest.json…},
///                       "files": [ { "name": "source.js", "size": …, "sha256": "…", "packedSize": … },
///                                  { "name": "snapshot.bin", … },
///                                  { "name": "image", … } ] }   (npm tools: ImageArchive)
///       for each file, in order: packedSize bytes, one zstd frame of the file
///     u32 LE  0                                    end of the pack
///
/// `size`/`sha256` are of the unpacked file; the manifest ties them together, and the store
/// verifies everything again before installing.
public enum BlobPack {
  public static let magic: [UInt8] = Array("FEPACK01".utf8)
  static let maxHeader = 1 << 20

  /// One blob read back from a pack.
  public struct Entry {
    public var manifest: Manifest
    public var source: [UInt8]
    /// nil for a package image whose snapshot was not built yet (an image's is rebuilt anyway).
    public var snapshot: [UInt8]?
    /// An npm tool's package image (ImageArchive), checked against the manifest's image digest
    /// when it is unpacked.
    public var image: [UInt8]?
  }

  struct Header: Codable {
    var manifest: Manifest
    var files: [File]
  }

  struct File: Codable {
    var name: String
    var size: Int64
    var sha256: String
    var packedSize: Int64
  }

  /// Writes `blobs` from `store` to `path` (through a temporary file renamed at the end).
  public static func write(_ blobs: [InstalledBlob], store: BlobStore, to path: String) throws {
    let tmp = "\(path).tmp-\(getpid())"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FileSystem.ioError("cannot write \(path)") }
    do {
      defer { close(fd) }
      try FileSystem.writeAll(fd, magic, path: path)
      for blob in blobs {
        guard let manifest = try store.manifest(tool: blob.tool, version: blob.version) else {
          throw FeError(.notInstalled, "\(blob.spec) is not installed", hint: "see `fe blobs list`")
        }
        var files: [File] = []
        var packed: [[UInt8]] = []
        let names =
          [StoreLayout.sourceFile] + (manifest.hasSnapshot ? [StoreLayout.snapshotFile] : [])
          + (manifest.imageSha256 == nil ? [] : [StoreLayout.imageDir])
        for name in names {
          if name == StoreLayout.imageDir {
            let image = Path.join(blob.path, name)
            guard FileSystem.isDirectory(image), try ImageDigest.compute(image) == manifest.imageSha256 else {
              throw FeError(
                .integrity, "\(image) does not match the image digest in its manifest",
                hint: "run `fe blobs verify --repair \(blob.spec)`")
            }
            let bytes = try ImageArchive.encode(image)
            let z = try Zstd.compress(bytes, level: 6)
            files.append(File(name: name, size: Int64(bytes.count), sha256: SHA256.hex(bytes), packedSize: Int64(z.count)))
            packed.append(z)
            continue
          }
          let filePath = Path.join(blob.path, name)
          // Through StoreFile: a FIFO or directory in the store is refused, never opened.
          let bytes: [UInt8]
          do {
            bytes = try StoreFile.read(filePath)
          } catch {
            throw FeError(.integrity, error.describe(filePath), hint: "run `fe blobs remove \(blob.spec)` and install it again")
          }
          let expected = name == StoreLayout.sourceFile ? manifest.sourceSha256 : manifest.snapshotSha256
          let sha = SHA256.hex(bytes)
          guard sha == expected else {
            throw FeError(
              .integrity, "\(filePath) does not match its manifest",
              hint: "run `fe blobs remove \(blob.spec)` and install it again")
          }
          let z = try Zstd.compress(bytes, level: 6)
          files.append(File(name: name, size: Int64(bytes.count), sha256: sha, packedSize: Int64(z.count)))
          packed.append(z)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let header = Array(try encoder.encode(Header(manifest: manifest, files: files)))
        try FileSystem.writeAll(fd, le32(header.count) + header, path: path)
        for z in packed { try FileSystem.writeAll(fd, z, path: path) }
      }
      try FileSystem.writeAll(fd, le32(0), path: path)
      guard fsync(fd) == 0 else { throw FileSystem.ioError("cannot write \(path)") }
    } catch {
      unlink(tmp)
      throw error
    }
    guard rename(tmp, path) == 0 else {
      let e = errno
      unlink(tmp)
      throw FileSystem.ioError("cannot write \(path)", code: e)
    }
  }

  /// Reads a pack entry by entry, each verified against its header and manifest, and hands it to `body`.
  public static func read(_ path: String, _ body: (Entry) throws -> Void) throws {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      if errno == ENOENT { throw FeError(.usage, "no such file: \(path)", hint: "pass a file written by `fe blobs pack`") }
      throw FileSystem.ioError("cannot read \(path)")
    }
    defer { close(fd) }
    func bad(_ why: String) -> FeError {
      FeError(.integrity, "\(path) is not a valid fe pack: \(why)", hint: "write it again with `fe blobs pack`")
    }
    guard try readExactly(fd, magic.count, path) == magic else { throw bad("it does not start with FEPACK01") }
    while true {
      guard let lengthBytes = try readExactly(fd, 4, path) else { throw bad("it is truncated") }
      let length = lengthBytes.enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
      if length == 0 { return }
      guard length <= maxHeader, let headerBytes = try readExactly(fd, length, path) else {
        throw bad("an entry header is truncated or too large")
      }
      let header: Header
      do { header = try JSONDecoder().decode(Header.self, from: Data(headerBytes)) } catch { throw bad("an entry header is not valid") }
      let manifest = header.manifest
      if let problem = manifest.problem() { throw bad("a manifest is invalid (\(problem))") }
      var contents: [String: [UInt8]] = [:]
      for file in header.files {
        let known = [StoreLayout.sourceFile, StoreLayout.snapshotFile] + (manifest.imageSha256 == nil ? [] : [StoreLayout.imageDir])
        guard known.contains(file.name), contents[file.name] == nil,
          file.size >= 0, file.size <= RegistryIndex.maxFileSize, file.packedSize > 0, file.packedSize <= RegistryIndex.maxFileSize
        else { throw bad("\(manifest.name)@\(manifest.version) lists an unexpected file") }
        guard let z = try readExactly(fd, Int(file.packedSize), path) else { throw bad("it is truncated") }
        let bytes = try Zstd.decompress(z, maxSize: Int(file.size))
        guard bytes.count == Int(file.size), SHA256.hex(bytes) == file.sha256 else {
          throw FeError(
            .integrity, "\(manifest.name)@\(manifest.version)'s \(file.name) in \(path) does not match its sha256",
            hint: "the pack is damaged: copy or write it again")
        }
        contents[file.name] = bytes
      }
      let snapshot = contents[StoreLayout.snapshotFile]
      guard let source = contents[StoreLayout.sourceFile], (snapshot != nil) == manifest.hasSnapshot else {
        throw bad("\(manifest.name)@\(manifest.version) lacks its source or snapshot")
      }
      guard SHA256.hex(source) == manifest.sourceSha256 else {
        throw FeError(
          .integrity, "\(manifest.name)@\(manifest.version)'s source in \(path) does not match its manifest",
          hint: "the pack is damaged: write it again")
      }
      if manifest.imageSha256 != nil, contents[StoreLayout.imageDir] == nil {
        throw bad("\(manifest.name)@\(manifest.version) lacks its package image")
      }
      try body(Entry(manifest: manifest, source: source, snapshot: snapshot, image: contents[StoreLayout.imageDir]))
    }
  }

  private static func le32(_ n: Int) -> [UInt8] {
    (0..<4).map { UInt8(truncatingIfNeeded: n >> (8 * $0)) }
  }

  /// Exactly `count` bytes, or nil at end of file (a short read is a truncated pack).
  private static func readExactly(_ fd: Int32, _ count: Int, _ path: String) throws -> [UInt8]? {
    var out = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let n = out.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return Glibc.read(fd, base + done, count - done)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw FileSystem.ioError("cannot read \(path)")
      }
      if n == 0 { return nil }
      done += n
    }
    return out
  }
}
