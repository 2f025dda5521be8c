import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// errno → Node's error code names and descriptions (libuv's wording).
enum Errno {
  static let names: [Int32: (String, String)] = [
    EPERM: ("EPERM", "operation not permitted"),
    ENOENT: ("ENOENT", "no such file or directory"),
    ESRCH: ("ESRCH", "no such process"),
    EINTR: ("EINTR", "interrupted system call"),
    EIO: ("EIO", "i/o error"),
    EBADF: ("EBADF", "bad file descriptor"),
    EAGAIN: ("EAGAIN", "resource temporarily unavailable"),
    ENOMEM: ("ENOMEM", "not enough memory"),
    EACCES: ("EACCES", "permission denied"),
    EBUSY: ("EBUSY", "resource busy or locked"),
    EEXIST: ("EEXIST", "file already exists"),
    EXDEV: ("EXDEV", "cross-device link not permitted"),
    ENOTDIR: ("ENOTDIR", "not a directory"),
    EISDIR: ("EISDIR", "illegal operation on a directory"),
    EINVAL: ("EINVAL", "invalid argument"),
    EMFILE: ("EMFILE", "too many open files"),
    ENOSPC: ("ENOSPC", "no space left on device"),
    EROFS: ("EROFS", "read-only file system"),
    EPIPE: ("EPIPE", "broken pipe"),
    ENAMETOOLONG: ("ENAMETOOLONG", "name too long"),
    ENOTEMPTY: ("ENOTEMPTY", "directory not empty"),
    ELOOP: ("ELOOP", "too many symbolic links encountered"),
    EADDRINUSE: ("EADDRINUSE", "address already in use"),
    ECONNREFUSED: ("ECONNREFUSED", "connection refused"),
    ECONNRESET: ("ECONNRESET", "connection reset by peer"),
    ETIMEDOUT: ("ETIMEDOUT", "connection timed out"),
  ]

  static func name(_ code: Int32) -> String { names[code]?.0 ?? "E\(code)" }
  static func text(_ code: Int32) -> String { names[code]?.1 ?? String(cString: strerror(code)) }
}

extension Runtime {
  static func errorInfo(_ errno: Int32, syscall: String, path: String?, dest: String?) -> JSValue {
    var info: [JSValue] = [.string(Errno.name(errno)), .string(Errno.text(errno)), .string(syscall)]
    if let path { info.append(.string(path)) }
    if let dest {
      if path == nil { info.append(.undefined) }
      info.append(.string(dest))
    }
    return .object([("__feError", .array(info))])
  }
}
