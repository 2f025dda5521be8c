import FeBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The store's writer lock: flock(2) LOCK_EX on `$FE_HOME/lock`. The kernel drops it when the
/// holder dies, so a crashed install never wedges the store. Each instance opens the file
/// itself (flock is per open file description), so it excludes threads as well as processes.
public final class StoreLock {
  /// What to show while another process holds the lock.
  public static let waitingMessage = "waiting for another fe process to finish installing…"

  /// The store this lock guards.
  public let layout: StoreLayout
  private var fd: Int32

  /// Takes the lock, waiting up to `timeout` s (nil: forever; `onWait` runs once if busy); cleans stale `tmp/`.
  public init(layout: StoreLayout, timeout: Double? = nil, onWait: (() -> Void)? = nil) throws {
    self.layout = layout
    try FileSystem.createDirectory(layout.home)
    let fd = open(layout.lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FileSystem.ioError("cannot open the store lock \(layout.lockPath)") }
    self.fd = fd
    do {
      try acquire(timeout: timeout, onWait: onWait)
    } catch {
      close(fd)
      self.fd = -1
      throw error
    }
    Staging.cleanStale(in: layout)
  }

  deinit { release() }

  /// Whether this instance still holds the lock.
  public var isHeld: Bool { fd >= 0 }

  /// Releases the lock now (also done on deinit); idempotent.
  public func release() {
    guard fd >= 0 else { return }
    _ = flock(fd, LOCK_UN)
    close(fd)
    fd = -1
  }

  private func acquire(timeout: Double?, onWait: (() -> Void)?) throws {
    if try tryLock() { return }
    onWait?()
    guard let timeout else {
      while flock(fd, LOCK_EX) != 0 {
        if errno != EINTR { throw FileSystem.ioError("cannot lock \(layout.lockPath)") }
      }
      return
    }
    // flock has no timeout: poll with a growing pause (1 ms up to 50 ms) until the deadline.
    let deadline = Self.now() + timeout
    var pause: Double = 0.001
    while Self.now() < deadline {
      Self.sleep(min(pause, max(0, deadline - Self.now())))
      if try tryLock() { return }
      pause = min(pause * 2, 0.05)
    }
    throw FeError(
      .io, "another fe process has been using the store at \(layout.home) for more than \(Self.seconds(timeout))",
      hint: "wait for it to finish (an install or a blob rebuild) and try again")
  }

  private func tryLock() throws -> Bool {
    while true {
      if flock(fd, LOCK_EX | LOCK_NB) == 0 { return true }
      switch errno {
      case EINTR: continue
      case EWOULDBLOCK: return false
      default: throw FileSystem.ioError("cannot lock \(layout.lockPath)")
      }
    }
  }

  private static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  private static func sleep(_ seconds: Double) {
    var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
    var remaining = timespec()
    while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
  }

  private static func seconds(_ t: Double) -> String {
    t >= 1 ? "\(Int(t)) s" : "\(Int(t * 1000)) ms"
  }
}
