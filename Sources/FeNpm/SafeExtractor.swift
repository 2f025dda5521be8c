import CLibArchive
import FeBasics

#if canImport(Glibc)
  import Glibc
#endif

/// Unpacks an npm tarball into a fresh directory with libarchive (LibArchive) doing the reading and fe
/// deciding what reaches the disk (pacote's policy, stricter where npm is silent):
/// - the first path component (`package/`) is stripped, whatever it is called;
/// - an absolute path, a `..` component, a link that leaves the package, a device or FIFO is
///   refused (65): such a tarball was made to attack, so nothing of it is kept;
/// - links that stay inside the package are skipped, as npm skips every link;
/// - files get 0644, or 0755 when executable in the tarball or declared as a bin; directories 0755;
/// - no write follows a symlink, and the bytes written and entries read are capped, so a
///   decompression bomb stops early (65).
struct SafeExtractor {
  /// Total bytes a package may unpack to.
  var maxBytes: Int64 = 1 << 30
  /// Unpacked bytes may exceed the tarball's size this many times, past the first 32 MiB
  /// (source compresses 4-10×; 64 MiB of zeros compress 1000×).
  var maxRatio: Int64 = 200
  var maxEntries = 100_000

  /// What one package's extraction reports.
  struct Result {
    var files = 0
    var bytes: Int64 = 0
  }

  func extract(_ tarball: String, into dest: String, label: String, bins: [String]) throws -> Result {
    let la = try LibArchive.get()
    guard let a = la.readNew() else { throw FeError(.internalError, "libarchive could not allocate a reader") }
    defer { _ = la.readFree(a) }
    _ = la.supportFilterGzip(a)
    _ = la.supportFilterNone(a)
    _ = la.supportFormatTar(a)
    let compressed = Int64(FileSystem.size(tarball) ?? 0)
    func corrupt(_ why: String) -> FeError {
      FeError(
        .integrity, "the tarball of \(label) \(why)",
        hint: "nothing was installed; the package is malformed or hostile: do not use this version, and tell its maintainers")
    }
    guard la.openFilename(a, tarball, 1 << 16) == ARCHIVE_OK else {
      throw corrupt("cannot be read: \(Self.error(la, a))")
    }
    try FileSystem.createDirectory(dest)
    let binSet = Set(bins.map { String(Path.normalize($0).dropFirst()) })
    var result = Result()
    var entries = 0
    var entry: OpaquePointer?
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let rc = la.nextHeader(a, &entry)
      if rc == ARCHIVE_EOF { break }
      guard rc == ARCHIVE_OK || rc == ARCHIVE_WARN, let entry else { throw corrupt("is not a valid gzip'd tar: \(Self.error(la, a))") }
      entries += 1
      if entries > maxEntries { throw corrupt("has more than \(maxEntries) entries") }
      guard let rawPath = la.entryPathname(entry).map({ String(cString: $0) }) else { throw corrupt("has an entry without a name") }
      if rawPath.hasPrefix("/") { throw corrupt("has an absolute path: \(rawPath)") }
      let parts = rawPath.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
      if parts.contains("..") { throw corrupt("has a path leaving the package: \(rawPath)") }
      let inner = parts.dropFirst().map(String.init)
      let type = la.entryFiletype(entry) & 0o170000
      if inner.isEmpty { continue }  // the package/ folder itself
      let rel = inner.joined(separator: "/")
      // libarchive reports a hard link as a regular file with a link target: checked and
      // skipped here, like every link (its target is in the tarball anyway).
      if let hard = la.entryHardlink(entry) {
        let target = String(cString: hard)
        let tparts = target.split(separator: "/").filter { $0 != "." }
        if target.hasPrefix("/") || tparts.contains("..") { throw corrupt("has a hard link leaving the package: \(rel) -> \(target)") }
        continue
      }
      switch type {
      case 0o040000:  // directory
        try makeDirectories(dest, inner)
      case 0o100000:  // regular file
        try makeDirectories(dest, Array(inner.dropLast()))
        let executable = la.entryPerm(entry) & 0o111 != 0 || binSet.contains(rel)
        let path = Path.join(dest, rel)
        // A repeated entry replaces the earlier one (tar semantics); never through a link.
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, executable ? 0o755 : 0o644)
        guard fd >= 0 else { throw FileSystem.ioError("cannot write \(path)") }
        defer { close(fd) }
        result.files += 1
        while true {
          let n = buffer.withUnsafeMutableBytes { la.readData(a, $0.baseAddress, $0.count) }
          if n == 0 { break }
          guard n > 0 else { throw corrupt("is truncated or corrupt: \(Self.error(la, a))") }
          result.bytes += Int64(n)
          if result.bytes > maxBytes { throw corrupt("unpacks to more than \(maxBytes >> 20) MiB") }
          if result.bytes > 32 << 20 && result.bytes > compressed * maxRatio {
            throw corrupt("unpacks to more than \(maxRatio) times its size (a decompression bomb)")
          }
          try buffer.withUnsafeBytes { try FileSystem.writeAll(fd, Array($0.prefix(n)), path: path) }
        }
        // The mode asked for at open() is masked by the umask; bins must be executable anyway.
        fchmod(fd, executable ? 0o755 : 0o644)
      case 0o120000:  // symlink
        let target = la.entrySymlink(entry).map { String(cString: $0) } ?? ""
        if !Self.staysInside(link: inner, target: target) { throw corrupt("has a link leaving the package: \(rel) -> \(target)") }
      default:
        throw corrupt("has a device, FIFO or socket entry: \(rel)")
      }
    }
    return result
  }

  /// Creates each directory of `parts` under `root`, refusing to go through a symlink.
  private func makeDirectories(_ root: String, _ parts: [String]) throws {
    var path = root
    for part in parts {
      path += "/" + part
      var st = stat()
      if lstat(path, &st) == 0 {
        if st.st_mode & S_IFMT == S_IFDIR { continue }
        throw FeError(.integrity, "\(path) is in the way of a directory of the package", hint: "nothing was installed")
      }
      guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw FileSystem.ioError("cannot create \(path)") }
    }
  }

  /// Whether a symlink at `link` (components inside the package) pointing at `target` resolves
  /// inside the package.
  static func staysInside(link: [String], target: String) -> Bool {
    if target.hasPrefix("/") || target.isEmpty { return false }
    var stack = Array(link.dropLast())
    for part in target.split(separator: "/") {
      if part == "." { continue }
      if part == ".." {
        if stack.isEmpty { return false }
        stack.removeLast()
      } else {
        stack.append(String(part))
      }
    }
    return true
  }

  static func error(_ la: LibArchive, _ a: OpaquePointer) -> String {
    la.errorString(a).map { String(cString: $0) } ?? "unknown error"
  }
}
