import CCrypto
import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Node's inspector server (`--inspect`, `inspector.open()`): HTTP `/json`, `/json/list` and
/// `/json/version`, and one WebSocket per DevTools client, each a native inspector session.
///
/// Sockets live on a thread of their own, so a client can talk to the debugger while JavaScript
/// is paused or busy. What clients send queues here; the isolate's thread takes it at its next
/// loop turn, at an interrupt while JS runs, or in the debugger's pause loop (`waitAndDispatch`).
/// Replies are written from the isolate's thread. The server keeps no loop alive by itself.
final class InspectorServer: InspectorTransport {
  struct StartError: Error { let message: String }

  let host: String
  private(set) var port = 0
  /// The one target's id, as Node's: a random UUID.
  let id: String
  let title: String
  let scriptURL: String
  var webSocketURL: String { "ws://\(hostInURL):\(port)/\(id)" }
  private var hostInURL: String { host.contains(":") ? "[\(host)]" : host }

  private enum Event {
    case opened(Int32)
    case message(Int32, [UInt8])
    case closed(Int32)
  }

  private let listenFD: Int32
  private var wakeFDs: [Int32] = [-1, -1]
  private let lock = Mutex()
  private let arrived = Condition()
  private var inbox: [Event] = []
  private var stopping = false
  private var thread: pthread_t?
  /// Client sockets by fd, with their write lock (the server thread reads, the isolate's writes).
  private var open: [Int32: Mutex] = [:]
  // The isolate's thread only.
  private weak var isolate: Isolate?
  private let loop: EventLoop
  private var sessionOf: [Int32: Int32] = [:]
  private var fdOf: [Int32: Int32] = [:]
  var onAttach: () -> Void = {}
  var onDetachAll: () -> Void = {}

