import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// fs.watch through inotify. Each watcher owns one inotify descriptor read by a thread of its
/// own; events are posted to the loop as (watcher id, 'rename' | 'change', path relative to
/// the watched root). Recursive watchers add a watch for every directory, including ones
/// created later. A watcher keeps the loop alive until closed (or unref'd).
enum WatchOps {
  static let all: [Op] = [
    Op("op_fs_watch_start", needs: .read) { rt, call in
      // (path, recursive) → the watcher's id, or a Node-style failure
      let path = call.string(0)
      let recursive = call.bool(1)
      let fd = inotify_init1(Int32(IN_CLOEXEC))
      if fd < 0 { return call.fail(errno, syscall: "watch", path: path) }
      let watcher = Watcher(fd: fd, root: path, recursive: recursive)
      if let err = watcher.add(path, relative: "") {
        close(fd)
        return call.fail(err, syscall: "watch", path: path)
      }
      if recursive { watcher.addTree(path, relative: "") }
      let id = rt.resources.add(watcher)
      rt.loop.retain()
      // The thread holds the loop, never the runtime: were it the last owner, the isolate would
      // be disposed on this thread while the main thread is still exiting (a crash at Ctrl-C).
      let loop = rt.loop
      WorkerPool.detach {
        watcher.run { events in
          loop.post(releasing: false) { s in
            for (type, name) in events {
              try s.callCore(.onWatchEvent, [s.number(Double(id)), s.string(type), s.string(name)])
            }
          }
        }
        loop.post { _ in }  // releases the watcher's hold on the loop
      }
      call.returns(Double(id))
    },
    Op("op_fs_watch_stop") { rt, call in
      rt.resources.take(call.int(0), as: Watcher.self)?.stop()
    },
    // An unref'd watcher does not keep the process alive.
    Op("op_fs_watch_ref") { rt, call in
      if call.bool(1) { rt.loop.retain() } else { rt.loop.release() }
    },
  ]
}

final class Watcher: Resource, @unchecked Sendable {
  let fd: Int32
  let root: String
  let recursive: Bool
  private var dirs: [Int32: String] = [:]  // watch descriptor → path relative to root
  private var stopPipe: [Int32] = [-1, -1]
  /// How long a burst of events may keep coming before the batch is delivered: an editor's save
  /// (truncate, write, chmod, rename) arrives as one batch with its repeats folded.
  static let settleMs: Int32 = 10
  static let maxBatchMs = 100.0

  init(fd: Int32, root: String, recursive: Bool) {
    self.fd = fd
    self.root = root
    self.recursive = recursive
    if pipe(&stopPipe) == 0 {
      for end in stopPipe { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    }
  }

  func add(_ path: String, relative: String) -> Int32? {
    // libuv's mask, so events match Node's: no IN_CLOSE_WRITE (it would add a 'change').
    let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
    let wd = inotify_add_watch(fd, path, mask)
    if wd < 0 { return errno }
    dirs[wd] = relative
    return nil
  }

  /// Watches every directory under `path`; `found` gets each entry's relative path (entries of a
  /// directory that appeared while watching were created before its watch could see them).
  func addTree(_ path: String, relative: String, found: ((String) -> Void)? = nil) {
    for name in FileSystem.listDirectory(path) {
      let full = path + "/" + name
      let rel = relative.isEmpty ? name : relative + "/" + name
      found?(rel)
      guard Self.isRealDirectory(full) else { continue }
      _ = add(full, relative: rel)
      addTree(full, relative: rel, found: found)
    }
  }

  /// A directory, not a link to one (following links could loop, and Node does not).
  static func isRealDirectory(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  /// A directory moved out of the tree: its watches would report under a stale path.
  private func removeTree(_ relative: String) {
    let prefix = relative + "/"
    for (wd, rel) in dirs where rel == relative || rel.hasPrefix(prefix) {
      inotify_rm_watch(fd, wd)
      dirs[wd] = nil
    }
  }

  func dispose() { stop() }

  func stop() {
    var one: UInt8 = 1
    _ = write(stopPipe[1], &one, 1)
  }

  /// Reads events until stopped; `deliver` gets each batch: the events of a burst, in order,
  /// each (type, path) once.
  func run(_ deliver: ([(String, String)]) -> Void) {
    var buf = [UInt8](repeating: 0, count: 64 * 1024)
    var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: stopPipe[0], events: Int16(POLLIN), revents: 0)]
    var events: [(String, String)] = []
    var seen = Set<String>()
    var batchStart = 0.0
    loop: while true {
      // Waiting for the first event of a batch blocks; later ones get a short settle time.
      let timeout: Int32 = events.isEmpty ? -1 : Self.settleMs
      let ready = poll(&fds, 2, timeout)
      if ready < 0 {
        if errno == EINTR { continue }
        break
      }
      if fds[1].revents != 0 { break }
      if ready == 0 || (!events.isEmpty && Clock.nowMs() - batchStart > Self.maxBatchMs) {
        if !events.isEmpty { deliver(events) }
        events = []
        seen = []
        if ready == 0 { continue }
      }
      let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n <= 0 {
        if n < 0 && errno == EINTR { continue }
        break
      }
      if events.isEmpty { batchStart = Clock.nowMs() }
      func report(_ type: String, _ path: String) {
        if seen.insert(type + "\u{0}" + path).inserted { events.append((type, path)) }
      }
      var offset = 0
      while offset + 16 <= n {
        let (wd, mask, len) = buf.withUnsafeBytes { b -> (Int32, UInt32, Int) in
          (
            b.load(fromByteOffset: offset, as: Int32.self), b.load(fromByteOffset: offset + 4, as: UInt32.self),
            Int(b.load(fromByteOffset: offset + 12, as: UInt32.self))
          )
        }
        let nameBytes = buf[(offset + 16)..<min(n, offset + 16 + len)].prefix { $0 != 0 }
        let name = String(decoding: nameBytes, as: UTF8.self)
        offset += 16 + len
        if mask & UInt32(IN_Q_OVERFLOW) != 0 || wd < 0 { continue }
        if mask & UInt32(IN_IGNORED) != 0 {
          dirs[wd] = nil
          continue
        }
        guard let dir = dirs[wd] else { continue }
        let rel = name.isEmpty ? dir : (dir.isEmpty ? name : dir + "/" + name)
        let isDir = mask & UInt32(IN_ISDIR) != 0
        let type =
          mask & UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF) != 0 ? "rename" : "change"
        // Node reports the watched file itself by its base name.
        report(type, rel.isEmpty ? Path.basename(root) : rel)
        if recursive && isDir && !name.isEmpty {
          if mask & UInt32(IN_MOVED_FROM) != 0 { removeTree(rel) }
          if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            let full = root + "/" + rel
            _ = add(full, relative: rel)
            addTree(full, relative: rel) { report("rename", $0) }
          }
        }
      }
    }
    if !events.isEmpty { deliver(events) }
    close(fd)
    close(stopPipe[0])
    close(stopPipe[1])
  }
}
