import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// A connected (or connecting) TCP or Unix stream socket: Node's TCPWrap/PipeWrap. Reads flow to
/// JS while `reading`; JS stops them when its readable side is full (backpressure reaches the
/// kernel's window). Writes go straight to the kernel when it takes them; what it does not take
/// waits in `queue` until the fd is writable, and JS hears when each such write is done.
final class StreamSocket: PolledSocket {
  var connecting = false
  var reading = false
  /// A pipe (FIFO) rather than a socket, as Node's Pipe handle wraps one: written with write(2),
  /// since send(2) needs a socket.
  var isPipe = false
  private var sawEnd = false
  private struct PendingWrite {
    var request: Int
    var bytes: [UInt8]
    var offset: Int
  }
  private var queue: [PendingWrite] = []
  private var nextRequest = 1

  override var isActive: Bool { connecting || reading || !queue.isEmpty }

  /// Bytes handed to `write` that the kernel has not taken yet.
  var queuedBytes: Int { queue.reduce(0) { $0 + $1.bytes.count - $1.offset } }

  func startReading() {
    guard !reading, !closed else { return }
    reading = true
    if !sawEnd && !connecting { arm(Int16(POLLIN)) }
    updateRef()
  }

  func stopReading() {
    guard reading else { return }
    reading = false
    disarm(Int16(POLLIN))
    updateRef()
  }

  /// Starts a connect; JS hears `.connect` when it finishes. Returns 0 or an errno.
  func connect(to address: SockAddr) -> Int32 {
    let rc = address.withPointer { Glibc.connect(fd, $0, $1) }
    if rc != 0 && errno != EINPROGRESS { return errno }
    connecting = true
    // Even a connect that finished at once is reported from the loop, as Node's always is.
    arm(Int16(POLLOUT))
    updateRef()
    return 0
  }