  init(host: String, port: Int, title: String, scriptURL: String, isolate: Isolate, loop: EventLoop) throws {
    self.host = host
    self.title = title
    self.scriptURL = scriptURL
    self.isolate = isolate
    self.loop = loop
    id = InspectorServer.uuid()
    var hints = addrinfo()
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
    var list: UnsafeMutablePointer<addrinfo>?
    let rc = getaddrinfo(host, String(port), &hints, &list)
    guard rc == 0, let first = list else {
      throw StartError(message: "Starting inspector on \(host):\(port) failed: \(String(cString: gai_strerror(rc)))")
    }
    defer { freeaddrinfo(list) }
    let fd = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { throw StartError(message: "Starting inspector on \(host):\(port) failed: \(String(cString: strerror(errno)))") }
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    guard bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0, listen(fd, 16) == 0 else {
      let why = errno == EADDRINUSE ? "address already in use" : String(cString: strerror(errno))
      close(fd)
      throw StartError(message: "Starting inspector on \(host):\(port) failed: \(why)")
    }
    var addr = sockaddr_storage()
    var len = socklen_t(MemoryLayout<sockaddr_storage>.size)
    withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &len) } }
    self.port = Int(
      addr.ss_family == sa_family_t(AF_INET6)
        ? withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) } }
        : withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) } })
    listenFD = fd
    _ = pipe(&wakeFDs)
    for fd in wakeFDs { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    let box = Unmanaged.passRetained(self).toOpaque()
    var t = pthread_t()
    pthread_create(&t, nil, { raw in
      let server = Unmanaged<InspectorServer>.fromOpaque(raw!).takeRetainedValue()
      server.serve()
      return nil
    }, box)
    thread = t
  }

  /// Stops listening and drops every client (inspector.close(), exit).
  func stop() {
    lock.withLock { stopping = true }
    var byte: UInt8 = 1
    _ = write(wakeFDs[1], &byte, 1)
    if let thread { pthread_join(thread, nil) }
    thread = nil
    for (session, _) in fdOf { isolate?.inspectorDisconnect(session: session) }
    fdOf.removeAll()
    sessionOf.removeAll()
    arrived.signal(lock)
  }

  var hasSessions: Bool { !fdOf.isEmpty }

  // MARK: the isolate's thread

  /// Takes what clients sent, in order. Returns whether anything came.
  @discardableResult
  func drain() -> Bool {
    let events: [Event] = lock.withLock {
      defer { inbox.removeAll() }
      return inbox
    }
    guard let isolate else { return false }
    for event in events {
      switch event {
      case .opened(let fd):
        let session = isolate.inspectorConnectNative()
        sessionOf[fd] = session
        fdOf[session] = fd
        onAttach()
      case .message(let fd, let bytes):
        if let session = sessionOf[fd] { isolate.inspectorDispatch(session: session, json: bytes) }
      case .closed(let fd):
        if let session = sessionOf.removeValue(forKey: fd) {
          fdOf[session] = nil
          isolate.inspectorDisconnect(session: session)
          if fdOf.isEmpty { onDetachAll() }
        }
      }
    }
    return !events.isEmpty
  }

  func send(session: Int32, json: UnsafeRawBufferPointer) {
    guard let fd = fdOf[session] else { return }
    let frame = InspectorServer.frame(opcode: 1, payload: json)
    guard let writeLock = lock.withLock({ open[fd] }) else { return }
    writeLock.withLock { InspectorServer.writeAll(fd, frame) }
  }

  func waitAndDispatch(_ isolate: Isolate) -> Bool {
    lock.withLock {
      while inbox.isEmpty && !stopping { arrived.wait(lock, timeoutMs: 50) }
    }
    if lock.withLock({ stopping && inbox.isEmpty }) { return false }
    drain()
    return true
  }

  /// Blocks until every client has disconnected (Node, at exit: "Waiting for the debugger to
  /// disconnect...").
  func waitForDisconnect() {
    while !fdOf.isEmpty {
      lock.withLock {
        while inbox.isEmpty && !stopping { arrived.wait(lock, timeoutMs: 50) }
      }
      if lock.withLock({ stopping }) { return }
      drain()
    }
  }

  // MARK: the server's thread

  private final class Client {
    var buffer: [UInt8] = []
    var upgraded = false
    var fragments: [UInt8] = []
  }

  private func post(_ event: Event) {
    lock.withLock { inbox.append(event) }
    arrived.signal(lock)
    loop.post(releasing: false) { [weak self] _ in self?.drain() }
    isolate?.requestInterrupt { [weak self] in
      guard let self, let isolate = self.isolate, !isolate.inspectorPaused else { return }
      _ = try? isolate.scope { _ in self.drain() }
    }
  }

  private func serve() {
    var clients: [Int32: Client] = [:]
    var chunk = [UInt8](repeating: 0, count: 65536)
    while !lock.withLock({ stopping }) {
      var fds = [pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeFDs[0], events: Int16(POLLIN), revents: 0)]
      for fd in clients.keys { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
      if poll(&fds, nfds_t(fds.count), -1) < 0 { if errno == EINTR { continue } else { break } }
      if fds[1].revents != 0 { break }
      if fds[0].revents & Int16(POLLIN) != 0 {
        let fd = accept(listenFD, nil, nil)
        if fd >= 0 {
          _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
          clients[fd] = Client()
          lock.withLock { open[fd] = Mutex() }
        }
      }
      for entry in fds.dropFirst(2) where entry.revents != 0 {
        guard let client = clients[entry.fd] else { continue }
        let n = read(entry.fd, &chunk, chunk.count)
        var keep = n > 0
        if keep {
          client.buffer += chunk[0..<n]
          keep = client.upgraded ? readFrames(entry.fd, client) : readRequest(entry.fd, client)
        }
        if !keep {
          clients[entry.fd] = nil
          drop(entry.fd, wasSession: client.upgraded)
        }
      }
    }
    for (fd, client) in clients { drop(fd, wasSession: client.upgraded) }
    close(listenFD)
    close(wakeFDs[0])
    close(wakeFDs[1])
  }

  private func drop(_ fd: Int32, wasSession: Bool) {
    let writeLock = lock.withLock { open.removeValue(forKey: fd) }
    _ = writeLock?.withLock { close(fd) }
    if wasSession { post(.closed(fd)) }
  }

  /// An HTTP request: a /json answer (then close), or the WebSocket handshake. false: close.
  private func readRequest(_ fd: Int32, _ client: Client) -> Bool {
    guard let end = InspectorServer.headEnd(client.buffer) else { return client.buffer.count < 16384 }
    let head = String(decoding: client.buffer[0..<end], as: UTF8.self)
    client.buffer.removeFirst(end + 4)
    let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
    let requestLine = lines.first.map { $0.split(separator: " ") } ?? []
    guard requestLine.count >= 2, requestLine[0] == "GET" else { return respond(fd, status: "400 Bad Request", body: "") }
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = String(line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" })
    }
    let path = String(requestLine[1])
    if headers["upgrade"]?.lowercased() == "websocket" {
      guard path == "/\(id)", let key = headers["sec-websocket-key"] else {
        return respond(fd, status: "400 Bad Request", type: "text/html; charset=UTF-8", body: "WebSockets request was expected\r\n")
      }
      let accept = InspectorServer.acceptKey(key)
      let reply = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: \(accept)\r\n\r\n"
      guard let writeLock = lock.withLock({ open[fd] }) else { return false }
      writeLock.withLock { InspectorServer.writeAll(fd, Array(reply.utf8)) }
      client.upgraded = true
      post(.opened(fd))
      return client.buffer.isEmpty || readFrames(fd, client)
    }
    let hostHeader = headers["host"] ?? "\(hostInURL):\(port)"
    switch path.split(separator: "?").first.map(String.init) ?? path {
    case "/json", "/json/list", "/json/list/":
      return respond(fd, status: "200 OK", body: listJSON(hostHeader))
    case "/json/version":
      return respond(fd, status: "200 OK", body: "{\n  \"Browser\": \"node.js/v18.20.4\",\n  \"Protocol-Version\": \"1.1\"\n}\n")
    case "/json/activate/\(id)":
      return respond(fd, status: "200 OK", type: "text/plain", body: "Target activated")
    default:
      // Node's inspector socket: a GET it has no answer for is a failed WebSocket handshake.
      return respond(fd, status: "400 Bad Request", type: "text/html; charset=UTF-8", body: "WebSockets request was expected\r\n")
    }
  }

  private func listJSON(_ hostHeader: String) -> String {
    let address = "\(hostHeader)/\(id)"
    let fields: [(String, String)] = [
      ("description", "node.js instance"),
      ("devtoolsFrontendUrl", "devtools://devtools/bundled/js_app.html?experiments=true&v8only=true&ws=\(address)"),
      ("devtoolsFrontendUrlCompat", "devtools://devtools/bundled/inspector.html?experiments=true&v8only=true&ws=\(address)"),
      ("faviconUrl", "https://nodejs.org/static/images/favicons/favicon.ico"),
      ("id", id), ("title", title), ("type", "node"), ("url", scriptURL),
      ("webSocketDebuggerUrl", "ws://\(address)"),
    ]
    let body = fields.map { "    \"\($0.0)\": \(InspectorServer.quote($0.1))" }.joined(separator: ",\n")
    return "[ {\n\(body)\n} ]\n\n"
  }

  private func respond(_ fd: Int32, status: String, type: String = "application/json; charset=UTF-8", body: String) -> Bool {
    let bytes = Array(body.utf8)
    let head = "HTTP/1.0 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(bytes.count)\r\n\r\n"
    if let writeLock = lock.withLock({ open[fd] }) { writeLock.withLock { InspectorServer.writeAll(fd, Array(head.utf8) + bytes) } }
    return false
  }

  /// WebSocket frames from a client (masked, RFC 6455). false: close the connection.
  private func readFrames(_ fd: Int32, _ client: Client) -> Bool {
    while client.buffer.count >= 2 {
      let b = client.buffer
      let fin = b[0] & 0x80 != 0
      let opcode = b[0] & 0x0f
      let masked = b[1] & 0x80 != 0
      var length = Int(b[1] & 0x7f)
      var offset = 2
      if length == 126 {
        guard b.count >= 4 else { return true }
        length = Int(b[2]) << 8 | Int(b[3])
        offset = 4
      } else if length == 127 {
        guard b.count >= 10 else { return true }
        length = (2..<10).reduce(0) { $0 << 8 | Int(b[$1]) }
        offset = 10
      }
      guard masked, length < 256 << 20 else { return false }  // clients must mask (RFC 6455 5.1)
      guard b.count >= offset + 4 + length else { return true }
      let mask = Array(b[offset..<offset + 4])
      var payload = Array(b[offset + 4..<offset + 4 + length])
      for i in payload.indices { payload[i] ^= mask[i & 3] }
      client.buffer.removeFirst(offset + 4 + length)
      switch opcode {
      case 0, 1, 2:
        client.fragments += payload
        if fin {
          post(.message(fd, client.fragments))
          client.fragments = []
        }
      case 8:
        if let writeLock = lock.withLock({ open[fd] }) {
          writeLock.withLock { InspectorServer.writeAll(fd, InspectorServer.frame(opcode: 8, payload: UnsafeRawBufferPointer(start: nil, count: 0))) }
        }
        return false
      case 9:
        if let writeLock = lock.withLock({ open[fd] }) {
          payload.withUnsafeBytes { p in writeLock.withLock { InspectorServer.writeAll(fd, InspectorServer.frame(opcode: 10, payload: p)) } }
        }
      default: break
      }
    }
    return true
  }

  // MARK: helpers

  private static func headEnd(_ b: [UInt8]) -> Int? {
    guard b.count >= 4 else { return nil }
    for i in 0...(b.count - 4) where b[i] == 13 && b[i + 1] == 10 && b[i + 2] == 13 && b[i + 3] == 10 { return i }
    return nil
  }

  static func frame(opcode: UInt8, payload: UnsafeRawBufferPointer) -> [UInt8] {
    var out: [UInt8] = [0x80 | opcode]
    let n = payload.count
    if n < 126 {
      out.append(UInt8(n))
    } else if n < 65536 {
      out += [126, UInt8(n >> 8), UInt8(n & 0xff)]
    } else {
      out.append(127)
      for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8((n >> shift) & 0xff)) }
    }
    out += payload
    return out
  }

  private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    var sent = 0
    while sent < bytes.count {
      let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return }
      sent += n
    }
  }

  static func acceptKey(_ key: String) -> String {
    let input = Array((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8)
    var digest = [UInt8](repeating: 0, count: 20)
    _ = input.withUnsafeBufferPointer { SHA1($0.baseAddress, $0.count, &digest) }
    return CryptoOps.base64(digest, url: false)
  }

  private static func uuid() -> String {
    var b = [UInt8](repeating: 0, count: 16)
    _ = RAND_bytes(&b, 16)
    b[6] = (b[6] & 0x0f) | 0x40
    b[8] = (b[8] & 0x3f) | 0x80
    let hex = b.map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }
    return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-")
  }

  private static func quote(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      default:
        if c.value < 0x20 { out += "\\u" + String(repeating: "0", count: 4 - String(c.value, radix: 16).count) + String(c.value, radix: 16) } else { out.unicodeScalars.append(c) }
      }
    }
    return out + "\""
  }
}
