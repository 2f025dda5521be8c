import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// The runtime's one event loop. Everything that touches V8 runs on the loop's thread; work
/// that blocks runs elsewhere and posts its completion back through `post`.
///
/// Each turn: due timers, then completions posted by other threads, then immediates, each as
/// its own macrotask (the JS side drains nextTicks and microtasks after every one). The loop
/// ends when no refed timer, pending op or immediate is left and 'beforeExit' adds none.
final class EventLoop {
  private var timers = TimerHeap()
  private var refedTimers = Set<Int>()
  private var immediateRefs = 0
  /// Refed work in flight on other threads (async ops, child processes, servers).
  private(set) var pendingRefs = 0
  private let lock = Mutex()
  private let wake = Condition()
  private var interrupted = false
  private var posted: [(Scope) throws -> Void] = []
  /// Run on the loop thread after every turn, before it may sleep: work that JS queued during
  /// the turn is handed on in one piece (HTTP responses: one hand-over per turn, not per write).
  var turnHooks: [() -> Void] = []
  /// When run() first started (CLOCK_MONOTONIC ns), and the time it has spent waiting for work
  /// since: Node's loopStart milestone and loop idle time (performance.eventLoopUtilization).
  private(set) var startNs: Double = -1
  private(set) var idleNs: Double = 0

  // MARK: timers (driven by op_timer_*)

  func startTimer(id: Int, ms: Double, refed: Bool) {
    timers.schedule(id: id, at: Clock.nowMs() + max(1, ms))
    if refed { refedTimers.insert(id) } else { refedTimers.remove(id) }
  }

  func stopTimer(id: Int) {
    timers.cancel(id: id)
    refedTimers.remove(id)
  }

  func refTimer(id: Int, refed: Bool) {
    guard timers.isScheduled(id) else { return }
    if refed { refedTimers.insert(id) } else { refedTimers.remove(id) }
  }

  func refImmediates(_ delta: Int) { immediateRefs = max(0, immediateRefs + delta) }

  // MARK: work from other threads

  /// Marks refed work as started on the loop thread; balance it with `post(releasing: true)`.
  func retain() { lock.withLock { pendingRefs += 1 } }

  /// Gives back a `retain()` without running anything (an unref'd handle).
  func release() { lock.withLock { pendingRefs -= 1 } }

  /// Queues `body` to run on the loop thread. Safe from any thread.
  func post(releasing: Bool = true, _ body: @escaping (Scope) throws -> Void) {
    lock.withLock {
      posted.append(body)
      if releasing { pendingRefs -= 1 }
    }
    wake.signal(lock)
  }

  private var isAlive: Bool {
    !refedTimers.isEmpty || immediateRefs > 0 || lock.withLock { pendingRefs > 0 || !posted.isEmpty }
  }

  /// Runs until nothing keeps the loop alive. Errors are JS exceptions the runtime could not
  /// route to 'uncaughtException' (the JS side prints and exits for those itself).
  func run(_ isolate: Isolate) throws {
    if startNs < 0 { startNs = Clock.nowNs() }
    while true {
      if isolate.isTerminating { throw JSTerminated() }
      // V8's own foreground tasks (FinalizationRegistry cleanup, Atomics.waitAsync) run only
      // when the embedder runs them: once a turn, for this loop's isolate.
      isolate.pumpPlatformTasks()
      var didWork = false
      let now = Clock.nowMs()
      while let id = timers.popDue(now: now) {
        let wasRefed = refedTimers.remove(id) != nil
        _ = wasRefed
        try isolate.scope { s in try s.endCallback(ticksFirst: s.bool(try s.callCore(.onTimer, [s.number(Double(id))]))) }
        didWork = true
      }
      let batch: [(Scope) throws -> Void] = lock.withLock {
        defer { posted.removeAll() }
        return posted
      }
      for body in batch {
        try isolate.scope { scope in
          try body(scope)
          try scope.callCore(.afterMacrotask)
        }
        didWork = true
      }
      if immediateRefs > 0 {
        try isolate.scope { s in try s.endCallback(ticksFirst: s.bool(try s.callCore(.runImmediates))) }
        didWork = true
      }
      for hook in turnHooks { hook() }
      if didWork { continue }
      if !isAlive {
        _ = try isolate.scope { try $0.callCore(.beforeExit) }
        if !isAlive { return }
        continue
      }
      // As Node's profiler idle notifier: time spent waiting shows as (idle) in CPU profiles.
      isolate.setIdle(true)
      wait(until: timers.nextDeadline)
      isolate.setIdle(false)
    }
  }

  /// Wakes a loop that is waiting, from any thread (the isolate was terminated).
  func interrupt() {
    lock.withLock { interrupted = true }
    wake.signal(lock)
  }

  private func wait(until deadline: Double?) {
    let waitStart = Clock.nowNs()
    defer { idleNs += Clock.nowNs() - waitStart }
    lock.withLock {
      // An interrupt that came before this wait is not lost: the loop goes round and sees why.
      if interrupted {
        interrupted = false
        return
      }
      guard posted.isEmpty else { return }
      if let deadline {
        let ms = deadline - Clock.nowMs()
        if ms > 0 { wake.wait(lock, timeoutMs: ms) }
      } else if pendingRefs > 0 {
        wake.wait(lock, timeoutMs: nil)
      }
    }
  }
}

/// Pending timers ordered by deadline, then by when they were scheduled (Node's order).
struct TimerHeap {
  private struct Entry {
    var at: Double
    var seq: UInt64
    var id: Int
  }
  private var heap: [Entry] = []
  private var live: [Int: UInt64] = [:]  // id → seq of its current entry; stale entries are skipped
  private var seq: UInt64 = 0

  mutating func schedule(id: Int, at: Double) {
    seq += 1
    live[id] = seq
    heap.append(Entry(at: at, seq: seq, id: id))
    siftUp(heap.count - 1)
  }

  mutating func cancel(id: Int) { live[id] = nil }

  func isScheduled(_ id: Int) -> Bool { live[id] != nil }

  var nextDeadline: Double? {
    mutating get {
      dropStale()
      return heap.first?.at
    }
  }

  mutating func popDue(now: Double) -> Int? {
    dropStale()
    guard let top = heap.first, top.at <= now else { return nil }
    removeTop()
    live[top.id] = nil
    return top.id
  }

  private mutating func dropStale() {
    while let top = heap.first, live[top.id] != top.seq { removeTop() }
  }

  private func less(_ a: Entry, _ b: Entry) -> Bool { a.at < b.at || (a.at == b.at && a.seq < b.seq) }

  private mutating func removeTop() {
    heap.swapAt(0, heap.count - 1)
    heap.removeLast()
    var i = 0
    while true {
      let l = 2 * i + 1
      let r = l + 1
      var m = i
      if l < heap.count && less(heap[l], heap[m]) { m = l }
      if r < heap.count && less(heap[r], heap[m]) { m = r }
      if m == i { return }
      heap.swapAt(i, m)
      i = m
    }
  }

  private mutating func siftUp(_ index: Int) {
    var i = index
    while i > 0 {
      let p = (i - 1) / 2
      if !less(heap[i], heap[p]) { return }
      heap.swapAt(i, p)
      i = p
    }
  }
}

enum Clock {
  static func nowMs() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1_000_000
  }

  static func nowNs() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) * 1e9 + Double(ts.tv_nsec)
  }
}
