import FeBasics
import FeEngine
import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
  import Glibc
#endif

/// The NIO side of the runtime's HTTP servers (JS/http.js). A NIO thread accepts, parses and
/// writes; the JS thread sees what happened in batches and answers with commands in batches:
///
/// - inbound: the NIO thread appends `Event`s to `inbox`; the first of a batch posts one
///   macrotask to the loop, which hands all of them to `core.onHttp` as one flat array.
/// - outbound: ops append `Command`s to `outbox`; the first of a batch schedules one task on the
///   NIO thread, which applies them all and then flushes each connection it wrote to once.
///
/// So a burst of requests costs one JS wake-up and one NIO wake-up, not one per request or write.
/// Servers, connections and requests are integer ids; a request is (connection, sequence number).
///
/// Abuse (connections that send nothing, or trickle their headers) cannot take a server down:
/// idle connections close after keepAliveTimeout, a request's headers must arrive within
/// headersTimeout and the whole request within requestTimeout (HTTPConnection); connections are
/// capped per server (Node's maxConnections) and per process below the descriptor limit, raised
/// to the hard limit at the first listen (`Descriptors`); at a cap the connection idle longest is
/// closed to make room, and under EMFILE accepting pauses briefly and resumes, never stops.
final class HTTPHub: @unchecked Sendable {
  /// One NIO thread for every server in the process: the JS thread is the other busy one, and
  /// more would only contend with it on small machines.
  static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

  enum Event {
    case connection(server: Int, conn: Int, remote: SocketAddress?, local: SocketAddress?)
    case request(conn: Int, seq: Int, head: HTTPRequestHead, upgrade: Bool)
    case data(conn: Int, seq: Int, ByteBuffer)
    case end(conn: Int, seq: Int)
    case drain(conn: Int)
    case closed(conn: Int)
    case serverClosed(server: Int)
    /// A request the parser refused; the connection already got `status` and is closing.
    case clientError(server: Int, conn: Int, status: Int, code: String)
    /// A connection refused at the server's maxConnections (Node's 'drop').
    case dropped(server: Int, remote: SocketAddress?, local: SocketAddress?)
    /// A connection without reads or writes for the server's `timeout` (Node's socket 'timeout').
    case timeout(conn: Int)
    /// The raw bytes of an upgraded connection (after the request that asked for it).
    case upgradeData(conn: Int, ByteBuffer)
  }

  enum Command {
    case write(conn: Int, seq: Int, data: ByteBuffer, flags: Int)
    case destroy(conn: Int)
    case closeServer(server: Int)
    case closeConnections(server: Int, idleOnly: Bool)
    case configure(server: Int, Settings)
    case raw(conn: Int, data: ByteBuffer, end: Bool)
  }

  /// Bits of `Command.write`'s flags (set by http.js).
  enum Flag {
    static let end = 1
    static let close = 2
    static let wantDrain = 4
    static let chunked = 8
  }

  let nio: NIOCore.EventLoop = HTTPHub.group.next()
  private let loop: EventLoop
  /// Where server and connection ids come from (the runtime's table): JS names both by id.
  private let resources: ResourceTable

  private let inboxLock = Mutex()
  private var inbox: [Event] = []
  private var inboxPosted = false
  private let outboxLock = Mutex()
  private var outbox: [Command] = []
  private var outboxScheduled = false

  // JS thread only.
  private var refed: [Int: Bool] = [:]
  /// Commands of the current loop turn, handed to the NIO thread when it ends.
  private var turnCommands: [Command] = []

  // NIO thread only.
  /// Events of the current NIO tick, handed to the loop when the tick's I/O is done.
  private var tickEvents: [Event] = []
  private var tickFlushScheduled = false
  /// The live servers and connections by id: the NIO thread's index over the resource table's
  /// entries (for counting and finding idle connections without taking the table's lock).
  private var servers: [Int: Server] = [:]
  private var connections: [Int: HTTPConnection] = [:]
  private var touched: [HTTPConnection] = []

  init(loop: EventLoop, resources: ResourceTable) {
    self.loop = loop
    self.resources = resources
    loop.turnHooks.append { [weak self] in self?.handOver() }
  }

