import FeBasics
import FeEngine

/// A message on its way between ports: V8's serialized value and the ports it carries.
struct PortMessage {
  let data: SerializedMessage
  let ports: [Int]
}

/// The process's MessagePort ends, by id. Ports move between runtimes (and threads), so their
/// ids are process-wide, unlike resource ids.
///
/// Each end's incoming queue lives here, under one lock, and the sending thread fills it
/// directly: a thread blocked in `Atomics.wait` can still take a message with
/// `receiveMessageOnPort` (the synchronous-worker pattern of synckit and esbuild). The owning
/// runtime's event loop is only woken to deliver 'message' events.
final class PortRegistry: @unchecked Sendable {
  static let shared = PortRegistry()

  final class End {
    let id: Int
    var peer = 0
    var queue: [PortMessage] = []
    var head = 0
    /// The runtime whose JavaScript holds this end; nil while the end travels in a message.
    weak var owner: Messaging?
    var started = false
    var refed = true
    /// The loop this end's ref was taken on, while it holds one.
    var heldLoop: EventLoop?
    var drainPosted = false
    var closing = false
    init(id: Int) { self.id = id }
    var pending: Int { queue.count - head }
    func pop() -> PortMessage? {
      guard head < queue.count else { return nil }
      let m = queue[head]
      head += 1
      if head > 32 && head * 2 > queue.count {
        queue.removeFirst(head)
        head = 0
      }
      return m
    }
  }

  private let lock = Mutex()
  private var ends: [Int: End] = [:]
  private var nextID = 1

  /// A new entangled pair, owned by `owner`.
  func channel(owner: Messaging) -> (Int, Int) {
    lock.withLock {
      let a = End(id: nextID)
      let b = End(id: nextID + 1)
      nextID += 2
      a.peer = b.id
      b.peer = a.id
      a.owner = owner
      b.owner = owner
      ends[a.id] = a
      ends[b.id] = b
      return (a.id, b.id)
    }
  }

  /// Queues a message for the peer of `from`; false when the channel is closed (dropped, as in
  /// Node). `moving` ports leave their runtime now: they belong to the message.
  @discardableResult
  func post(from: Int, _ message: PortMessage) -> Bool {
    lock.withLock {
      for id in message.ports { if let end = ends[id] { detachLocked(end) } }
      guard let source = ends[from], !source.closing, let target = ends[source.peer], !target.closing else { return false }
      target.queue.append(message)
      scheduleLocked(target)
      return true
    }
  }

  /// BroadcastChannel: ends without a peer, grouped by channel name across the process.
  private var groups: [String: [Int]] = [:]

  /// A new end in the group `name`, held by `owner` and started.
  func join(_ name: String, owner: Messaging) -> Int {
    lock.withLock {
      let end = End(id: nextID)
      nextID += 1
      end.owner = owner
      end.started = true
      ends[end.id] = end
      groups[name, default: []].append(end.id)
      updateRefLocked(end)
      return end.id
    }
  }

  /// Queues a copy of the message for every other end of `from`'s group.
  func broadcast(from: Int, name: String, _ message: SerializedMessage) {
    lock.withLock {
      for id in groups[name] ?? [] where id != from {
        guard let end = ends[id], !end.closing, let copy = message.copy() else { continue }
        end.queue.append(PortMessage(data: copy, ports: []))
        scheduleLocked(end)
      }
    }
  }

  /// BroadcastChannel#close(): the end leaves its group and goes.
  func leave(_ id: Int, name: String) {
    lock.withLock {
      groups[name]?.removeAll { $0 == id }
      if groups[name]?.isEmpty == true { groups[name] = nil }
      guard let end = ends.removeValue(forKey: id) else { return }
      end.closing = true
      end.owner = nil
      updateRefLocked(end)
    }
  }

  /// Takes the next message of `id` directly (receiveMessageOnPort), from any thread.
  func receive(_ id: Int) -> PortMessage? {
    lock.withLock { ends[id]?.pop() }
  }

  /// Makes `owner` the runtime that holds `id` (a port arriving in a message, or created there).
  func attach(_ id: Int, to owner: Messaging) {
    lock.withLock {
      guard let end = ends[id] else { return }
      end.owner = owner
      updateRefLocked(end)
      scheduleLocked(end)
    }
  }

  /// The end leaves the runtime that holds it (it is about to travel to another).
  func detach(_ id: Int) {
    lock.withLock { if let end = ends[id] { detachLocked(end) } }
  }

  /// start(), ref() and unref(): a started, refed end keeps its runtime's loop alive.
  func set(_ id: Int, started: Bool? = nil, refed: Bool? = nil) {
    lock.withLock {
      guard let end = ends[id] else { return }
      if let started { end.started = started }
      if let refed { end.refed = refed }
      updateRefLocked(end)
      scheduleLocked(end)
    }
  }

  /// Whether the end has an entangled peer that is not closing.
  func isEntangled(_ id: Int) -> Bool {
    lock.withLock { ends[id].map { !$0.closing && ends[$0.peer] != nil } ?? false }
  }

  /// close(): both ends get 'close' once the messages already queued for them are delivered;
  /// nothing more can be sent either way.
  func close(_ id: Int) {
    lock.withLock {
      guard let end = ends[id], !end.closing else { return }
      end.closing = true
      scheduleLocked(end, force: true)
      if let peer = ends[end.peer], !peer.closing {
        peer.closing = true
        scheduleLocked(peer, force: true)
      }
    }
  }

  /// Closes every end `owner` holds (its runtime is ending): their peers get 'close'.
  func closeAll(of owner: Messaging) {
    let mine = lock.withLock { ends.values.filter { $0.owner === owner }.map(\.id) }
    for id in mine { close(id) }
    lock.withLock {
      for id in mine {
        if let end = ends.removeValue(forKey: id) {
          end.owner = nil
          updateRefLocked(end)
        }
      }
    }
  }

  /// On the owner's loop: the next event for `id`, or nil when nothing is left to deliver.
  enum Event {
    case message(PortMessage)
    case close
  }
  func nextEvent(_ id: Int, for owner: Messaging) -> (Event, more: Bool)? {
    lock.withLock {
      guard let end = ends[id], end.owner === owner else { return nil }
      if end.started, let m = end.pop() {
        let more = end.pending > 0 || end.closing
        if !more { end.drainPosted = false }
        return (.message(m), more)
      }
      end.drainPosted = false
      guard end.closing else { return nil }
      ends[id] = nil
      end.owner = nil
      updateRefLocked(end)
      return (.close, false)
    }
  }

  private func detachLocked(_ end: End) {
    end.owner = nil
    end.started = false
    end.drainPosted = false
    updateRefLocked(end)
  }

  private func updateRefLocked(_ end: End) {
    let wants = end.started && end.refed && !end.closing ? end.owner?.loop : nil
    guard wants !== end.heldLoop else { return }
    end.heldLoop?.release()
    wants?.retain()
    end.heldLoop = wants
  }

  /// Wakes the owner's loop to deliver the end's messages (or its 'close'), once per batch.
  private func scheduleLocked(_ end: End, force: Bool = false) {
    guard let owner = end.owner, !end.drainPosted else { return }
    guard force || end.closing || (end.started && end.pending > 0) else { return }
    end.drainPosted = true
    let id = end.id
    owner.loop.post(releasing: false) { [weak owner] scope in try owner?.drain(id, scope) }
  }
}
