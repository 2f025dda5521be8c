import FeBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Opening the files of a blob (`manifest.json`, `source.js`, `snapshot.bin`) only when they
/// are regular files. Anything else in their place — a FIFO (whose open would block until a
/// writer came), a device, a socket, a directory, a symbolic link — is refused from `lstat`,
/// without opening it; the open itself uses O_NONBLOCK and O_NOFOLLOW and re-checks the type on
/// the descriptor, so a file swapped in between cannot block or redirect it either.
public enum StoreFile {
  /// Why a store file cannot be read.
  public enum Problem: Error, Sendable, Equatable {
    case missing
    /// Something other than a regular file is there: "a directory", "a FIFO", …
    case notRegular(kind: String)
    /// open/read failed with this errno.
    case unreadable(code: Int32)

    /// "<path> is missing", "<path> is a FIFO, not a regular file", …
    public func describe(_ path: String) -> String {
      switch self {
      case .missing: return "\(path) is missing"
      case .notRegular(let kind): return "\(path) is \(kind), not a regular file"
      case .unreadable(let code): return "\(path) cannot be read: \(FileSystem.errnoMessage(code))"
      }
    }
  }

  /// A read-only descriptor of the regular file at `path` and its size; close it.
  public static func open(_ path: String) throws(Problem) -> (fd: Int32, size: Int) {
    var st = stat()
    if lstat(path, &st) != 0 {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .missing }
      throw .unreadable(code: code)
    }
    guard (st.st_mode & S_IFMT) == S_IFREG else { throw .notRegular(kind: kind(st.st_mode)) }
    let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
    if fd < 0 {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .missing }
      if code == ELOOP { throw .notRegular(kind: "a symbolic link") }
      throw .unreadable(code: code)
    }
    guard fstat(fd, &st) == 0 else {
      let code = errno
      close(fd)
      throw .unreadable(code: code)
    }
    guard (st.st_mode & S_IFMT) == S_IFREG else {
      close(fd)
      throw .notRegular(kind: kind(st.st_mode))
    }
    return (fd, Int(st.st_size))
  }

  /// The whole regular file at `path`.
  public static func read(_ path: String) throws(Problem) -> [UInt8] {
    let (fd, size) = try open(path)
    defer { close(fd) }
    var out = [UInt8](repeating: 0, count: size)
    var done = 0
    while done < out.count {
      let n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
      if n < 0 {
        if errno == EINTR { continue }
        throw .unreadable(code: errno)
      }
      if n == 0 { break }
      done += n
    }
    if done < out.count { out.removeLast(out.count - done) }
    return out
  }

  /// Whether `path` is a regular file (not following a symbolic link); never opens it.
  public static func isRegular(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
  }

  /// What kind of file a mode describes, as a noun phrase.
  public static func kind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: return "a directory"
    case S_IFIFO: return "a FIFO"
    case S_IFLNK: return "a symbolic link"
    case S_IFSOCK: return "a socket"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFREG: return "a regular file"
    default: return "an unknown kind of file"
    }
  }
}