  /// Writes `bytes`: 0 when the kernel took all of them now, a request id when the rest waits
  /// (JS hears `.written` for it), or -errno.
  func write(_ bytes: UnsafeRawBufferPointer) -> Int {
    var offset = 0
    if queue.isEmpty && !connecting {
      while offset < bytes.count {
        let n = transmit(bytes.baseAddress! + offset, bytes.count - offset)
        if n > 0 {
          offset += n
        } else if n < 0 && errno == EINTR {
          continue
        } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
          break
        } else {
          return -Int(errno)
        }
      }
      if offset == bytes.count { return 0 }
    }
    let request = nextRequest
    nextRequest += 1
    queue.append(PendingWrite(request: request, bytes: Array(bytes[offset...]), offset: 0))
    if !connecting { arm(Int16(POLLOUT)) }
    updateRef()
    return request
  }

  private func transmit(_ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    isPipe ? Glibc.write(fd, bytes, count) : send(fd, bytes, count, Int32(MSG_NOSIGNAL))
  }

  /// Ends the sending side (JS calls it once every write is done). 0 or an errno. A pipe has no
  /// half-close: its reader sees the end when the handle closes.
  func shutdownWrite() -> Int32 {
    if isPipe { return 0 }
    return Glibc.shutdown(fd, Int32(SHUT_WR)) == 0 ? 0 : errno
  }

  /// Closes with a reset (RST) instead of a FIN: Node's resetAndDestroy.
  func reset() {
    var l = linger(l_onoff: 1, l_linger: 0)
    _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, socklen_t(MemoryLayout<linger>.size))
    close()
  }

  override func close() {
    queue.removeAll()
    reading = false
    connecting = false
    super.close()
  }

  override func ready(_ revents: Int16, _ s: Scope) throws {
    if revents & Int16(POLLOUT) != 0 {
      if connecting {
        try finishConnect(s)
      } else {
        try flush(s)
      }
    }
    if revents & Int16(POLLIN) != 0 && reading && !closed {
      try readSome(s)
    }
  }

  private func finishConnect(_ s: Scope) throws {
    connecting = false
    let err = SocketOptions.get(fd, SOL_SOCKET, SO_ERROR)
    let status = err == 0 ? 0 : (err > 0 ? -err : err)
    if status == 0 {
      if reading { arm(Int16(POLLIN)) }
      if !queue.isEmpty { arm(Int16(POLLOUT)) }
    }
    updateRef()
    try emit(s, .connect, s.undefined, s.number(Double(status)))
  }

  private func flush(_ s: Scope) throws {
    var done: [Int] = []
    var failure: Int32 = 0
    while var head = queue.first {
      let n = head.bytes.withUnsafeBytes { b in
        transmit(b.baseAddress! + head.offset, b.count - head.offset)
      }
      if n > 0 {
        head.offset += n
        if head.offset == head.bytes.count {
          done.append(head.request)
          queue.removeFirst()
        } else {
          queue[0] = head
        }
      } else if n < 0 && errno == EINTR {
        continue
      } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
        break
      } else {
        failure = errno
        break
      }
    }
    var failed: [Int] = []
    if failure != 0 {
      failed = queue.map(\.request)
      queue.removeAll()
    } else if !queue.isEmpty {
      arm(Int16(POLLOUT))
    }
    updateRef()
    for request in done where !closed { try emit(s, .written, s.number(Double(request)), s.number(0)) }
    for request in failed where !closed { try emit(s, .written, s.number(Double(request)), s.number(Double(-failure))) }
  }

  private static let chunk = 65536

  private func readSome(_ s: Scope) throws {
    var buffer = [UInt8](repeating: 0, count: StreamSocket.chunk)
    // A few reads per wake-up, then back to the poller, so one busy socket cannot starve others.
    for _ in 0..<8 {
      guard reading && !closed else { return }
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n > 0 {
        let data = buffer.withUnsafeBytes { s.bytes(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        try emit(s, .data, data)
        if n < StreamSocket.chunk { break }
      } else if n == 0 {
        sawEnd = true
        reading = false
        updateRef()
        try emit(s, .data, s.null)
        return
      } else if errno == EINTR {
        continue
      } else if errno == EAGAIN || errno == EWOULDBLOCK {
        break
      } else {
        let err = errno
        reading = false
        updateRef()
        try emit(s, .data, s.null, s.number(Double(-err)))
        return
      }
    }
    if reading && !closed { arm(Int16(POLLIN)) }
  }
}

/// A listening TCP or Unix socket: Node's server handle. Accepts while listening and hands each
/// connection to JS as a new `StreamSocket`.
final class ListeningSocket: PolledSocket {
  /// A Unix socket's path, unlinked on close as libuv does.
  var path: String?
  /// False while the socket only listens (a cluster primary's shared handle, which its workers
  /// accept on): it neither accepts nor holds the loop, as an idle libuv handle.
  private var accepting = false

  override var isActive: Bool { !closed && accepting }

  func startAccepting() {
    accepting = true
    arm(Int16(POLLIN))
    updateRef()
  }

  override func close() {
    super.close()
    if let path, !path.hasPrefix("\0") { unlink(path) }
  }

  override func ready(_ revents: Int16, _ s: Scope) throws {
    for _ in 0..<64 {
      guard !closed else { return }
      let c = SocketOptions.accept(fd)
      if c < 0 {
        let err = errno
        if err == EINTR { continue }
        if err == EAGAIN || err == EWOULDBLOCK { break }
        // Out of descriptors and the like: the server reports it and goes on listening.
        try emit(s, .connection, s.undefined, s.number(Double(-err)))
        break
      }
      let conn = StreamSocket(fd: c, loop: loop, resources: resources)
      conn.id = resources.add(conn)
      try emit(s, .connection, s.number(Double(conn.id)), s.number(0))
    }
    if !closed { arm(Int16(POLLIN)) }
  }
}
