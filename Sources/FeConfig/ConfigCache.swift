import FeBasics
import FeEngine
import FeRuntime

#if canImport(Glibc)
  import Glibc
#endif

/// The evaluated fe.config.js, kept under `$FE_HOME/cache/config/` so a launch whose inputs did
/// not change skips the config sandbox altogether (an isolate booted from the base snapshot).
///
/// An entry is used only when all of these are what they were when it was written, else the
/// config is evaluated again and the entry rewritten:
/// - this fe's engine id (V8, the runtime's JavaScript, its ops), the config's path and the cwd;
/// - every path the evaluation looked at, the config file and everything it imported or read
///   included: for each, whether it exists, its type, mode, size, mtime and inode, and for files
///   and directories whose contents it read, a sha256 of the bytes or of the listing;
/// - the value (or absence) of every environment variable it read, through `process.env` or its
///   `env` argument; all of them if it enumerated the environment.
/// A config that reads the clock or randomness, host facts (`os`), stdin, or that prints, is
/// never cached; nor is one whose inputs changed while it was being evaluated. Entries hold
/// hashes of environment values, not the values; they are written atomically, mode 0600, and
/// carry a sha256 of their contents, so a corrupt entry is ignored (and rewritten).
/// `FE_NO_CONFIG_CACHE=1` turns the cache off.
public struct ConfigCache {
  public let directory: String
  public let engineID: String

  public init(directory: String, engineID: String) {
    self.directory = directory
    self.engineID = engineID
  }

  static let magic = Array("FECFGC01".utf8)

  /// The entry file for one config evaluated from one directory.
  public func entryPath(config: String, cwd: String) -> String {
    Path.join(directory, String(SHA256.hex(config + "\u{0}" + cwd).prefix(32)) + ".bin")
  }

  /// The cached config, if the entry exists, is intact and every input is unchanged.
  public func load(config path: String, cwd: String, env: [String: String]) -> ProjectConfig? {
    guard let bytes = try? FileSystem.read(entryPath(config: path, cwd: cwd)),
      let entry = try? Entry.decode(bytes),
      entry.engineID == engineID, entry.configPath == path, entry.cwd == cwd,
      entry.envDigest == nil || entry.envDigest == ConfigCache.digest(of: env)
    else { return nil }
    for (name, value) in entry.env where ConfigCache.digest(of: env[name]) != value { return nil }
    for observed in entry.paths where ConfigCache.fingerprint(observed.path, observed.depth) != observed.fingerprint { return nil }
    return try? ProjectConfig(path: path, value: entry.value)
  }

  /// Writes the entry for an evaluation, unless its result may differ on the next run.
  /// `started` is the coarse wall clock (`ConfigCache.now()`) taken before the evaluation began:
  /// a path modified since then may have been read before the change, so nothing is cached.
  /// Returns whether an entry was written. Failing to write is not an error: the next launch
  /// evaluates the config again.
  @discardableResult
  public func store(_ config: ProjectConfig, observed: ConfigObservations, cwd: String, env: [String: String], started: timespec) -> Bool {
    guard observed.volatileReason == nil else { return false }
    var paths: [Entry.ObservedPath] = []
    for (path, depth) in observed.paths.sorted(by: { $0.key < $1.key }) {
      var st = stat()
      if lstat(path, &st) == 0, !ConfigCache.before(st.st_mtim, started) || !ConfigCache.before(st.st_ctim, started) { return false }
      paths.append(.init(path: path, depth: depth, fingerprint: ConfigCache.fingerprint(path, depth)))
    }
    let entry = Entry(
      engineID: engineID, configPath: config.path, cwd: cwd,
      envDigest: observed.allEnv ? ConfigCache.digest(of: env) : nil,
      env: observed.envNames.sorted().map { ($0, ConfigCache.digest(of: env[$0])) },
      paths: paths, value: config.value)
    guard let bytes = entry.encode() else { return false }
    do {
      try FileSystem.createDirectory(directory, mode: 0o700)
      try FileSystem.writeAtomically(entryPath(config: config.path, cwd: cwd), bytes, mode: 0o600)
      return true
    } catch {
      return false
    }
  }

  /// The kernel's file timestamps come from the coarse clock, so a change made right after this
  /// reading still gets a timestamp at or after it.
  public static func now() -> timespec {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME_COARSE, &ts)
    return ts
  }

  static func before(_ a: timespec, _ b: timespec) -> Bool {
    a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec)
  }

  static func digest(of value: String?) -> String {
    value.map { "=" + SHA256.hex($0) } ?? "unset"
  }

  static func digest(of env: [String: String]) -> String {
    var h = SHA256()
    for (k, v) in env.sorted(by: { $0.key < $1.key }) {
      h.update(Array(k.utf8) + [0] + Array(v.utf8) + [0])
    }
    return h.finalize().hexString
  }

  /// What a path looks like now, as far as `depth` goes: equal fingerprints mean the evaluation
  /// would have seen the same thing.
  static func fingerprint(_ path: String, _ depth: ReadLog.Depth) -> String {
    var st = stat()
    guard lstat(path, &st) == 0 else { return "absent \(errno == ENOENT || errno == ENOTDIR ? 0 : errno)" }
    var out = ""
    if (st.st_mode & S_IFMT) == S_IFLNK {
      var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let n = readlink(path, &buf, buf.count - 1)
      out += "link \(n >= 0 ? String(cString: buf) : "?") -> "
      guard stat(path, &st) == 0 else { return out + "absent \(errno)" }
    }
    out += "mode \(st.st_mode) size \(st.st_size) mtime \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec) ino \(st.st_ino)"
    guard depth == .contents else { return out }
    switch st.st_mode & S_IFMT {
    case S_IFREG:
      guard let bytes = try? FileSystem.read(path) else { return out + " unreadable" }
      out += " sha256 " + SHA256.hex(bytes)
    case S_IFDIR:
      out += " listing " + SHA256.hex(FileSystem.listDirectory(path).joined(separator: "\u{0}"))
    default: break
    }
    return out
  }
}

/// What a config evaluation observed, from the runtime's ReadLog and the JS env proxy.
public struct ConfigObservations: Sendable {
  public var paths: [String: ReadLog.Depth] = [:]
  public var envNames: [String] = []
  public var allEnv = false
  public var volatileReason: String?

  public init() {}
}
