import FeBasics
import FeEngine

/// A host resource JavaScript holds by id: a digest, a child process, a watcher, a zlib stream…
/// `dispose()` releases what it holds when the runtime goes with the resource still open.
protocol Resource: AnyObject {
  func dispose()
}

extension Resource {
  func dispose() {}
}

/// The host resources of one runtime, by integer id (deno_core's `ResourceTable`). Ids are
/// allocated here, never by JavaScript, and are never reused within a runtime; lookups are
/// typed; everything still open is closed in one place when the runtime goes. No id of one
/// runtime means anything in another (a config's runtime and a tool's live in one process).
/// Ops run on the JS thread; the lock is for the threads that finish work (a child's exit).
final class ResourceTable: @unchecked Sendable {
  private let lock = Mutex()
  private var entries: [Int: Resource] = [:]
  private var nextID = 1

  /// Adds a resource and returns its id.
  func add(_ resource: Resource) -> Int {
    lock.withLock {
      let id = nextID
      nextID += 1
      entries[id] = resource
      return id
    }
  }

  /// The resource with `id`, if it is open and of type `T`.
  func get<T: Resource>(_ id: Int, as _: T.Type = T.self) -> T? {
    lock.withLock { entries[id] as? T }
  }

  /// Removes and returns the resource with `id`, if it is open and of type `T`.
  func take<T: Resource>(_ id: Int, as _: T.Type = T.self) -> T? {
    lock.withLock {
      guard let r = entries[id] as? T else { return nil }
      entries[id] = nil
      return r
    }
  }

  var count: Int { lock.withLock { entries.count } }

  /// Closes everything still open (the runtime is going away).
  func closeAll() {
    let open = lock.withLock {
      defer { entries.removeAll() }
      return Array(entries.values)
    }
    for r in open { r.dispose() }
  }

  deinit { closeAll() }
}

extension OpCall {
  /// The resource whose id is argument `index`; nil after throwing Node's EBADF-style error,
  /// for ops whose JavaScript never passes a closed id.
  func resource<T: Resource>(_ index: Int, in table: ResourceTable, as _: T.Type = T.self) -> T? {
    if let r: T = table.get(int(index)) { return r }
    let e = scope.error("bad resource id \(int(index)) (\(T.self))")
    scope.set(e, "code", scope.string("EBADF"))
    throwing(e)
    return nil
  }
}
