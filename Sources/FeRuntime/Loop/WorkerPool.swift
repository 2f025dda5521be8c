import FeBasics

#if canImport(Glibc)
  import Glibc
#endif

/// Threads for work that blocks (file I/O, DNS, waiting on processes), like libuv's pool: a
/// fixed number of workers take jobs in order. Jobs never touch V8; they post back to the loop.
final class WorkerPool: @unchecked Sendable {
  static let shared = WorkerPool(threads: 4)

  private let lock = Mutex()
  private let ready = Condition()
  private var jobs: [() -> Void] = []
  private var started = 0
  private var idle = 0
  private let limit: Int

  init(threads: Int) { limit = threads }

  func submit(_ job: @escaping () -> Void) {
    lock.withLock {
      jobs.append(job)
      // Threads start on demand: a tool that never does async I/O pays nothing.
      if idle == 0 && started < limit { startWorker() }
    }
    ready.signal(lock)
  }

  /// Runs `job` on a thread of its own (for work that may block indefinitely: child processes,
  /// stdin), so it cannot starve the pool.
  static func detach(_ job: @escaping () -> Void) {
    let box = Unmanaged.passRetained(JobBox(job))
    var attr = pthread_attr_t()
    pthread_attr_init(&attr)
    pthread_attr_setdetachstate(&attr, Int32(PTHREAD_CREATE_DETACHED))
    var t = pthread_t()
    let rc = pthread_create(
      &t, &attr,
      { raw in
        Unmanaged<JobBox>.fromOpaque(raw!).takeRetainedValue().job()
        return nil
      }, box.toOpaque())
    pthread_attr_destroy(&attr)
    if rc != 0 {
      box.release()
      job()
    }
  }

  private func startWorker() {
    started += 1
    WorkerPool.detach { [self] in
      while true {
        let job: () -> Void = lock.withLock {
          while jobs.isEmpty {
            idle += 1
            ready.wait(lock, timeoutMs: nil)
            idle -= 1
          }
          return jobs.removeFirst()
        }
        job()
      }
    }
  }
}

private final class JobBox {
  let job: () -> Void
  init(_ job: @escaping () -> Void) { self.job = job }
}