  /// A server's limits, as Node's http.Server properties (milliseconds; 0: none) set them.
  struct Settings {
    /// An idle connection (no request in progress, none begun) closes after this.
    var keepAliveMs = 5000
    /// A request's headers must arrive within this of its first byte (else 408).
    var headersMs = 60000
    /// The whole request must arrive within this of its first byte (else 408).
    var requestMs = 300_000
    /// Connections beyond this are refused (Node), or make room by closing the idle one.
    var maxConnections = Int.max
    /// At maxConnections, close the connection idle longest instead of refusing the new one.
    var evictIdle = false
    /// A connection without reads or writes for this gets 'timeout' (Node's server.timeout).
    var inactivityMs = 0

    /// From http.js: [keepAliveTimeout, headersTimeout, requestTimeout, maxConnections (< 0:
    /// none), evictIdleConnections (0/1), timeout].
    init(_ values: [Int]) {
      func at(_ i: Int) -> Int? { i < values.count ? values[i] : nil }
      keepAliveMs = max(0, at(0) ?? keepAliveMs)
      headersMs = max(0, at(1) ?? headersMs)
      requestMs = max(0, at(2) ?? requestMs)
      if let cap = at(3), cap >= 0 { maxConnections = cap }
      evictIdle = (at(4) ?? 0) != 0
      inactivityMs = max(0, at(5) ?? inactivityMs)
    }

    static func amount(_ ms: Int) -> TimeAmount? { ms > 0 ? .milliseconds(Int64(ms)) : nil }
    var keepAlive: TimeAmount? { Self.amount(keepAliveMs) }
    var headersTimeout: TimeAmount? { Self.amount(headersMs) }
    var requestTimeout: TimeAmount? { Self.amount(requestMs) }
    var inactivity: TimeAmount? { Self.amount(inactivityMs) }
  }

  /// A listening socket and its connections (NIO thread).
  final class Server: Resource {
    var id = 0
    var settings: Settings
    var channel: Channel?
    var listening = true
    var closing = false
    var connections: [Int: HTTPConnection] = [:]
    init(settings: Settings) {
      self.settings = settings
    }
  }

  // MARK: JS thread

  struct ListenFailure: Error {
    let errno: Int32
    let code: String
    let text: String
  }

  /// Where a server listens: an address, a Unix socket path (Node's server.listen(path)), or a
  /// socket descriptor the process already has (listen({ fd }); the server owns it from then).
  enum Endpoint {
    case tcp(host: String, port: Int)
    case unix(path: String)
    case fd(Int32)
  }

