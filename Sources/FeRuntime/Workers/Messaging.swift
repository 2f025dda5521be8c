import FeBasics
import FeEngine

/// One runtime's side of messaging: the JS function events are delivered to, the messages JS
/// has received but not yet read, and the workers it started. Lives on the runtime's thread;
/// other threads reach it only through `loop.post`.
final class Messaging {
  let loop: EventLoop
  /// `onEvent(kind, id, a, b)` in JS/39-worker_threads.js (kinds: `Messaging.Kind`).
  private var onEvent: Persistent?
  /// Messages handed to JS by handle until it reads them (an id JS cannot forge into memory).
  private var inbox: [Int: SerializedMessage] = [:]
  private var nextHandle = 1
  /// Workers this runtime started, by their resource-like id.
  var workers: [Int: WorkerThread] = [:]

  enum Kind: Double {
    case message = 0, close, workerOnline, workerExit
  }

  init(loop: EventLoop) { self.loop = loop }

  /// JS registers its handler before each port or worker it makes; the first one stays.
  func setHandler(_ fn: Local, scope: Scope) {
    if onEvent == nil { onEvent = Persistent(fn, in: scope) }
  }

  /// Keeps a message for JS to read with `take`; returns its handle.
  func keep(_ message: SerializedMessage) -> Int {
    let h = nextHandle
    nextHandle += 1
    inbox[h] = message
    return h
  }

  func take(_ handle: Int) -> SerializedMessage? { inbox.removeValue(forKey: handle) }

  /// Delivers the next event of port `id` (on this runtime's loop, posted by PortRegistry).
  func drain(_ id: Int, _ scope: Scope) throws {
    guard let (event, more) = PortRegistry.shared.nextEvent(id, for: self) else { return }
    if more {
      loop.post(releasing: false) { [weak self] scope in try self?.drain(id, scope) }
    }
    switch event {
    case .message(let m):
      let ports = scope.make(.array(m.ports.map { .number(Double($0)) }))
      try emit(.message, Double(id), scope.number(Double(keep(m.data))), ports, scope)
    case .close:
      try emit(.close, Double(id), scope.undefined, scope.undefined, scope)
    }
  }

  func emit(_ kind: Kind, _ id: Double, _ a: Local, _ b: Local, _ scope: Scope) throws {
    guard let fn = onEvent?.get(scope) else { return }
    try scope.call(fn, [scope.number(kind.rawValue), scope.number(id), a, b])
  }

  /// The runtime is ending: its ports close (their peers get 'close'), its workers stop.
  func shutdown() {
    PortRegistry.shared.closeAll(of: self)
    for w in workers.values { w.terminate() }
    inbox.removeAll()
    onEvent = nil
  }
}
