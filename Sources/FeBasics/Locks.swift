#if canImport(Glibc)
  import Glibc
#endif

/// A pthread mutex, usable from any thread; `Condition` waits on it.
public final class Mutex: @unchecked Sendable {
  fileprivate var m = pthread_mutex_t()
  public init() { pthread_mutex_init(&m, nil) }
  deinit { pthread_mutex_destroy(&m) }
  public func withLock<T>(_ body: () throws -> T) rethrows -> T {
    pthread_mutex_lock(&m)
    defer { pthread_mutex_unlock(&m) }
    return try body()
  }
}

/// A condition variable on the monotonic clock (the event loop's wake-up).
public final class Condition: @unchecked Sendable {
  private var c = pthread_cond_t()
  public init() {
    var attr = pthread_condattr_t()
    pthread_condattr_init(&attr)
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC)
    pthread_cond_init(&c, &attr)
    pthread_condattr_destroy(&attr)
  }
  deinit { pthread_cond_destroy(&c) }
  public func signal(_ mutex: Mutex) {
    pthread_mutex_lock(&mutex.m)
    pthread_cond_signal(&c)
    pthread_mutex_unlock(&mutex.m)
  }
  /// Call with the mutex held.
  public func wait(_ mutex: Mutex, timeoutMs: Double?) {
    guard let timeoutMs else {
      pthread_cond_wait(&c, &mutex.m)
      return
    }
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    let ns = Int(ts.tv_nsec) + Int(timeoutMs * 1_000_000)
    ts.tv_sec += ns / 1_000_000_000
    ts.tv_nsec = ns % 1_000_000_000
    pthread_cond_timedwait(&c, &mutex.m, &ts)
  }
}
