import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// The checks a runtime without `.write` (fe.config.js) makes on its arguments, beyond what each
/// op's permissions say: a read-only op must not open for writing, must not open what could block
/// or never end (FIFOs, devices, sockets) or is too large to hold, and descriptors it did not
/// open itself (stdio, the launcher's) are out of reach except for printing to stdout/stderr.
///
/// Blocking syscalls cannot be interrupted from JS, so these checks are what keeps the time
/// limit meaningful in-process; the config sandbox's own process (FeCLI's ConfigSandbox) is the
/// backstop for anything that slips past them (a file swapped for a FIFO between check and open).
struct Sandbox {
  /// Descriptors open when the runtime was made: never the config's to use.
  let inherited: Set<Int32>
  /// The largest file a read may load (the runtime's external-memory limit).
  let maxReadBytes: Int

  enum Rule {
    /// (path, flags): no write, create, truncate or append flags; a regular file or directory.
    case open(path: Int, flags: Int)
    /// A whole-file read of a path: a regular file no larger than `maxReadBytes`.
    case read(path: Int)
    /// An op on a descriptor the runtime opened itself.
    case fd(Int)
    /// op_write: stdout, stderr or a descriptor the runtime opened.
    case print(fd: Int)
    /// Never, in a sandbox: it would change what the launcher and the tool start from.
    case deny(String)
  }

  init(maxReadBytes: Int) {
    self.maxReadBytes = maxReadBytes
    var fds = Set<Int32>()
    if let dir = opendir("/proc/self/fd") {
      // The listing shows the descriptor reading it, closed right after: the config's first
      // open gets that number, which must stay usable.
      let own = dirfd(dir)
      while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if let fd = Int32(name), fd != own { fds.insert(fd) }
      }
      closedir(dir)
    }
    // 0-2 at least, even where /proc is missing.
    inherited = fds.union([0, 1, 2])
  }

  /// The rule for each op, by name; the async form (`_async`) takes a request id first.
  static let rules: [String: Rule] = {
    var table: [String: Rule] = [:]
    let sync: [(String, Rule)] = [
      ("op_fs_open", .open(path: 0, flags: 1)), ("op_fs_read", .read(path: 0)),
      ("op_fs_read_at", .fd(0)), ("op_fs_read_all", .fd(0)), ("op_fs_fstat", .fd(0)), ("op_fs_close", .fd(0)),
    ]
    for (name, rule) in sync {
      table[name] = rule
      table[name + "_async"] = rule.shifted
    }
    table["op_fs_read_fd"] = .fd(0)
    table["op_write"] = .print(fd: 0)
    table["op_tty_set_raw"] = .deny("change the terminal's mode")
    table["op_chdir"] = .deny("change the working directory (the tool starts where fe was started)")
    return table
  }()

  /// nil when the call may go ahead, else why not (for "fe.config.js may not …").
  func check(_ rule: Rule, _ call: OpCall) -> (reason: String, code: String)? {
    switch rule {
    case .open(let p, let f):
      let writing = O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND | O_EXCL
      if Int32(truncatingIfNeeded: call.int(f)) & writing != 0 {
        return ("write files (\(call.string(p)) was opened for writing)", "ERR_ACCESS_DENIED")
      }
      return readable(call.string(p), wholeFile: false)
    case .read(let p):
      return readable(call.string(p), wholeFile: true)
    case .fd(let a):
      let fd = Int32(truncatingIfNeeded: call.int(a))
      return inherited.contains(fd) ? ("use file descriptor \(fd), which it did not open", "ERR_ACCESS_DENIED") : nil
    case .print(let a):
      let fd = Int32(truncatingIfNeeded: call.int(a))
      return fd == 1 || fd == 2 || !inherited.contains(fd) ? nil : ("write to file descriptor \(fd)", "ERR_ACCESS_DENIED")
    case .deny(let what):
      return (what, "ERR_ACCESS_DENIED")
    }
  }

  /// The check for a module's source (ES modules are read by the loader, not by an op).
  func refusesToRead(_ path: String) -> (reason: String, code: String)? { readable(path, wholeFile: true) }

  /// Missing paths pass (the op itself reports ENOENT as Node does).
  private func readable(_ path: String, wholeFile: Bool) -> (reason: String, code: String)? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    let type = st.st_mode & S_IFMT
    if type == S_IFDIR { return nil }
    if type != S_IFREG {
      let what = type == S_IFIFO ? "a FIFO" : type == S_IFSOCK ? "a socket" : "a device"
      return ("read \(path), which is \(what) (a config reads regular files only)", "ERR_ACCESS_DENIED")
    }
    if wholeFile && Int(st.st_size) > maxReadBytes {
      return ("read \(path): \(st.st_size) bytes is more than its \(maxReadBytes >> 20) MB memory limit", "ERR_FS_FILE_TOO_LARGE")
    }
    return nil
  }
}

extension Sandbox.Rule {
  /// The same rule for the op's async form, whose arguments follow a request id.
  var shifted: Sandbox.Rule {
    switch self {
    case .open(let p, let f): return .open(path: p + 1, flags: f + 1)
    case .read(let p): return .read(path: p + 1)
    case .fd(let a): return .fd(a + 1)
    case .print(let a): return .print(fd: a + 1)
    case .deny: return self
    }
  }
}
