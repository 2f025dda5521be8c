import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Ops for process.stdin as a stream. Reading starts only when JS asks for a chunk, so a tool
/// that never touches stdin never holds the loop open; a read in flight holds it only while
/// the stream is flowing (a paused stdin lets the program end, as in Node).
enum StdioOps {
  static let all: [Op] = [
    Op("op_stdin_read_async", needs: .read) { rt, call in
      // (promise id) → the next chunk of fd 0, or null at its end
      let promise = call.number(0)
      StdinReader.shared.request(loop: rt.loop) { result in
        { s in try s.callCore(.settle, [s.number(promise), s.bool(!result.isFailure), result.local(s)]) }
      }
    },
    Op("op_stdin_ref", needs: .read) { rt, call in
      StdinReader.shared.setRef(call.bool(0), loop: rt.loop)
    },
  ]
}

/// One thread that reads fd 0 when asked, one chunk per request.
final class StdinReader: @unchecked Sendable {
  static let shared = StdinReader()
  private let lock = Mutex()
  private let ready = Condition()
  private var pending: [(EventLoop, (OpResult) -> (Scope) throws -> Void)] = []
  private var started = false
  private var wantRef = true
  private var retained = false

  func request(loop: EventLoop, _ completion: @escaping (OpResult) -> (Scope) throws -> Void) {
    let retain: Bool = lock.withLock {
      pending.append((loop, completion))
      if !started {
        started = true
        WorkerPool.detach { [self] in run() }
      }
      if wantRef && !retained {
        retained = true
        return true
      }
      return false
    }
    if retain { loop.retain() }
    ready.signal(lock)
  }

  func setRef(_ on: Bool, loop: EventLoop) {
    enum Change { case none, retain, release }
    let change: Change = lock.withLock {
      wantRef = on
      guard !pending.isEmpty else { return .none }
      if on && !retained {
        retained = true
        return .retain
      }
      if !on && retained {
        retained = false
        return .release
      }
      return .none
    }
    switch change {
    case .none: break
    case .retain: loop.retain()
    case .release: loop.post { _ in }
    }
  }

  private func run() {
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
      lock.withLock {
        while pending.isEmpty { ready.wait(lock, timeoutMs: nil) }
      }
      let result: OpResult
      while true {
        let n = buf.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
        if n > 0 {
          result = .bytes(Array(buf[0..<n]))
        } else if n == 0 {
          result = .value(.null)
        } else if errno == EINTR {
          continue
        } else if errno == EAGAIN {
          var p = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
          poll(&p, 1, -1)
          continue
        } else {
          result = .fail(errno, syscall: "read")
        }
        break
      }
      let (loop, completion, release): (EventLoop, (OpResult) -> (Scope) throws -> Void, Bool) = lock.withLock {
        let (loop, completion) = pending.removeFirst()
        let release = retained && pending.isEmpty
        if release { retained = false }
        return (loop, completion, release)
      }
      loop.post(releasing: release, completion(result))
    }
  }
}
