#if canImport(Glibc)
  import Glibc
#endif
import FeBasics
import FeEngine

/// Synchronous file-system ops. Failures come back as Node-style error info (see `fail`).
enum FsOps {
  static let all: [Op] = [
    Op("op_fs_read", needs: .read) { _, call in
      let path = call.string(0)
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      if fd < 0 { return call.fail(errno, syscall: "open", path: path) }
      defer { close(fd) }
      readAll(fd, call: call, path: path)
    },
    Op("op_fs_read_fd", needs: .read) { _, call in readAll(Int32(call.int(0)), call: call, path: nil) },
    Op("op_fs_write", needs: .write) { _, call in
      let path = call.string(0)
      let flag = call.string(2)
      var flags = O_WRONLY | O_CREAT | O_CLOEXEC
      switch flag {
      case "a": flags |= O_APPEND
      case "ax", "xa": flags |= O_APPEND | O_EXCL
      case "wx", "xw": flags |= O_TRUNC | O_EXCL
      default: flags |= O_TRUNC
      }
      let fd = open(path, flags, mode_t(call.int(3) == 0 ? 0o666 : call.int(3)))
      if fd < 0 { return call.fail(errno, syscall: "open", path: path) }
      defer { close(fd) }
      let data = call.arg(1)
      var err: Int32 = 0
      if call.scope.type(data) == .string {
        var s = call.scope.string(data)
        s.withUTF8 { err = writeFully(fd, UnsafeRawBufferPointer($0)) }
      } else {
        call.scope.withBytes(data) { err = writeFully(fd, $0) }
      }
      if err != 0 { call.fail(err, syscall: "write", path: path) }
    },
    Op("op_fs_stat", needs: .read) { _, call in
      let path = call.string(0)
      var st = stat()
      let rc = call.bool(1) ? stat(path, &st) : lstat(path, &st)
      if rc != 0 { return call.fail(errno, syscall: call.bool(1) ? "stat" : "lstat", path: path) }
      call.returns(statArray(st))
    },
    Op("op_fs_readdir", needs: .read) { _, call in
      let path = call.string(0)
      guard let dir = opendir(path) else { return call.fail(errno, syscall: "scandir", path: path) }
      defer { closedir(dir) }
      var entries: [(String, Int)] = []
      while let e = readdir(dir) {
        let name = withUnsafePointer(to: e.pointee.d_name) {
          $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        if name == "." || name == ".." { continue }
        entries.append((name, direntType(e.pointee.d_type, parent: path, name: name)))
      }
      entries.sort { $0.0 < $1.0 }
      call.returns(.array(entries.map { .array([.string($0.0), .number(Double($0.1))]) }))
    },
    Op("op_fs_mkdir", needs: .write) { _, call in
      let path = call.string(0)
      let mode = mode_t(call.int(2))
      if !call.bool(1) {
        if mkdir(path, mode) != 0 { call.fail(errno, syscall: "mkdir", path: path) }
        return
      }
      // Recursive: returns the first directory created, as Node does.
      var first: String?
      var parts: [String] = []
      var p = path
      while !FileSystem.exists(p) && p != "/" && !p.isEmpty {
        parts.append(p)
        p = Path.dirname(p)
      }
      if !FileSystem.isDirectory(p) && FileSystem.exists(p) { return call.fail(ENOTDIR, syscall: "mkdir", path: path) }
      for dir in parts.reversed() {
        if mkdir(dir, mode) != 0 && errno != EEXIST { return call.fail(errno, syscall: "mkdir", path: path) }
        if first == nil { first = dir }
      }
      call.returns(first.map(JSValue.string) ?? .undefined)
    },
    Op("op_fs_rm", needs: .write) { _, call in
      let path = call.string(0)
      let recursive = call.bool(1), force = call.bool(2), dirOnly = call.bool(3)
      var st = stat()
      if lstat(path, &st) != 0 {
        if errno == ENOENT && force { return }
        return call.fail(errno, syscall: dirOnly ? "rmdir" : "rm", path: path)
      }
      let isDir = (st.st_mode & S_IFMT) == S_IFDIR
      if dirOnly && !isDir { return call.fail(ENOTDIR, syscall: "rmdir", path: path) }
      if isDir && !recursive {
        if dirOnly {
          if rmdir(path) != 0 { call.fail(errno, syscall: "rmdir", path: path) }
          return
        }
        return call.fail(EISDIR, syscall: "rm", path: path)  // Node: ERR_FS_EISDIR, code EISDIR
      }
      if let err = removeTree(path) { call.fail(err, syscall: "rm", path: path) }
    },
    Op("op_fs_unlink", needs: .write) { _, call in
      let path = call.string(0)
      if unlink(path) != 0 { call.fail(errno, syscall: "unlink", path: path) }
    },
    Op("op_fs_rename", needs: .write) { _, call in
      let a = call.string(0), b = call.string(1)
      if rename(a, b) != 0 { call.fail(errno, syscall: "rename", path: a, dest: b) }
    },
    Op("op_fs_copy", needs: .write) { _, call in
      let a = call.string(0), b = call.string(1)
      let exclusive = call.int(2) & 1 != 0
      let src = open(a, O_RDONLY | O_CLOEXEC)
      if src < 0 { return call.fail(errno, syscall: "copyfile", path: a, dest: b) }
      defer { close(src) }
      var st = stat()
      fstat(src, &st)
      let dst = open(b, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (exclusive ? O_EXCL : 0), st.st_mode & 0o7777)
      if dst < 0 { return call.fail(errno, syscall: "copyfile", path: a, dest: b) }
      defer { close(dst) }
      var buf = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let n = buf.withUnsafeMutableBytes { read(src, $0.baseAddress, $0.count) }
        if n < 0 { if errno == EINTR { continue }; return call.fail(errno, syscall: "copyfile", path: a, dest: b) }
        if n == 0 { break }
        let err = buf.withUnsafeBytes { writeFully(dst, UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        if err != 0 { return call.fail(err, syscall: "copyfile", path: a, dest: b) }
      }
    },
    Op("op_fs_realpath", needs: .read) { _, call in
      let path = call.string(0)
      guard let p = realpath(path, nil) else { return call.fail(errno, syscall: "realpath", path: path) }
      defer { free(p) }
      call.returns(String(cString: p))
    },
    Op("op_fs_access", needs: .read) { _, call in
      let path = call.string(0)
      if access(path, Int32(call.int(1))) != 0 { call.fail(errno, syscall: "access", path: path) }
    },
  ]

  static func readAll(_ fd: Int32, call: OpCall, path: String?) {
    var out: [UInt8] = []
    var st = stat()
    if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
      return call.fail(EISDIR, syscall: "read", path: path)
    }
    out.reserveCapacity(st.st_size > 0 ? Int(st.st_size) : 1 << 16)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return call.fail(errno, syscall: "read", path: path)
      }
      if n == 0 { break }
      out.append(contentsOf: chunk[0..<n])
    }
    out.withUnsafeBytes { call.returns(bytes: $0) }
  }

  /// Writes all of `buf`, retrying on EINTR and waiting out EAGAIN (a non-blocking pipe);
  /// returns 0 or the errno that stopped it.
  static func writeFully(_ fd: Int32, _ buf: UnsafeRawBufferPointer) -> Int32 {
    var done = 0
    while done < buf.count {
      let n = write(fd, buf.baseAddress! + done, buf.count - done)
      if n < 0 {
        if errno == EINTR { continue }
        if errno == EAGAIN {
          var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
          poll(&p, 1, -1)
          continue
        }
        return errno
      }
      done += n
    }
    return 0
  }

  static func statArray(_ st: stat) -> JSValue {
    func ms(_ t: timespec) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6 }
    let fields: [Double] = [
      Double(st.st_dev), Double(st.st_mode), Double(st.st_nlink), Double(st.st_uid), Double(st.st_gid),
      Double(st.st_rdev), Double(st.st_blksize), Double(st.st_ino), Double(st.st_size), Double(st.st_blocks),
      ms(st.st_atim), ms(st.st_mtim), ms(st.st_ctim), ms(st.st_ctim),
    ]
    return .array(fields.map(JSValue.number))
  }

  /// Dirent type codes shared with the JS side's Dirent.
  static func direntType(_ t: UInt8, parent: String, name: String) -> Int {
    switch Int32(t) {
    case Int32(DT_REG): return 1
    case Int32(DT_DIR): return 2
    case Int32(DT_LNK): return 3
    case Int32(DT_FIFO): return 4
    case Int32(DT_SOCK): return 5
    case Int32(DT_CHR): return 6
    case Int32(DT_BLK): return 7
    default:
      var st = stat()
      guard lstat(parent + "/" + name, &st) == 0 else { return 0 }
      switch st.st_mode & S_IFMT {
      case S_IFREG: return 1
      case S_IFDIR: return 2
      case S_IFLNK: return 3
      default: return 0
      }
    }
  }

  static func removeTree(_ path: String) -> Int32? {
    var st = stat()
    guard lstat(path, &st) == 0 else { return errno == ENOENT ? nil : errno }
    if (st.st_mode & S_IFMT) == S_IFDIR {
      for name in FileSystem.listDirectory(path) {
        if let e = removeTree(path + "/" + name) { return e }
      }
      return rmdir(path) == 0 ? nil : errno
    }
    return unlink(path) == 0 ? nil : errno
  }
}
