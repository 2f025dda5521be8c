import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// process.on('SIGINT' | 'SIGTERM' | …): while JS listens for a signal, fe catches it and emits
/// it on `process` from the event loop, instead of dying by it. Like Node's signal handles, a
/// listener does not keep the program alive. Without listeners the default action is back.
enum SignalOps {
  static let all: [Op] = [
    Op("op_signal_watch", needs: .exit) { rt, call in
      // (name, on) → false for a signal fe cannot watch
      guard let sig = Signals.number(call.string(0)), sig > 0, sig != SIGKILL, sig != SIGSTOP else {
        return call.returns(.bool(false))
      }
      SignalWatcher.shared.watch(sig, name: call.string(0), on: call.bool(1), loop: rt.loop)
      call.returns(.bool(true))
    },
    // (on) → on: true (the watchdog is up); off: whether a SIGINT came while it was up
    Op("op_sigint_watchdog") { _, call in
      if call.bool(0) {
        SignalWatcher.shared.startSigintWatchdog()
        call.returns(.bool(true))
      } else {
        call.returns(.bool(SignalWatcher.shared.stopSigintWatchdog()))
      }
    },
    // () → whether a SIGINT came while a watchdog was up and no stop has reported it yet
    Op("op_sigint_pending") { _, call in call.returns(.bool(SignalWatcher.shared.hasPendingSigint)) },
  ]
}

/// The self-pipe: the handler writes the signal's number (async-signal-safe), one thread reads
/// it and posts the event to the loop that asked for it.
final class SignalWatcher: @unchecked Sendable {
  static let shared = SignalWatcher()
  private let lock = Mutex()
  private var watched: [Int32: (name: String, loop: EventLoop)] = [:]
  private var started = false
  /// The pipe's write end, read by the handler; -1 until the first watch.
  nonisolated(unsafe) static var writeFD: Int32 = -1

  func watch(_ sig: Int32, name: String, on: Bool, loop: EventLoop) {
    let keepHandler = lock.withLock { () -> Bool in
      if on { watched[sig] = (name, loop) } else { watched[sig] = nil }
      return sig == SIGINT && sigintWatchdogs > 0
    }
    if on { startReading() }
    if !keepHandler { install(sig, on) }
  }

  // SIGINT watchdogs (Node's SigintWatchdogHelper, for vm's breakOnSigint and the REPL): while
  // one is up, SIGINT goes to them instead of JS listeners. A script run armed with a runtime
  // is terminated by it; otherwise the signal is remembered for the watchdog's stop to report.
  private var sigintWatchdogs = 0
  private var sigintPending = false
  private var armed: [(runtime: Runtime, fired: Bool)] = []

  func startSigintWatchdog() {
    let first = lock.withLock { () -> Bool in
      sigintWatchdogs += 1
      return sigintWatchdogs == 1
    }
    startReading()
    if first { install(SIGINT, true) }
  }

  func stopSigintWatchdog() -> Bool {
    let (pending, restore) = lock.withLock { () -> (Bool, Bool?) in
      sigintWatchdogs = max(0, sigintWatchdogs - 1)
      let pending = sigintPending
      sigintPending = false
      return (pending, sigintWatchdogs == 0 ? watched[SIGINT] != nil : nil)
    }
    if let restore { install(SIGINT, restore) }
    return pending
  }

  var hasPendingSigint: Bool { lock.withLock { sigintPending } }

  /// Runs `body` with SIGINT terminating `runtime`; returns whether it did.
  func breakingOnSigint<T>(_ runtime: Runtime, _ body: () -> T) -> (T, interrupted: Bool) {
    startSigintWatchdog()
    lock.withLock { armed.append((runtime, false)) }
    let result = body()
    let fired = lock.withLock { armed.removeLast().fired }
    _ = stopSigintWatchdog()
    return (result, fired)
  }

  private func startReading() {
    let readFD: Int32? = lock.withLock { () -> Int32? in
      guard !started else { return nil }
      var fds: [Int32] = [0, 0]
      guard pipe(&fds) == 0 else { return nil }
      for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
      started = true
      SignalWatcher.writeFD = fds[1]
      return fds[0]
    }
    if let readFD { WorkerPool.detach { [self] in read(readFD) } }
  }

  private func install(_ sig: Int32, _ on: Bool) {
    var action = sigaction()
    if on {
      action.__sigaction_handler.sa_handler = { sig in
        var byte = UInt8(truncatingIfNeeded: sig)
        _ = write(SignalWatcher.writeFD, &byte, 1)
      }
      action.sa_flags = SA_RESTART
    } else {
      action.__sigaction_handler.sa_handler = SIG_DFL
    }
    sigemptyset(&action.sa_mask)
    sigaction(sig, &action, nil)
  }

  private func read(_ fd: Int32) {
    var byte: UInt8 = 0
    while true {
      let n = Glibc.read(fd, &byte, 1)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return }
      let sig = Int32(byte)
      let target = lock.withLock { () -> (name: String, loop: EventLoop)? in
        guard sig == SIGINT, sigintWatchdogs > 0 else { return watched[sig] }
        if let last = armed.indices.last {
          armed[last].fired = true
          armed[last].runtime.terminate()
        } else {
          sigintPending = true
        }
        return nil
      }
      guard let target else { continue }
      // Not retained: a pending signal event does not keep the program alive on its own.
      target.loop.post(releasing: false) { s in try s.callCore(.onSignal, [s.string(target.name)]) }
    }
  }
}