  /// Binds a server (blocking the JS thread for the bind only: it is quick, and Node reports the
  /// address synchronously after 'listening' anyway). Returns its id and local address.
  func listen(_ endpoint: Endpoint, backlog: Int, settings: Settings) throws -> (Int, SocketAddress) {
    let budget = Descriptors.connectionBudget
    let server = Server(settings: settings)
    let id = resources.add(server)
    server.id = id
    let bootstrap = ServerBootstrap(group: nio)
      .serverChannelInitializer { [self] channel in
        // Out of descriptors (EMFILE/ENFILE): free one by closing the connection idle longest,
        // pause accepting briefly, then go on (NIO would otherwise retry in a busy loop). Only a
        // connection idle for a while goes: accept fails for want of a descriptor even when
        // nothing waits, right after taking one for a connection whose request is on its way.
        let backoff = AcceptBackoffHandler(
          shouldForwardIOErrorCaught: false,
          backoffProvider: { [self] error in
            switch error.errnoCode {
            case EMFILE, ENFILE, ENOBUFS, ENOMEM:
              if let victim = oldestIdle(in: connections.values, since: .now() - .milliseconds(250)) { evict(victim) }
              return .milliseconds(20)
            default:
              return nil
            }
          })
        do {
          try channel.pipeline.syncOperations.addHandler(backoff)
          return channel.eventLoop.makeSucceededVoidFuture()
        } catch {
          return channel.eventLoop.makeFailedFuture(error)
        }
      }
      .serverChannelOption(ChannelOptions.backlog, value: Int32(clamping: backlog))
      .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
      .childChannelOption(ChannelOptions.maxMessagesPerRead, value: 16)
      .childChannelInitializer { [self] channel in initialize(channel, server: server, budget: budget) }
    let channel: Channel
    do {
      switch endpoint {
      case .tcp(let host, let port):
        channel = try bootstrap.bind(host: host, port: port).wait()
      case .unix(let path):
        // An existing file there is EADDRINUSE, as in Node.
        channel = try bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: false).wait()
      case .fd(let fd):
        // libuv's guessHandleType: only a stream socket can listen.
        var type: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &size) == 0, type == Int32(SOCK_STREAM.rawValue) else {
          throw ListenFailure(errno: EINVAL, code: "EINVAL", text: Errno.text(EINVAL))
        }
        channel = try bootstrap.withBoundSocket(fd).wait()
      }
    } catch let e as IOError {
      throw ListenFailure(errno: e.errnoCode, code: Errno.name(e.errnoCode), text: Errno.text(e.errnoCode))
    } catch let e as ListenFailure {
      throw e
    } catch {
      let host: String
      if case .tcp(let h, _) = endpoint { host = h } else { host = "" }
      throw ListenFailure(errno: -3008, code: "ENOTFOUND", text: "getaddrinfo ENOTFOUND \(host)")
    }
    try nio.submit { [self] in
      server.channel = channel
      servers[id] = server
    }.wait()
    guard let address = channel.localAddress else { throw ListenFailure(errno: EINVAL, code: "EINVAL", text: Errno.text(EINVAL)) }
    loop.retain()
    refed[id] = true
    return (id, address)
  }

  /// A new connection's pipeline: request parsing, then the connection itself (NIO thread).
  private func initialize(_ channel: Channel, server: Server, budget: Int) -> EventLoopFuture<Void> {
    guard admit(channel, to: server, budget: budget) else {
      return channel.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel)
    }
    let conn = HTTPConnection(hub: self, server: server)
    conn.id = resources.add(conn)
    connections[conn.id] = conn
    server.connections[conn.id] = conn
    // Node's limit for a request's headers is 16 KiB (more gets 431).
    var limits = NIOHTTPDecoderLimitConfiguration()
    limits.maxHeaderListSize = 16 * 1024
    limits.maxHeaderFieldSize = 16 * 1024
    do {
      let decoder = HTTPRequestDecoder(
        leftOverBytesStrategy: .forwardBytes, informationalResponseStrategy: .drop, limitConfiguration: limits)
      try channel.pipeline.syncOperations.addHandler(RequestStartWatcher(conn))
      try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(decoder), name: HTTPConnection.decoderName)
      try channel.pipeline.syncOperations.addHandler(conn)
      return channel.eventLoop.makeSucceededVoidFuture()
    } catch {
      return channel.eventLoop.makeFailedFuture(error)
    }
  }

  /// A server that listens on nothing: its connections arrive already connected (`adopt`), as
  /// https's do once tls has decrypted them. Returns its id.
  func attach(settings: Settings) throws -> Int {
    let server = Server(settings: settings)
    let id = resources.add(server)
    server.id = id
    try nio.submit { [self] in servers[id] = server }.wait()
    loop.retain()
    refed[id] = true
    return id
  }

  /// Serves HTTP on a connected socket (NIO owns `fd` from here on) as a connection of `server`.
  func adopt(fd: Int32, server id: Int) -> Bool {
    guard let server = resources.get(id, as: Server.self) else { return false }
    let budget = Descriptors.connectionBudget
    _ = ClientBootstrap(group: nio)
      .channelOption(ChannelOptions.maxMessagesPerRead, value: 16)
      .channelInitializer { [self] channel in initialize(channel, server: server, budget: budget) }
      .withConnectedSocket(fd)
    return true
  }

  /// A server keeps the process alive while it listens or has connections, unless unref'd.
  func ref(server: Int, _ on: Bool) {
    guard let was = refed[server], was != on else { return }
    refed[server] = on
    if on { loop.retain() } else { loop.release() }
  }

  func submit(_ command: Command) { turnCommands.append(command) }

  /// The end of a loop turn: this turn's commands go to the NIO thread together.
  private func handOver() {
    guard !turnCommands.isEmpty else { return }
    let schedule: Bool = outboxLock.withLock {
      if outbox.isEmpty { swap(&outbox, &turnCommands) } else { outbox += turnCommands }
      defer { outboxScheduled = true }
      return !outboxScheduled
    }
    turnCommands.removeAll(keepingCapacity: true)
    if schedule { nio.execute { [self] in drainOutbox() } }
  }

  private func deliver(_ s: Scope) throws {
    var events: [Event] = []
    inboxLock.withLock {
      swap(&events, &inbox)
      inboxPosted = false
    }
    let list = s.array(0)
    var i = 0
    func put(_ v: Local) {
      s.set(list, i, v)
      i += 1
    }
    func put(_ n: Int) { put(s.number(Double(n))) }
    func put(_ text: String) { put(s.string(text)) }
    func put(_ address: SocketAddress?) {
      put(address?.ipAddress ?? "")
      put(address?.port ?? 0)
      if case .v6 = address { put("IPv6") } else { put("IPv4") }
    }
    func put(_ bytes: ByteBuffer) { put(bytes.withUnsafeReadableBytes { s.bytes($0) }) }
    // Kinds and their fields are mirrored in http.js (onHttp).
    for event in events {
      switch event {
      case .connection(let server, let conn, let remote, let local):
        put(0)
        put(server)
        put(conn)
        put(remote)
        put(local)
      case .request(let conn, let seq, let head, let upgrade):
        put(1)
        put(conn)
        put(seq)
        put(head.method.rawValue)
        put(head.uri)
        put(head.version.major)
        put(head.version.minor)
        let raw = s.array(head.headers.count * 2)
        var j = 0
        for (name, value) in head.headers {
          s.set(raw, j, s.string(name))
          s.set(raw, j + 1, s.string(HTTPHub.trimmingOWS(value)))
          j += 2
        }
        put(raw)
        put(s.bool(head.isKeepAlive))
        put(s.bool(upgrade))
      case .data(let conn, let seq, let bytes):
        put(2)
        put(conn)
        put(seq)
        put(bytes)
      case .end(let conn, let seq):
        put(3)
        put(conn)
        put(seq)
      case .drain(let conn):
        put(4)
        put(conn)
      case .closed(let conn):
        put(5)
        put(conn)
      case .serverClosed(let server):
        put(6)
        put(server)
        if refed.removeValue(forKey: server) == true { loop.release() }
      case .clientError(let server, let conn, let status, let code):
        put(7)
        put(server)
        put(conn)
        put(status)
        put(code)
      case .dropped(let server, let remote, let local):
        put(9)
        put(server)
        put(remote)
        put(local)
      case .timeout(let conn):
        put(10)
        put(conn)
      case .upgradeData(let conn, let bytes):
        put(8)
        put(conn)
        put(bytes)
      }
    }
    try s.callCore(.onHttp, [list])
  }

  /// A header value without the spaces and tabs around it (llhttp strips them; NIO keeps a
  /// trailing tab).
  static func trimmingOWS(_ value: String) -> String {
    let ows: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = value.first, let last = value.last, ows(first) || ows(last) else { return value }
    guard let start = value.firstIndex(where: { !ows($0) }), let end = value.lastIndex(where: { !ows($0) }) else { return "" }
    return String(value[start...end])
  }

  // MARK: NIO thread

  func emit(_ event: Event) {
    tickEvents.append(event)
    if !tickFlushScheduled {
      tickFlushScheduled = true
      // A task queued from the loop's own thread runs after this tick's I/O.
      nio.execute { [self] in flushTick() }
    }
  }

  private func flushTick() {
    tickFlushScheduled = false
    let post: Bool = inboxLock.withLock {
      if inbox.isEmpty { swap(&inbox, &tickEvents) } else { inbox += tickEvents }
      defer { inboxPosted = true }
      return !inboxPosted
    }
    tickEvents.removeAll(keepingCapacity: true)
    if post { loop.post(releasing: false) { [self] s in try deliver(s) } }
  }

  func touch(_ conn: HTTPConnection) { touched.append(conn) }

  private func drainOutbox() {
    var commands: [Command] = []
    outboxLock.withLock {
      swap(&commands, &outbox)
      outboxScheduled = false
    }
    for command in commands {
      switch command {
      case .write(let conn, let seq, let data, let flags):
        connections[conn]?.send(seq: seq, data: data, flags: flags)
      case .raw(let conn, let data, let end):
        connections[conn]?.sendRaw(data, end: end)
      case .destroy(let conn):
        connections[conn]?.destroy()
      case .closeServer(let id):
        guard let server = servers[id], server.listening else { continue }
        server.listening = false
        server.closing = true
        // As Node 19+: close() also closes connections with no request in progress.
        for conn in server.connections.values where conn.isIdle { conn.closeWhenWritten() }
        if let channel = server.channel {
          channel.close().whenComplete { [self] _ in
            server.channel = nil
            serverMaybeClosed(server)
          }
        } else {
          serverMaybeClosed(server)  // an attached server: nothing listens
        }
      case .closeConnections(let id, let idleOnly):
        for conn in servers[id]?.connections.values ?? [:].values where !idleOnly || conn.isIdle {
          if idleOnly { conn.closeWhenWritten() } else { conn.destroy() }
        }
      case .configure(let id, let settings):
        guard let server = servers[id] else { continue }
        server.settings = settings
        for conn in server.connections.values { conn.settingsChanged() }
      }
    }
    flushTouched()
  }

  private func flushTouched() {
    let list = touched
    touched = []
    for conn in list { conn.flush() }
  }

  /// Whether a new connection may join `server`: at the server's maxConnections, or at the
  /// process's budget of descriptors, the connection idle longest is closed to make room (at
  /// maxConnections only if the server asks for that); when none is idle the new one is refused.
  private func admit(_ channel: Channel, to server: Server, budget: Int) -> Bool {
    let settings = server.settings
    if server.connections.count >= settings.maxConnections {
      if settings.evictIdle, let victim = oldestIdle(in: server.connections.values) {
        evict(victim)
      } else {
        emit(.dropped(server: server.id, remote: channel.remoteAddress, local: channel.localAddress))
        return false
      }
    }
    if connections.count >= budget {
      guard let victim = oldestIdle(in: connections.values) else { return false }
      evict(victim)
    }
    return true
  }

  /// The open connection without a request in progress that has been so the longest (and since
  /// `since` at the latest).
  private func oldestIdle<C: Sequence>(in candidates: C, since: NIODeadline = .distantFuture) -> HTTPConnection?
  where C.Element == HTTPConnection {
    var best: HTTPConnection?
    for conn in candidates where conn.isEvictable && conn.idleSince <= since {
      if best == nil || conn.idleSince < best!.idleSince { best = conn }
    }
    return best
  }

  /// Closes `conn` and stops counting it at once (its 'close' still comes when the socket ends).
  private func evict(_ conn: HTTPConnection) {
    conn.destroy()
    connections[conn.id] = nil
    conn.server.connections[conn.id] = nil
  }

  func connectionClosed(_ conn: HTTPConnection) {
    connections[conn.id] = nil
    conn.server.connections[conn.id] = nil
    _ = resources.take(conn.id, as: HTTPConnection.self)
    emit(.closed(conn: conn.id))
    serverMaybeClosed(conn.server)
  }

  /// Node's 'close': the listener is closed and its last connection ended.
  private func serverMaybeClosed(_ server: Server) {
    guard !server.listening, server.channel == nil, server.connections.isEmpty, servers[server.id] != nil else { return }
    servers[server.id] = nil
    _ = resources.take(server.id, as: Server.self)
    emit(.serverClosed(server: server.id))
  }
}

/// The process's open-file limit. Node raises the soft limit to the hard one at startup so a
/// server can hold as many sockets as the system allows; fe does it when the first server
/// listens, and keeps a reserve of descriptors for everything else (files, watchers, fetch).
enum Descriptors {
  /// The soft limit after raising it (once per process).
  static let limit: Int = {
    var l = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &l) == 0 else { return 1024 }
    if l.rlim_cur < l.rlim_max {
      var raised = l
      raised.rlim_cur = l.rlim_max
      if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { l = raised }
    }
    return Int(clamping: min(l.rlim_cur, rlim_t(Int32.max)))
  }()

  /// How many connections all servers together may hold: the limit less a reserve of an
  /// eighth of it, at least 64 and at most 1024 descriptors.
  static var connectionBudget: Int {
    let reserve = min(1024, max(64, limit / 8))
    return max(16, limit - reserve)
  }
}
