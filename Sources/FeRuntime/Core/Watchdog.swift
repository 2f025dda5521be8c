import FeBasics

#if canImport(Glibc)
  import Glibc
#endif

/// Terminates a runtime's JavaScript if it is still running after a time limit (config
/// evaluation gets 5 s). A thread that sleeps on a condition; `cancel()` wakes it early.
public final class Watchdog {
  private let lock = Mutex()
  private let cond = Condition()
  private var done = false
  private var thread: pthread_t?
  public private(set) var fired = false

  public init(seconds: Double, runtime: Runtime) {
    let box = Unmanaged.passRetained(Box(self, runtime, seconds))
    var t = pthread_t()
    let rc = pthread_create(
      &t, nil,
      { raw in
        let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
        box.dog.sleep(box.seconds, then: box.runtime)
        return nil
      }, box.toOpaque())
    if rc == 0 { thread = t } else { box.release() }
  }

  private final class Box {
    let dog: Watchdog
    let runtime: Runtime
    let seconds: Double
    init(_ dog: Watchdog, _ runtime: Runtime, _ seconds: Double) {
      self.dog = dog
      self.runtime = runtime
      self.seconds = seconds
    }
  }

  private func sleep(_ seconds: Double, then runtime: Runtime) {
    let deadline = Clock.nowMs() + seconds * 1000
    lock.withLock {
      while !done {
        let left = deadline - Clock.nowMs()
        if left <= 0 {
          fired = true
          runtime.terminate()
          return
        }
        cond.wait(lock, timeoutMs: left)
      }
    }
  }

  /// Stops the watchdog; returns whether it had already fired.
  @discardableResult
  public func cancel() -> Bool {
    lock.withLock { done = true }
    cond.signal(lock)
    if let thread { pthread_join(thread, nil) }
    thread = nil
    return lock.withLock { fired }
  }

  deinit { cancel() }
}
