import CCurl
import FeBasics
import FeNet

#if canImport(Glibc)
  import Glibc
#endif

/// The thread every fetch runs on: one libcurl multi handle drives all transfers at once and
/// keeps their connections for reuse. Other threads hand it commands (start, cancel, resume)
/// and wake it with curl_multi_wakeup; only this thread touches the easy handles. It starts with
/// the first fetch and sleeps while nothing is in flight.
final class NetworkThread: @unchecked Sendable {
  static let shared = NetworkThread()

  enum Command {
    case start(FetchTransfer)
    case cancel(FetchTransfer)
    case resume(FetchTransfer)
  }

  private let lock = Mutex()
  private let idle = Condition()
  private var commands: [Command] = []
  private var started = false
  private var multi: UnsafeMutableRawPointer?
  /// In-flight transfers by easy handle; this thread only (`busy` mirrors its size for `submit`).
  private var active: [UnsafeMutableRawPointer: FetchTransfer] = [:]
  private var busy = false

  func submit(_ command: Command) {
    let multi: UnsafeMutableRawPointer? = lock.withLock {
      commands.append(command)
      if !started {
        started = true
        self.multi = Curl.globalInit() ? curl_multi_init() : nil
        WorkerPool.detach { [self] in run() }
      }
      return self.multi
    }
    idle.signal(lock)
    if let multi { curl_multi_wakeup(multi) }
  }

  private func run() {
    guard let multi = lock.withLock({ self.multi }) else {
      failAll()
      return
    }
    while true {
      let batch: [Command] = lock.withLock {
        while commands.isEmpty && !busy { idle.wait(lock, timeoutMs: nil) }
        defer { commands.removeAll() }
        return commands
      }
      for command in batch { handle(command, multi) }
      var running: Int32 = 0
      curl_multi_perform(multi, &running)
      var queued: Int32 = 0
      while let msg = curl_multi_info_read(multi, &queued) {
        guard msg.pointee.msg == CURLMSG_DONE, let easy = msg.pointee.easy_handle, let transfer = active[easy] else { continue }
        let rc = msg.pointee.data.result
        curl_multi_remove_handle(multi, easy)
        if transfer.finished(rc) {
          if let failure = transfer.configure() {
            remove(easy)
            transfer.complete(.error, failure: failure)
          } else {
            curl_multi_add_handle(multi, easy)
          }
        } else {
          remove(easy)
        }
      }
      if !active.isEmpty { curl_multi_poll(multi, nil, 0, 1000, nil) }
    }
  }

  private func handle(_ command: Command, _ multi: UnsafeMutableRawPointer) {
    switch command {
    case .start(let transfer):
      if let failure = transfer.configure() {
        transfer.complete(.error, failure: failure)
        return
      }
      guard let easy = transfer.handle?.raw else { return }
      active[easy] = transfer
      lock.withLock { busy = true }
      curl_multi_add_handle(multi, easy)
    case .cancel(let transfer):
      guard let easy = transfer.handle?.raw, active[easy] === transfer else { return }
      curl_multi_remove_handle(multi, easy)
      remove(easy)
    case .resume(let transfer):
      guard let handle = transfer.handle, active[handle.raw] === transfer else { return }
      handle.resume()
    }
  }

  private func remove(_ easy: UnsafeMutableRawPointer) {
    active[easy] = nil
    if active.isEmpty { lock.withLock { busy = false } }
  }

  /// Without a multi handle nothing can run: every request fails at once.
  private func failAll() {
    while true {
      let batch: [Command] = lock.withLock {
        while commands.isEmpty { idle.wait(lock, timeoutMs: nil) }
        defer { commands.removeAll() }
        return commands
      }
      for case .start(let transfer) in batch {
        transfer.complete(.error, failure: .plain("libcurl could not be initialised"))
      }
    }
  }
}
