#if canImport(Glibc)
  import Glibc
#endif

/// Work started on a thread of its own now and joined when its result is needed: two
/// independent steps of one command on the machine's two cores. Runs inline at `value()` when
/// no thread can be started.
public final class Background<T>: @unchecked Sendable {
  private let work: @Sendable () throws -> T
  private var result: Result<T, any Error>?
  private var thread = pthread_t()
  private var started = false

  public init(_ work: @escaping @Sendable () throws -> T) {
    self.work = work
    // Unowned: deinit joins the thread, so it never outlives self, and self is freed by its owner.
    let body = Unmanaged.passRetained(ThreadBody { [unowned self] in result = Result { try work() } })
    started =
      pthread_create(
        &thread, nil,
        { raw in
          Unmanaged<ThreadBody>.fromOpaque(raw!).takeRetainedValue().run()
          return nil
        }, body.toOpaque()) == 0
    if !started { body.release() }
  }

  /// Waits for the work (once) and returns what it returned, or throws what it threw.
  public func value() throws -> T {
    if started {
      pthread_join(thread, nil)
      started = false
    }
    if result == nil { result = Result { try work() } }
    return try result!.get()
  }

  deinit {
    if started { pthread_join(thread, nil) }
  }
}

/// What a thread runs (a C function pointer cannot capture Background's generic parameter).
private final class ThreadBody {
  let run: () -> Void
  init(_ run: @escaping () -> Void) { self.run = run }
}
