import FeBasics

/// What a sandboxed evaluation (fe.config.js) saw of the machine: every path it looked at, and
/// whether it used something that can differ between two runs with the same files and env
/// (the clock, randomness, host facts). The launcher caches a config's result under exactly
/// these observations, so anything that could change the result is in the cache key.
public final class ReadLog {
  /// How much of a path the evaluation saw.
  public enum Depth: Int, Comparable, Sendable {
    /// Its metadata: existence, type, size, times (stat, access, realpath, readlink).
    case metadata = 0
    /// Its contents too: a file's bytes, a directory's listing.
    case contents = 1

    public static func < (a: Depth, b: Depth) -> Bool { a.rawValue < b.rawValue }
  }

  /// Absolute path → the deepest look taken at it.
  public private(set) var paths: [String: Depth] = [:]
  /// The first thing seen that can change between runs, e.g. "Date.now()"; nil if none.
  public private(set) var volatileReason: String?
  /// Relative paths are taken against this directory (the sandbox's cwd).
  let cwd: String

  public init(cwd: String) { self.cwd = cwd }

  public func record(_ path: String, _ depth: Depth) {
    guard !path.isEmpty else { return }
    let absolute = Path.normalize(Path.absolute(path, from: cwd))
    if let seen = paths[absolute], seen >= depth { return }
    paths[absolute] = depth
  }

  public func markVolatile(_ what: String) {
    if volatileReason == nil { volatileReason = what }
  }

  /// What each op observes, by op name: the index of its path argument and how deep it looks,
  /// or that its result can change between runs. Ops on an already open fd (`op_fs_read_all`,
  /// `op_fs_read_at`, `op_fs_read_fd`, `op_fs_fstat`) are covered by the `op_fs_open` that opened
  /// it: the config Sandbox refuses them any descriptor the runtime did not open itself.
  /// `FsOpsReadLogTests` checks that every read-only fs op is either here or fd-based.
  enum Observation {
    case path(arg: Int, Depth)
    case volatile
  }

  /// `op_write` is here too: a config that prints must print at every launch, so it is never cached.
  static let observations: [String: Observation] = {
    var table: [String: Observation] = [:]
    let paths: [(String, Depth)] = [
      ("op_fs_read", .contents), ("op_fs_open", .contents), ("op_fs_readdir", .contents), ("op_fs_opendir", .contents),
      ("op_fs_stat", .metadata), ("op_fs_access", .metadata), ("op_fs_realpath", .metadata), ("op_fs_readlink", .metadata),
    ]
    for (name, depth) in paths {
      table[name] = .path(arg: 0, depth)
      table[name + "_async"] = .path(arg: 1, depth)  // arg 0 is the request id
    }
    for name in [
      "op_hrtime", "op_loop_metrics", "op_crypto_random", "op_os_info", "op_os_cpus", "op_os_mem", "op_memory_usage", "op_chdir",
      "op_stdin_read_async", "op_stdin_ref", "op_write", "op_tty_size", "op_tty_isatty", "op_fs_watch_start", "op_fs_watch_start_async",
      // A filesystem's free blocks and inodes change with any write to it, not with the path.
      "op_fs_statfs", "op_fs_statfs_async",
    ] {
      table[name] = .volatile
    }
    return table
  }()
}
