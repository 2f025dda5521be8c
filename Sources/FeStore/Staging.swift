import FeBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Staging directories under `$FE_HOME/tmp`, named `<pid>-<random>` so a later fe can tell
/// the leftovers of a crashed process from a live install, and the helpers that fill them durably.
public enum Staging {
  /// Entries older than this are removed even if their PID is alive again (PIDs get reused).
  public static let staleAge: time_t = 3600

  /// A fresh, empty directory `tmp/<pid>-<random>` owned by this process.
  public static func create(in layout: StoreLayout) throws -> String {
    try FileSystem.createDirectory(layout.tmpDir)
    while true {
      let path = Path.join(layout.tmpDir, "\(getpid())-\(randomSuffix())")
      if mkdir(path, 0o755) == 0 { return path }
      if errno != EEXIST { throw FileSystem.ioError("cannot create a staging directory in \(layout.tmpDir)") }
    }
  }

  /// The PID encoded in a `tmp/` entry's name, if it has one.
  public static func owner(ofEntry name: String) -> pid_t? {
    guard let dash = name.firstIndex(of: "-"), let pid = pid_t(name[..<dash]), pid > 0 else { return nil }
    return pid
  }

  /// Removes `tmp/` entries whose owner is dead or that are older than `staleAge`; returns their names.
  /// Call with the store lock held, so no install is mid-rename out of one of them.
  @discardableResult
  public static func cleanStale(in layout: StoreLayout, now: time_t = time(nil)) -> [String] {
    var removed: [String] = []
    for name in FileSystem.listDirectory(layout.tmpDir) {
      let path = Path.join(layout.tmpDir, name)
      var st = stat()
      guard lstat(path, &st) == 0 else { continue }
      let old = now - st.st_mtim.tv_sec > staleAge
      let dead = owner(ofEntry: name).map { !isAlive($0) } ?? false
      guard old || dead else { continue }
      // Best effort: a failure here must not block the install that took the lock.
      if (try? FileSystem.removeTree(path)) != nil { removed.append(name) }
    }
    return removed
  }

  /// Whether a process with `pid` exists (EPERM means it does, owned by someone else).
  public static func isAlive(_ pid: pid_t) -> Bool {
    kill(pid, 0) == 0 || errno == EPERM
  }

  /// Creates `path` (which must not exist), writes `bytes` and fsyncs, so a later rename publishes complete content.
  static func writeNewFile(_ path: String, _ bytes: [UInt8]) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FileSystem.ioError("cannot write \(path)") }
    defer { close(fd) }
    try FileSystem.writeAll(fd, bytes, path: path)
    guard fsync(fd) == 0 else { throw FileSystem.ioError("cannot write \(path)") }
  }

  /// fsyncs a directory, so the renames and creations in it survive a power loss.
  static func syncDirectory(_ path: String) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  private static func randomSuffix() -> String {
    let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
    var out = [UInt8]()
    for _ in 0..<10 { out.append(digits[Int.random(in: 0..<digits.count)]) }
    return String(decoding: out, as: UTF8.self)
  }
}
