import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Node's IPC channel between a parent and a child it forked (`stdio: [..., 'ipc']`): one end of
/// a Unix stream socketpair each, the child's end at the fd named by NODE_CHANNEL_FD. The bytes
/// (newline-delimited JSON, or V8-serialized frames) are framed in JS (16-child_process.js);
/// here a thread reads each end and posts chunks to `core.onChannelData`, and writes run on a
/// thread each, in the order JS queues them (one at a time). A message may carry a socket's fd
/// (SCM_RIGHTS, FdPassing): a handle sent to the other process.
enum IPCChannelOps {
  static let all: [Op] = [
    Op("op_node_options") { _, call in
      // () → this launch's Node options (NodeOptions.jsValue), or null (no CLI set them)
      call.returns(NodeOptions.current?.jsValue ?? .null)
    },
    Op("op_node_exec_path") { _, call in
      // () → process.execPath: the `node` link to this fe binary (NodeExecPath)
      call.returns(NodeExecPath.resolve())
    },
    Op("op_channel_open", needs: .run) { rt, call in
      // (fd, refed) → channel id; starts reading. The channel owns the fd from now on.
      let fd = Int32(call.int(0))
      call.returns(Double(open(fd, refed: call.bool(1), loop: rt.loop, resources: rt.resources)))
    },
    Op("op_channel_ref", needs: .run) { rt, call in
      // (id, refed): whether the open channel keeps the loop alive
      rt.resources.get(call.int(0), as: ChannelHandle.self)?.setRef(call.bool(1), loop: rt.loop)
    },
    Op("op_channel_write", needs: .run) { rt, call in
      // (promise id, channel id, bytes, fd to pass or -1) → settles when every byte is written
      // (EPIPE once closed)
      let promise = call.number(0)
      let channel = rt.resources.get(call.int(1), as: ChannelHandle.self)
      let data = call.bytes(2)
      let passing = call.isNullish(3) ? -1 : Int32(call.int(3))
      rt.loop.retain()
      WorkerPool.detach {
        var err: Int32 = EPIPE
        if let channel, let fd = channel.acquire() {
          err = data.withUnsafeBytes { passing >= 0 ? FdPassing.sendFully(fd, $0, fd: passing) : FsOps.writeFully(fd, $0) }
          channel.relinquish()
        }
        rt.loop.post { s in
          let value: OpResult = err == 0 ? .undefined : .fail(err, syscall: "write")
          try s.callCore(.settle, [s.number(promise), s.bool(err == 0), value.local(s)])
        }
      }
    },
    Op("op_channel_try_write", needs: .run) { rt, call in
      // (channel id, bytes, fd to pass or -1) → how many bytes went out now without blocking,
      // or -errno; the fd goes with the first byte (when 0 went out, it was not sent). As libuv
      // does, a message goes out at once when the socket has room, so a child that sends and
      // then exits has its message delivered.
      guard let channel = rt.resources.get(call.int(0), as: ChannelHandle.self), let fd = channel.acquire() else {
        return call.returns(Double(-EPIPE))
      }
      defer { channel.relinquish() }
      let data = call.bytes(1)
      let passing = call.isNullish(2) ? -1 : Int32(call.int(2))
      var done = 0
      while done < data.count {
        let n = data.withUnsafeBytes {
          done == 0 && passing >= 0
            ? FdPassing.send(fd, $0, fd: passing, flags: Int32(MSG_DONTWAIT))
            : send(fd, $0.baseAddress! + done, data.count - done, Int32(MSG_DONTWAIT) | Int32(MSG_NOSIGNAL))
        }
        if n > 0 {
          done += n
        } else if n < 0 && errno == EINTR {
          continue
        } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
          break
        } else {
          return call.returns(Double(-errno))
        }
      }
      call.returns(Double(done))
    },
    Op("op_channel_close", needs: .run) { rt, call in
      // (id): ends both directions; the reader sees the end and reports it (bytes null)
      rt.resources.get(call.int(0), as: ChannelHandle.self)?.shutdown()
    },
  ]

  /// Starts the reader of a channel end; returns its id.
  static func open(_ fd: Int32, refed: Bool, loop: EventLoop, resources: ResourceTable) -> Int {
    let handle = ChannelHandle(fd: fd, refed: refed)
    let id = resources.add(handle)
    if refed { loop.retain() }
    WorkerPool.detach {
      var buf = [UInt8](repeating: 0, count: 65536)
      while true {
        let (n, fds) = buf.withUnsafeMutableBytes { FdPassing.receive(fd, into: $0) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 {
          for f in fds { close(f) }
          break
        }
        let chunk = Array(buf[0..<n])
        loop.post(releasing: false) { s in
          // The fds that came with the chunk: JS wraps them (op_net_adopt) or closes them.
          let passed = fds.isEmpty ? s.undefined : s.make(.array(fds.map { .number(Double($0)) }))
          try s.callCore(.onChannelData, [s.number(Double(id)), s.bytes(chunk), passed])
        }
      }
      let release = handle.markEnded()
      handle.relinquish()
      loop.post(releasing: release) { s in
        _ = resources.take(id, as: ChannelHandle.self)
        try s.callCore(.onChannelData, [s.number(Double(id)), s.null])
      }
    }
    return id
  }
}

/// One end of an IPC socketpair. The fd is closed when the reader has seen the end and no
/// write is using it, so no thread ever touches a number the process has reused. `refed`
/// (the loop thread) and the end (the reader) are ordered by the lock, so the loop's hold is
/// given back exactly once.
final class ChannelHandle: Resource, @unchecked Sendable {
  private let fd: Int32
  private let lock = Mutex()
  private var users = 1  // the reader
  private var refed: Bool
  private var ended = false
  private var closing = false

  init(fd: Int32, refed: Bool) {
    self.fd = fd
    self.refed = refed
  }

  /// For a write: the fd, held open until `relinquish()`; nil once the channel is closing.
  func acquire() -> Int32? {
    lock.withLock {
      guard !closing && !ended else { return nil }
      users += 1
      return fd
    }
  }

  func relinquish() {
    let last: Bool = lock.withLock {
      users -= 1
      return users == 0
    }
    if last { close(fd) }
  }

  /// Ends the channel both ways: the peer reads its end, our reader wakes with it.
  func shutdown() {
    // Holds a use, so the fd cannot be closed (by the reader) under the call.
    let open: Bool = lock.withLock {
      guard !ended && !closing else { return false }
      closing = true
      users += 1
      return true
    }
    guard open else { return }
    _ = Glibc.shutdown(fd, Int32(SHUT_RDWR))
    relinquish()
  }

  /// Called by the reader at the end: whether its last post must release the loop.
  func markEnded() -> Bool {
    lock.withLock {
      ended = true
      return refed
    }
  }

  func setRef(_ on: Bool, loop: EventLoop) {
    let change: Bool = lock.withLock {
      guard !ended, refed != on else { return false }
      refed = on
      return true
    }
    guard change else { return }
    if on { loop.retain() } else { loop.post { _ in } }
  }

  func dispose() { shutdown() }
}
