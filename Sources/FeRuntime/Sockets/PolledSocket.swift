import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// What every socket handle shares: a non-blocking fd, readiness from `SocketPoller` delivered
/// on its loop, and libuv's rule for keeping the loop alive: a handle holds the loop while it is
/// refed and active (listening, reading, connecting, or with writes in flight), so a paused or
/// idle socket, or an unref'd server, lets the process exit. Everything here runs on the loop
/// thread except `SocketPoller`'s notify, which only posts.
class PolledSocket: Resource {
  let fd: Int32
  let loop: EventLoop
  let resources: ResourceTable
  /// The id JS knows this handle by (set right after it is added to the table).
  var id = 0
  var closed = false
  var refed = true
  private var holdsLoop = false

  init(fd: Int32, loop: EventLoop, resources: ResourceTable) {
    self.fd = fd
    self.loop = loop
    self.resources = resources
  }

  /// Whether the handle has work that should keep the loop alive (libuv's "active").
  var isActive: Bool { false }

  /// Call after anything that may change `isActive`, `refed` or `closed`.
  final func updateRef() {
    let want = refed && !closed && isActive
    guard want != holdsLoop else { return }
    holdsLoop = want
    if want { loop.retain() } else { loop.release() }
  }

  /// Asks to be told once when the fd can be read (POLLIN) or written (POLLOUT).
  final func arm(_ events: Int16) {
    guard !closed else { return }
    SocketPoller.shared.watch(fd, events: events) { [weak self, loop] revents in
      loop.post(releasing: false) { scope in
        guard let self, !self.closed else { return }
        try self.ready(revents, scope)
      }
    }
  }

  final func disarm(_ events: Int16) { SocketPoller.shared.unwatch(fd, events: events) }

  /// The fd is ready (runs on the loop thread, inside a loop turn).
  func ready(_ revents: Int16, _ s: Scope) throws {}

  /// Closes the fd; the handle stays in the table until JS drops it by id.
  func close() {
    guard !closed else { return }
    SocketPoller.shared.unwatch(fd)
    closed = true
    Glibc.close(fd)
    updateRef()
  }

  func dispose() {
    guard !closed else { return }
    SocketPoller.shared.unwatch(fd)
    closed = true
    Glibc.close(fd)
  }

  /// Tells JS about an event: `core.onSocket(id, event, a, b)`, then runs the ticks and
  /// microtasks it queued, as Node does after each callback from a handle.
  final func emit(_ s: Scope, _ event: SocketEvent, _ a: Local? = nil, _ b: Local? = nil) throws {
    try s.callCore(.onSocket, [s.number(Double(id)), s.number(Double(event.rawValue)), a ?? s.undefined, b ?? s.undefined])
    try s.callCore(.afterMacrotask)
  }
}

/// The events `core.onSocket` receives (JS/32-net.js and 34-dgram.js read the same numbers).
enum SocketEvent: Int {
  /// A listening socket accepted one: a = the new handle's id, or b = -errno.
  case connection = 1
  /// a = bytes read, null at end of stream; b = -errno when reading failed.
  case data = 2
  /// A connect finished: b = 0 or -errno.
  case connect = 3
  /// A queued write finished: a = its request id, b = 0 or -errno.
  case written = 4
  /// A datagram: a = bytes, b = [address, family, port]; or a = null, b = -errno.
  case message = 5
}

enum SocketOptions {
  static func set(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) -> Int32 {
    var v = value
    return setsockopt(fd, level, name, &v, socklen_t(MemoryLayout<Int32>.size)) == 0 ? 0 : errno
  }

  static func get(_ fd: Int32, _ level: Int32, _ name: Int32) -> Int32 {
    var v: Int32 = 0
    var len = socklen_t(MemoryLayout<Int32>.size)
    return getsockopt(fd, level, name, &v, &len) == 0 ? v : -errno
  }

  /// A new socket, non-blocking and close-on-exec.
  static func open(_ family: Int32, _ type: Int32) -> Int32 {
    socket(family, type | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
  }

  /// accept4 is hidden from Swift like pipe2 (behind _GNU_SOURCE): look it up once.
  private typealias Accept4 = @convention(c) (Int32, UnsafeMutablePointer<sockaddr>?, UnsafeMutablePointer<socklen_t>?, Int32) -> Int32
  private static let accept4Fn: Accept4? = dlsym(nil, "accept4").map { unsafeBitCast($0, to: Accept4.self) }

  static func accept(_ fd: Int32) -> Int32 {
    if let accept4Fn { return accept4Fn(fd, nil, nil, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)) }
    let c = Glibc.accept(fd, nil, nil)
    if c >= 0 {
      _ = fcntl(c, F_SETFD, FD_CLOEXEC)
      _ = fcntl(c, F_SETFL, fcntl(c, F_GETFL) | O_NONBLOCK)
    }
    return c
  }

  /// Writing to a socket whose peer has gone must fail with EPIPE, not kill fe.
  static let ignoreSigpipe: Void = { _ = signal(SIGPIPE, SIG_IGN) }()
}
