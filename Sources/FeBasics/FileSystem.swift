#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Thin POSIX helpers. fe's launch path avoids Foundation's file APIs: they cost start-up time
/// and hide errno, which fe needs to tell a full disk from a read-only store.
public enum FileSystem {
  public static func errnoMessage(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
  }

  /// The whole file, or nil when it does not exist.
  public static func read(_ path: String) throws -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      if errno == ENOENT || errno == ENOTDIR { return nil }
      throw ioError("cannot read \(path)")
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw ioError("cannot read \(path)") }
    var out = [UInt8](repeating: 0, count: Int(st.st_size))
    var done = 0
    while done < out.count {
      let n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
      if n < 0 {
        if errno == EINTR { continue }
        throw ioError("cannot read \(path)")
      }
      if n == 0 { break }
      done += n
    }
    if done < out.count { out.removeLast(out.count - done) }
    return out
  }

  public static func readString(_ path: String) throws -> String? {
    try read(path).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Writes through a temporary file in the same directory, fsyncs and renames, so readers see
  /// the old content or the new one, never a torn file.
  public static func writeAtomically(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o644) throws {
    let tmp = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard fd >= 0 else { throw ioError("cannot write \(path)") }
    do {
      try writeAll(fd, bytes, path: path)
      guard fsync(fd) == 0 else { throw ioError("cannot write \(path)") }
      close(fd)
    } catch {
      close(fd)
      unlink(tmp)
      throw error
    }
    guard rename(tmp, path) == 0 else {
      let e = errno
      unlink(tmp)
      throw ioError("cannot write \(path)", code: e)
    }
  }

  public static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
      if n < 0 {
        if errno == EINTR { continue }
        throw ioError("cannot write \(path)")
      }
      done += n
    }
  }

  public static func exists(_ path: String) -> Bool {
    access(path, F_OK) == 0
  }

  public static func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  public static func isFile(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
  }

  public static func size(_ path: String) -> Int? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return Int(st.st_size)
  }

  /// `mkdir -p`.
  public static func createDirectory(_ path: String, mode: mode_t = 0o755) throws {
    if isDirectory(path) { return }
    let parent = Path.dirname(path)
    if parent != path && !parent.isEmpty { try createDirectory(parent, mode: mode) }
    if mkdir(path, mode) != 0 && errno != EEXIST { throw ioError("cannot create directory \(path)") }
  }

  public static func listDirectory(_ path: String) -> [String] {
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// `rm -rf`, without following symlinks.
  public static func removeTree(_ path: String) throws {
    var st = stat()
    guard lstat(path, &st) == 0 else { return }
    if (st.st_mode & S_IFMT) == S_IFDIR {
      // A read-only directory (a package image) must become writable to lose its entries.
      if st.st_mode & S_IWUSR == 0 || st.st_mode & S_IXUSR == 0 { chmod(path, (st.st_mode & 0o7777) | S_IRWXU) }
      for name in listDirectory(path) { try removeTree(path + "/" + name) }
      guard rmdir(path) == 0 || errno == ENOENT else { throw ioError("cannot remove \(path)") }
    } else {
      guard unlink(path) == 0 || errno == ENOENT else { throw ioError("cannot remove \(path)") }
    }
  }

  /// Takes the write bits off everything below `path` (not `path` itself, so the tree can still
  /// be moved as a whole): a package image is not a place for a tool to write.
  public static func makeContentsReadOnly(_ path: String) throws {
    for name in listDirectory(path) {
      let entry = path + "/" + name
      var st = stat()
      guard lstat(entry, &st) == 0 else { throw ioError("cannot read \(entry)") }
      let kind = st.st_mode & S_IFMT
      guard kind == S_IFDIR || kind == S_IFREG else { continue }
      if kind == S_IFDIR { try makeContentsReadOnly(entry) }
      guard chmod(entry, st.st_mode & 0o7555) == 0 else { throw ioError("cannot make \(entry) read-only") }
    }
  }

  /// Disk use of a tree in bytes.
  public static func treeSize(_ path: String) -> Int {
    var st = stat()
    guard lstat(path, &st) == 0 else { return 0 }
    if (st.st_mode & S_IFMT) == S_IFDIR {
      return listDirectory(path).reduce(0) { $0 + treeSize(path + "/" + $1) }
    }
    return Int(st.st_size)
  }

  public static func currentDirectory() -> String {
    var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buf, buf.count) != nil else { return "/" }
    return String(cString: buf)
  }

  public static func realPath(_ path: String) -> String? {
    guard let p = realpath(path, nil) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }

  /// An error for a failed system call: a full disk and a read-only store get their own hints.
  public static func ioError(_ what: String, code: Int32 = errno) -> FeError {
    let hint: String?
    switch code {
    case ENOSPC: hint = "the disk is full: free some space (or `fe blobs prune`) and try again"
    case EROFS: hint = "the file system is read-only: point FE_HOME at a writable directory"
    case EACCES, EPERM: hint = "check the permissions, or point FE_HOME at a directory you own"
    default: hint = nil
    }
    return FeError(.io, "\(what): \(errnoMessage(code))", hint: hint)
  }
}

/// POSIX path arithmetic on strings (no Foundation on the launch path).
public enum Path {
  public static func join(_ parts: String...) -> String {
    parts.dropFirst().reduce(parts.first ?? "") { base, part in
      if part.hasPrefix("/") { return part }
      if base.isEmpty { return part }
      return base.hasSuffix("/") ? base + part : base + "/" + part
    }
  }

  public static func dirname(_ path: String) -> String {
    var p = Substring(path)
    while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
    guard let slash = p.lastIndex(of: "/") else { return "." }
    if slash == p.startIndex { return "/" }
    return String(p[..<slash])
  }

  public static func basename(_ path: String) -> String {
    var p = Substring(path)
    while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
    guard let slash = p.lastIndex(of: "/") else { return String(p) }
    return String(p[p.index(after: slash)...])
  }

  /// An absolute, normalized path (`.` and `..` folded, no symlinks resolved).
  public static func absolute(_ path: String, from cwd: String) -> String {
    normalize(path.hasPrefix("/") ? path : join(cwd, path))
  }

  public static func normalize(_ path: String) -> String {
    var out: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == ".." {
        if !out.isEmpty { out.removeLast() }
        continue
      }
      out.append(part)
    }
    return "/" + out.joined(separator: "/")
  }
}
