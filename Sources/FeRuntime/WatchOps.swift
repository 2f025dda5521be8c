#if canImport(Glibc)
  import Glibc
#endif
import FeBasics
import FeEngine

/// fs.watch through inotify. Each watcher owns one inotify descriptor read by a thread of its
/// own; events are posted to the loop as (watcher id, 'rename' | 'change', path relative to
/// the watched root). Recursive watchers add a watch for every directory, including ones
/// created later. A watcher keeps the loop alive until closed (or unref'd).
enum WatchOps {
  static let all: [Op] = [
    Op("op_fs_watch_start", needs: .read) { rt, call in
      let path = call.string(0), recursive = call.bool(1), id = call.int(2)
      let fd = inotify_init1(Int32(IN_CLOEXEC))
      if fd < 0 { return call.fail(errno, syscall: "watch", path: path) }
      let watcher = Watcher(fd: fd, root: path, recursive: recursive)
      if let err = watcher.add(path, relative: "") {
        close(fd)
        return call.fail(err, syscall: "watch", path: path)
      }
      if recursive { watcher.addTree(path, relative: "") }
      rt.watchers[id] = watcher
      rt.loop.retain()
      // The thread holds the loop, never the runtime: were it the last owner, the isolate would
      // be disposed on this thread while the main thread is still exiting (a crash at Ctrl-C).
      let loop = rt.loop
      WorkerPool.detach {
        watcher.run { events in
          loop.post(releasing: false) { s in
            for (type, name) in events {
              try s.callCore("onWatchEvent", [s.number(Double(id)), s.string(type), s.string(name)])
            }
          }
        }
        loop.post { _ in }  // releases the watcher's hold on the loop
      }
      call.returns(.undefined)
    },
    Op("op_fs_watch_stop") { rt, call in
      rt.watchers.removeValue(forKey: call.int(0))?.stop()
    },
    // An unref'd watcher does not keep the process alive.
    Op("op_fs_watch_ref") { rt, call in
      if call.bool(1) { rt.loop.retain() } else { rt.loop.release() }
    },
  ]
}

final class Watcher: @unchecked Sendable {
  let fd: Int32
  let root: String
  let recursive: Bool
  private var dirs: [Int32: String] = [:]  // watch descriptor → path relative to root
  private var stopPipe: [Int32] = [-1, -1]

  init(fd: Int32, root: String, recursive: Bool) {
    self.fd = fd
    self.root = root
    self.recursive = recursive
    if pipe(&stopPipe) == 0 {
      for end in stopPipe { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    }
  }

  func add(_ path: String, relative: String) -> Int32? {
    let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_CLOSE_WRITE)
    let wd = inotify_add_watch(fd, path, mask)
    if wd < 0 { return errno }
    dirs[wd] = relative
    return nil
  }

  func addTree(_ path: String, relative: String) {
    for name in FileSystem.listDirectory(path) {
      let full = path + "/" + name
      guard FileSystem.isDirectory(full) else { continue }
      let rel = relative.isEmpty ? name : relative + "/" + name
      _ = add(full, relative: rel)
      addTree(full, relative: rel)
    }
  }

  func stop() {
    var one: UInt8 = 1
    _ = write(stopPipe[1], &one, 1)
  }

  /// Reads events until stopped; `deliver` gets each batch.
  func run(_ deliver: ([(String, String)]) -> Void) {
    var buf = [UInt8](repeating: 0, count: 64 * 1024)
    var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: stopPipe[0], events: Int16(POLLIN), revents: 0)]
    loop: while true {
      if poll(&fds, 2, -1) < 0 {
        if errno == EINTR { continue }
        break
      }
      if fds[1].revents != 0 { break }
      let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n <= 0 {
        if n < 0 && errno == EINTR { continue }
        break
      }
      var events: [(String, String)] = []
      var offset = 0
      while offset + 16 <= n {
        let (wd, mask, len) = buf.withUnsafeBytes { b -> (Int32, UInt32, Int) in
          (b.load(fromByteOffset: offset, as: Int32.self), b.load(fromByteOffset: offset + 4, as: UInt32.self),
           Int(b.load(fromByteOffset: offset + 12, as: UInt32.self)))
        }
        let nameBytes = buf[(offset + 16)..<min(n, offset + 16 + len)].prefix { $0 != 0 }
        let name = String(decoding: nameBytes, as: UTF8.self)
        offset += 16 + len
        let dir = dirs[wd] ?? ""
        let rel = name.isEmpty ? dir : (dir.isEmpty ? name : dir + "/" + name)
        let isDir = mask & UInt32(IN_ISDIR) != 0
        if mask & UInt32(IN_IGNORED) != 0 { dirs[wd] = nil; continue }
        if recursive && isDir && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
          let full = root + "/" + rel
          _ = add(full, relative: rel)
          addTree(full, relative: rel)
        }
        let type = mask & UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF) != 0 ? "rename" : "change"
        // Node reports the watched file itself by its base name.
        let reported = rel.isEmpty ? Path.basename(root) : rel
        if let last = events.last, last == (type, reported) { continue }  // coalesce repeats in a batch
        events.append((type, reported))
      }
      if !events.isEmpty { deliver(events) }
    }
    close(fd)
    close(stopPipe[0])
    close(stopPipe[1])
  }
}
