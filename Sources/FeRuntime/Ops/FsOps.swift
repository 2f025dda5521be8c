import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// File-system ops. Each is written once as work on Swift values (`Op.dual`): the sync form
/// (`op_fs_x`) runs it on the JS thread, the async form (`op_fs_x_async`) on the worker pool.
enum FsOps {
  static let all: [Op] =
    Op.dual("op_fs_read", needs: .read) { call, i in
      let path = call.string(i)
      return { readFile(path) }
    }
    + Op.dual("op_fs_write", needs: .write) { call, i in
      let path = call.string(i)
      let data = call.bytes(i + 1)
      let flag = call.string(i + 2)
      let mode = call.int(i + 3)
      return { writeFile(path, data, flag: flag, mode: mode) }
    }
    + [fastStat]
    + Op.dual("op_fs_stat", needs: .read) { call, i in
      let path = call.string(i)
      let follow = call.bool(i + 1)
      return {
        var st = stat()
        if (follow ? stat(path, &st) : lstat(path, &st)) != 0 { return .fail(errno, syscall: follow ? "stat" : "lstat", path: path) }
        return .numbers(statArray(st))
      }
    }.dropFirst()
    + Op.dual("op_fs_fstat", needs: .read) { call, i in
      let fd = Int32(clamping: call.int(i))
      return {
        var st = stat()
        if fstat(fd, &st) != 0 { return .fail(errno, syscall: "fstat") }
        return .numbers(statArray(st))
      }
    }
    + Op.dual("op_fs_readdir", needs: .read) { call, i in
      let path = call.string(i)
      return { readDirectory(path, syscall: "scandir") }
    }
    + Op.dual("op_fs_mkdir", needs: .write) { call, i in
      let path = call.string(i)
      let recursive = call.bool(i + 1)
      let mode = mode_t(truncatingIfNeeded: call.int(i + 2))
      return { makeDirectory(path, recursive: recursive, mode: mode) }
    }
    + Op.dual("op_fs_rm", needs: .write) { call, i in
      let path = call.string(i)
      let recursive = call.bool(i + 1)
      let force = call.bool(i + 2)
      let dirOnly = call.bool(i + 3)
      return { remove(path, recursive: recursive, force: force, dirOnly: dirOnly) }
    }
    + Op.dual("op_fs_unlink", needs: .write) { call, i in
      let path = call.string(i)
      return { unlink(path) == 0 ? .undefined : .fail(errno, syscall: "unlink", path: path) }
    }
    + Op.dual("op_fs_rename", needs: .write) { call, i in
      let a = call.string(i)
      let b = call.string(i + 1)
      return { rename(a, b) == 0 ? .undefined : .fail(errno, syscall: "rename", path: a, dest: b) }
    }
    + Op.dual("op_fs_copy", needs: .write) { call, i in
      let a = call.string(i)
      let b = call.string(i + 1)
      let mode = call.int(i + 2)
      return { copyFile(a, b, mode: mode) }
    }
    + Op.dual("op_fs_realpath", needs: .read) { call, i in
      // (path, native): realpath(3). Node's fs.realpath (not .native) walks the path with lstat,
      // so its failure names lstat and the first prefix that failed; the native one names realpath.
      let path = call.string(i)
      let native = call.bool(i + 1)
      return {
        guard let p = realpath(path, nil) else {
          let err = errno
          if !native, let failed = firstFailingPrefix(path) { return .fail(failed.1, syscall: "lstat", path: failed.0) }
          return .fail(err, syscall: native ? "realpath" : "lstat", path: path)
        }
        defer { free(p) }
        return .value(.string(String(cString: p)))
      }
    }
    + Op.dual("op_fs_access", needs: .read) { call, i in
      let path = call.string(i)
      let mode = Int32(clamping: call.int(i + 1))
      return { access(path, mode) == 0 ? .undefined : .fail(errno, syscall: "access", path: path) }
    }
    + Op.dual("op_fs_symlink", needs: .write) { call, i in
      let target = call.string(i)
      let path = call.string(i + 1)
      return { symlink(target, path) == 0 ? .undefined : .fail(errno, syscall: "symlink", path: target, dest: path) }
    }
    + Op.dual("op_fs_readlink", needs: .read) { call, i in
      let path = call.string(i)
      return {
        var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buf, buf.count - 1)
        if n < 0 { return .fail(errno, syscall: "readlink", path: path) }
        return .value(.string(String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)))
      }
    }
    + Op.dual("op_fs_chmod", needs: .write) { call, i in
      let path = call.string(i)
      let mode = mode_t(truncatingIfNeeded: call.int(i + 1))
      return { chmod(path, mode) == 0 ? .undefined : .fail(errno, syscall: "chmod", path: path) }
    }
    + Op.dual("op_fs_utimes", needs: .write) { call, i in
      // (path, atime, mtime in seconds, follow symlinks): utimes, or lutimes when not following
      let path = call.string(i)
      let atime = call.number(i + 1)
      let mtime = call.number(i + 2)
      let follow = call.bool(i + 3)
      return {
        var times = [timespec(seconds: atime), timespec(seconds: mtime)]
        let rc = utimensat(AT_FDCWD, path, &times, follow ? 0 : AT_SYMLINK_NOFOLLOW)
        return rc == 0 ? .undefined : .fail(errno, syscall: follow ? "utime" : "lutime", path: path)
      }
    }
    + Op.dual("op_fs_futimes", needs: .write) { call, i in
      let fd = Int32(clamping: call.int(i))
      let atime = call.number(i + 1)
      let mtime = call.number(i + 2)
      return {
        var times = [timespec(seconds: atime), timespec(seconds: mtime)]
        return futimens(fd, &times) == 0 ? .undefined : .fail(errno, syscall: "futime")
      }
    }
    + Op.dual("op_fs_link", needs: .write) { call, i in
      let existing = call.string(i)
      let new = call.string(i + 1)
      return { link(existing, new) == 0 ? .undefined : .fail(errno, syscall: "link", path: existing, dest: new) }
    }
    + Op.dual("op_fs_fchmod", needs: .write) { call, i in
      let fd = Int32(clamping: call.int(i))
      let mode = mode_t(truncatingIfNeeded: call.int(i + 1))
      return { fchmod(fd, mode) == 0 ? .undefined : .fail(errno, syscall: "fchmod") }
    }
    + Op.dual("op_fs_chown", needs: .write) { call, i in
      // (path, uid, gid, follow symlinks): chown, or lchown when not following
      let path = call.string(i)
      let uid = uid_t(truncatingIfNeeded: call.int(i + 1))
      let gid = gid_t(truncatingIfNeeded: call.int(i + 2))
      let follow = call.bool(i + 3)
      return {
        let rc = follow ? chown(path, uid, gid) : lchown(path, uid, gid)
        return rc == 0 ? .undefined : .fail(errno, syscall: follow ? "chown" : "lchown", path: path)
      }
    }
    + Op.dual("op_fs_fchown", needs: .write) { call, i in
      let fd = Int32(clamping: call.int(i))
      let uid = uid_t(truncatingIfNeeded: call.int(i + 1))
      let gid = gid_t(truncatingIfNeeded: call.int(i + 2))
      return { fchown(fd, uid, gid) == 0 ? .undefined : .fail(errno, syscall: "fchown") }
    }
    + Op.dual("op_fs_fdatasync", needs: .write) { call, i in
      let fd = Int32(clamping: call.int(i))
      return { fdatasync(fd) == 0 ? .undefined : .fail(errno, syscall: "fdatasync") }
    }
    + Op.dual("op_fs_statfs", needs: .read) { call, i in
      // → [type, bsize, blocks, bfree, bavail, files, ffree], Node's StatFs fields in order
      let path = call.string(i)
      return {
        guard let statfs = linuxStatfs else { return .fail(ENOSYS, syscall: "statfs", path: path) }
        // struct statfs on 64-bit Linux: f_type, f_bsize, f_blocks, f_bfree, f_bavail, f_files,
        // f_ffree are its first seven longs (120 bytes in all; 256 leaves room).
        var raw = [Int](repeating: 0, count: 32)
        if statfs(path, &raw) != 0 { return .fail(errno, syscall: "statfs", path: path) }
        return .numbers(raw[0..<7].map { Double(UInt(bitPattern: $0)) })
      }
    }
    + Op.dual("op_fs_opendir", needs: .read) { call, i in
      // fs.opendir's entries: the same listing as readdir, failing as opendir does
      let path = call.string(i)
      return { readDirectory(path, syscall: "opendir") }
    }
    + Op.dual("op_fs_read_all", needs: .read) { call, i in
      // Everything from an open fd's current offset to its end (readFile of an fd or FileHandle)
      let fd = Int32(clamping: call.int(i))
      return { readAll(fd, path: nil) }
    }
    + Op.dual("op_fs_mkdtemp", needs: .write) { call, i in
      let prefix = call.string(i)
      return {
        var template = Array((prefix + "XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else { return .fail(errno, syscall: "mkdtemp", path: prefix + "XXXXXX") }
        return .value(.string(String(cString: template)))
      }
    }
    + Op.dual("op_fs_open", needs: .read) { call, i in
      let path = call.string(i)
      let flags = Int32(clamping: call.int(i + 1))
      let mode = mode_t(truncatingIfNeeded: call.int(i + 2))
      return {
        let fd = open(path, flags | O_CLOEXEC, mode)
        return fd < 0 ? .fail(errno, syscall: "open", path: path) : .value(.number(Double(fd)))
      }
    }
    + Op.dual("op_fs_close") { call, i in
      let fd = Int32(clamping: call.int(i))
      return { close(fd) == 0 ? .undefined : .fail(errno, syscall: "close") }
    }
    + Op.dual("op_fs_read_at", needs: .read) { call, i in
      // (fd, length, position or -1 for the current offset) → bytes read
      let fd = Int32(clamping: call.int(i))
      let length = max(0, call.int(i + 1))
      let position = call.number(i + 2)
      return {
        var buf = [UInt8](repeating: 0, count: length)
        let n = buf.withUnsafeMutableBytes { b in
          position >= 0 ? pread(fd, b.baseAddress, length, fileOffset(position)) : read(fd, b.baseAddress, length)
        }
        if n < 0 { return .fail(errno, syscall: "read") }
        buf.removeLast(length - n)
        return .bytes(buf)
      }
    }
    + Op.dual("op_fs_write_at", needs: .write) { call, i in
      // (fd, bytes, position or -1) → bytes written
      let fd = Int32(clamping: call.int(i))
      let data = call.bytes(i + 1)
      let position = call.number(i + 2)
      return {
        let n = data.withUnsafeBytes { b in
          position >= 0 ? pwrite(fd, b.baseAddress, b.count, fileOffset(position)) : write(fd, b.baseAddress, b.count)
        }
        return n < 0 ? .fail(errno, syscall: "write") : .value(.number(Double(n)))
      }
    }
    + Op.dual("op_fs_ftruncate", needs: .write) { call, i in
      let fd = Int32(clamping: call.int(i))
      let length = fileOffset(call.number(i + 1))
      return { ftruncate(fd, length) == 0 ? .undefined : .fail(errno, syscall: "ftruncate") }
    }
    + Op.dual("op_fs_fsync", needs: .write) { call, i in
      let fd = Int32(clamping: call.int(i))
      return { fsync(fd) == 0 ? .undefined : .fail(errno, syscall: "fsync") }
    }
    + [
      Op("op_fs_read_fd", needs: .read) { _, call in
        call.returns(readAll(Int32(clamping: call.int(0)), path: nil).local(call.scope))
      }
    ]

  /// glibc's statfs(2) wrapper: Swift's Glibc module leaves out <sys/vfs.h>, and statvfs has no
  /// filesystem type, which fs.statfs reports.
  static let linuxStatfs: (@convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer) -> Int32)? = {
    guard let sym = dlsym(nil, "statfs") else { return nil }  // RTLD_DEFAULT
    return unsafeBitCast(sym, to: (@convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer) -> Int32).self)
  }()

  /// statSync is the hottest op tools call (module resolution, file walks): no closures, no
  /// Swift String for the path, the result straight into a Float64Array.
  static let fastStat = Op("op_fs_stat", needs: .read) { _, call in
    let follow = call.bool(1)
    var st = stat()
    let rc = call.withCString(0) { follow ? stat($0, &st) : lstat($0, &st) }
    if rc != 0 { return call.fail(errno, syscall: follow ? "stat" : "lstat", path: call.string(0)) }
    withUnsafeTemporaryAllocation(of: Double.self, capacity: statCount) { buf in
      fillStat(st, buf)
      call.returns(float64: UnsafeBufferPointer(buf))
    }
  }

  // MARK: work

  static func readFile(_ path: String) -> OpResult {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { return .fail(errno, syscall: "open", path: path) }
    defer { close(fd) }
    return readAll(fd, path: path)
  }

  static func readAll(_ fd: Int32, path: String?) -> OpResult {
    var st = stat()
    if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { return .fail(EISDIR, syscall: "read") }  // Node names no path here
    var out = [UInt8]()
    out.reserveCapacity(st.st_size > 0 ? Int(st.st_size) : 1 << 16)
    var chunk = [UInt8](repeating: 0, count: st.st_size > 0 ? min(Int(st.st_size) + 1, 1 << 20) : 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return .fail(errno, syscall: "read", path: path)
      }
      if n == 0 { break }
      out.append(contentsOf: chunk[0..<n])
    }
    return .bytes(out)
  }

  static func writeFile(_ path: String, _ data: [UInt8], flag: String, mode: Int) -> OpResult {
    var flags = O_WRONLY | O_CREAT | O_CLOEXEC
    switch flag {
    case "a": flags |= O_APPEND
    case "ax", "xa": flags |= O_APPEND | O_EXCL
    case "wx", "xw": flags |= O_TRUNC | O_EXCL
    default: flags |= O_TRUNC
    }
    let fd = open(path, flags, mode_t(mode == 0 ? 0o666 : mode))
    if fd < 0 { return .fail(errno, syscall: "open", path: path) }
    defer { close(fd) }
    let err = data.withUnsafeBytes { writeFully(fd, $0) }
    return err == 0 ? .undefined : .fail(err, syscall: "write", path: path)
  }

  static func readDirectory(_ path: String, syscall: String) -> OpResult {
    guard let dir = opendir(path) else { return .fail(errno, syscall: syscall, path: path) }
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
    return .value(.array(entries.map { .array([.string($0.0), .number(Double($0.1))]) }))
  }

  /// Recursive mkdir returns the first directory it created, as Node does.
  static func makeDirectory(_ path: String, recursive: Bool, mode: mode_t) -> OpResult {
    if !recursive { return mkdir(path, mode) == 0 ? .undefined : .fail(errno, syscall: "mkdir", path: path) }
    var missing: [String] = []
    var p = path
    while !FileSystem.exists(p) && p != "/" && !p.isEmpty {
      missing.append(p)
      p = Path.dirname(p)
    }
    if FileSystem.exists(p) && !FileSystem.isDirectory(p) { return .fail(ENOTDIR, syscall: "mkdir", path: path) }
    for dir in missing.reversed() where mkdir(dir, mode) != 0 && errno != EEXIST {
      return .fail(errno, syscall: "mkdir", path: path)
    }
    return missing.last.map { .value(.string($0)) } ?? .undefined
  }

  static func remove(_ path: String, recursive: Bool, force: Bool, dirOnly: Bool) -> OpResult {
    var st = stat()
    if lstat(path, &st) != 0 {
      if errno == ENOENT && force { return .undefined }
      return .fail(errno, syscall: dirOnly ? "rmdir" : "rm", path: path)
    }
    let isDir = (st.st_mode & S_IFMT) == S_IFDIR
    if dirOnly && !isDir { return .fail(ENOTDIR, syscall: "rmdir", path: path) }
    if isDir && !recursive {
      if dirOnly { return rmdir(path) == 0 ? .undefined : .fail(errno, syscall: "rmdir", path: path) }
      return .fail(EISDIR, syscall: "rm", path: path)
    }
    return removeTree(path).map { .fail($0, syscall: dirOnly ? "rmdir" : "rm", path: path) } ?? .undefined
  }

  /// copyFile with Node's mode bits: 1 COPYFILE_EXCL (fail if `b` exists), 2 COPYFILE_FICLONE
  /// (try a copy-on-write clone, else copy), 4 COPYFILE_FICLONE_FORCE (clone or fail).
  static func copyFile(_ a: String, _ b: String, mode: Int) -> OpResult {
    let exclusive = mode & 1 != 0
    let src = open(a, O_RDONLY | O_CLOEXEC)
    if src < 0 { return .fail(errno, syscall: "copyfile", path: a, dest: b) }
    defer { close(src) }
    var st = stat()
    fstat(src, &st)
    let dst = open(b, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (exclusive ? O_EXCL : 0), st.st_mode & 0o7777)
    if dst < 0 { return .fail(errno, syscall: "copyfile", path: a, dest: b) }
    defer { close(dst) }
    if mode & 6 != 0 {
      let ficlone: UInt = 0x4004_9409  // _IOW(0x94, 9, int): FICLONE, as libuv issues it
      if ioctl(dst, ficlone, src) == 0 { return .undefined }
      if mode & 4 != 0 {
        let err = errno
        unlink(b)
        return .fail(err, syscall: "copyfile", path: a, dest: b)
      }
    }
    var buf = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = buf.withUnsafeMutableBytes { read(src, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return .fail(errno, syscall: "copyfile", path: a, dest: b)
      }
      if n == 0 { return .undefined }
      let err = buf.withUnsafeBytes { writeFully(dst, UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
      if err != 0 { return .fail(err, syscall: "copyfile", path: a, dest: b) }
    }
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

  static func statArray(_ st: stat) -> [Double] {
    [Double](unsafeUninitializedCapacity: statCount) { buf, count in
      fillStat(st, buf)
      count = statCount
    }
  }

  static let statCount = 22

  /// The stat record as the JS Stats constructor reads it (08-fs.js): the fields, the times in
  /// milliseconds, then each time's seconds and nanoseconds (for BigIntStats' exact *Ns).
  static func fillStat(_ st: stat, _ out: UnsafeMutableBufferPointer<Double>) {
    func ms(_ t: timespec) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6 }
    out[0] = Double(st.st_dev)
    out[1] = Double(st.st_mode)
    out[2] = Double(st.st_nlink)
    out[3] = Double(st.st_uid)
    out[4] = Double(st.st_gid)
    out[5] = Double(st.st_rdev)
    out[6] = Double(st.st_blksize)
    out[7] = Double(st.st_ino)
    out[8] = Double(st.st_size)
    out[9] = Double(st.st_blocks)
    out[10] = ms(st.st_atim)
    out[11] = ms(st.st_mtim)
    out[12] = ms(st.st_ctim)
    out[13] = ms(st.st_ctim)
    for (k, t) in [st.st_atim, st.st_mtim, st.st_ctim, st.st_ctim].enumerated() {
      out[14 + 2 * k] = Double(t.tv_sec)
      out[15 + 2 * k] = Double(t.tv_nsec)
    }
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

  /// The first prefix of an absolute or relative path whose lstat fails, with its errno.
  static func firstFailingPrefix(_ path: String) -> (String, Int32)? {
    var prefix = path.hasPrefix("/") ? "" : "."
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      prefix = prefix == "." ? String(part) : prefix + "/" + part
      var st = stat()
      if lstat(prefix, &st) != 0 { return (prefix, errno) }
    }
    return nil
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

/// A file offset from a JS number: JS validates ranges, this only keeps the conversion from
/// trapping on values beyond off_t (positions up to 2^63 - 1 arrive as rounded doubles).
func fileOffset(_ d: Double) -> off_t {
  if !(d >= 0) { return 0 }
  return d >= 9.2e18 ? off_t.max : off_t(d)
}

extension timespec {
  init(seconds: Double) {
    let whole = seconds.rounded(.down)
    self.init(tv_sec: Int(whole), tv_nsec: Int((seconds - whole) * 1e9))
  }
}
