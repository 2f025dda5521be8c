#if canImport(Glibc)
  import Glibc
#endif

/// What every process fe starts gets, as libuv gives Node's children: no blocked signals and
/// default dispositions (fe itself ignores SIGPIPE, and a launch may block signals).
public enum Spawn {
  /// glibc's POSIX_SPAWN_SETSID (behind _GNU_SOURCE, so not imported): the child starts a session.
  public static let setsid: Int32 = 0x80

  /// Sets those on `attr` and returns the posix_spawn flags that make them take effect.
  public static func resetSignals(_ attr: inout posix_spawnattr_t) -> Int32 {
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attr, &mask)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for sig in 1..<32 where sig != SIGKILL && sig != SIGSTOP { sigaddset(&defaults, Int32(sig)) }
    posix_spawnattr_setsigdefault(&attr, &defaults)
    return Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
  }
}
