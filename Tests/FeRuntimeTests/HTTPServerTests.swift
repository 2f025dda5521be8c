import FeTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The runtime's HTTP server (http.createServer on SwiftNIO) under raw HTTP/1 from a socket:
/// what fetch cannot send (malformed requests, oversized headers, HTTP/1.0, pipelining) and
/// what it hides (connection reuse, a client that goes away). Node-style behaviour through
/// fetch is in Golden/http/.
@Suite("http server over raw sockets", .serialized)
struct HTTPServerTests {
  @Test("a malformed request gets 400 and its connection closes; the server keeps serving")
  func malformed() throws {
    let server = try ServerProcess()
    for garbage in [
      "GARBAGE\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", "GET / HTTP/9.9\r\n\r\n",
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    ] {
      let reply = try RawClient(port: server.port).exchange(garbage, untilClose: true)
      #expect(reply.hasPrefix("HTTP/1.1 400 Bad Request\r\n"), "reply to \(garbage.debugDescription): \(reply)")
      #expect(reply.contains("Connection: close"))
    }
    let ok = try RawClient(port: server.port).exchange("GET /after HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", untilClose: true)
    #expect(ok.hasPrefix("HTTP/1.1 200 OK\r\n") && ok.hasSuffix("ok /after"), "\(ok)")
  }

  @Test("headers over 16 KiB get 431; HTTP/1.1 without Host is served, as Node 18 does")
  func limits() throws {
    let server = try ServerProcess()
    let big = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 20_000))\r\n\r\n"
    let reply = try RawClient(port: server.port).exchange(big, untilClose: true)
    #expect(reply.hasPrefix("HTTP/1.1 431 Request Header Fields Too Large\r\n"), "\(reply.prefix(200))")
    let noHost = try RawClient(port: server.port).exchange("GET / HTTP/1.1\r\n\r\n", responses: 1)
    #expect(noHost.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(noHost)")
  }

  @Test("keep-alive: requests reuse one connection; pipelined responses keep request order")
  func keepAlive() throws {
    let server = try ServerProcess()
    let client = try RawClient(port: server.port)
    let first = try client.exchange("GET /one HTTP/1.1\r\nHost: x\r\n\r\n", responses: 1)
    #expect(first.contains("Connection: keep-alive\r\n") && first.contains("Keep-Alive: timeout=5\r\n"), "\(first)")
    #expect(first.hasSuffix("ok /one"))
    let second = try client.exchange("GET /two HTTP/1.1\r\nHost: x\r\n\r\n", responses: 1)
    #expect(second.hasSuffix("ok /two"), "the second request on the connection: \(second)")
    // /slow answers 50 ms after /fast, which is behind it: the bytes must still come in order.
    let both = try client.exchange("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /fast HTTP/1.1\r\nHost: x\r\n\r\n", responses: 2)
    let slow = both.range(of: "slow")
    let fast = both.range(of: "ok /fast")
    #expect(slow != nil && fast != nil && slow!.lowerBound < fast!.lowerBound, "\(both)")
  }

  @Test("HTTP/1.0: no chunking, and the connection closes after the response")
  func http10() throws {
    let server = try ServerProcess()
    let reply = try RawClient(port: server.port).exchange("POST /echo HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc", untilClose: true)
    #expect(reply.hasPrefix("HTTP/1.1 200 OK\r\n") && reply.contains("Connection: close\r\n"), "\(reply)")
    #expect(!reply.contains("chunked") && reply.hasSuffix("POST 3 1.0"), "\(reply)")
  }

  @Test("a server-sent event stream is flushed per write and ends when the client goes")
  func serverSentEvents() throws {
    let server = try ServerProcess()
    let client = try RawClient(port: server.port)
    let head = try client.exchange("GET /sse HTTP/1.1\r\nHost: x\r\n\r\n", until: "data: tick")
    #expect(head.contains("Transfer-Encoding: chunked\r\n") && head.contains("data: first"), "\(head)")
    client.close()
    // The server notices the client left: its 'close' handler runs (polled, with a deadline).
    let deadline = Date().addingTimeInterval(5)
    var stats = ""
    while Date() < deadline {
      stats = try RawClient(port: server.port).exchange("GET /stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", untilClose: true)
      if stats.hasSuffix("{\"sseClosed\":1}") { break }
    }
    #expect(stats.hasSuffix("{\"sseClosed\":1}"), "\(stats)")
  }

  @Test("an upgraded connection carries raw bytes both ways ('upgrade' event, as for WebSocket)")
  func upgrade() throws {
    let server = try ServerProcess()
    let client = try RawClient(port: server.port)
    let head = try client.exchange("GET /ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\n", until: "\r\n\r\n")
    #expect(head.hasPrefix("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\n"), "\(head)")
    #expect(try client.exchange("hello", until: "HELLO") == "HELLO")
    #expect(try client.exchange("bye", untilClose: true) == "BYE")
  }

  @Test("timeouts set after listen(): idle connections close after keepAliveTimeout, slow heads and bodies get 408")
  func timeouts() throws {
    let server = try ServerProcess(
      "limits.js", env: ["FE_LIMITS": #"{"keepAliveTimeout": 300, "headersTimeout": 1500, "requestTimeout": 2000}"#])
    // A connection that sends nothing, and one kept alive after its response, are idle.
    var start = Date()
    let silent = try RawClient(port: server.port)
    #expect(try silent.receive(untilClose: true) == "")
    var elapsed = Date().timeIntervalSince(start)
    #expect(elapsed > 0.2 && elapsed < 1.2, "a silent connection closes after keepAliveTimeout (0.3 s): \(elapsed) s")
    let kept = try RawClient(port: server.port)
    #expect(try kept.exchange("GET /a HTTP/1.1\r\nHost: x\r\n\r\n", responses: 1).hasSuffix("ok /a 1 headers"))
    start = Date()
    #expect(try kept.receive(untilClose: true) == "")
    elapsed = Date().timeIntervalSince(start)
    #expect(elapsed > 0.2 && elapsed < 1.2, "a kept-alive connection closes after keepAliveTimeout: \(elapsed) s")

    // Bytes of a request stop the idle clock; its head must be in within headersTimeout.
    start = Date()
    let trickle = try RawClient(port: server.port)
    for byte in "GET /b HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaa" {
      try? trickle.send(String(byte))
      usleep(50_000)
      if Date().timeIntervalSince(start) > 1.7 { break }
    }
    let timedOut = try trickle.receive(untilClose: true)
    elapsed = Date().timeIntervalSince(start)
    #expect(timedOut.hasPrefix("HTTP/1.1 408 Request Timeout\r\n") && timedOut.contains("Connection: close"), "\(timedOut)")
    #expect(elapsed > 1.4 && elapsed < 2.5, "408 after headersTimeout (1.5 s): \(elapsed) s")

    // A body that comes too slowly: 408 at requestTimeout, counted from the request's first byte.
    start = Date()
    let body = try RawClient(port: server.port)
    try body.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
    for _ in 0..<30 {
      try? body.send("z")
      usleep(100_000)
      if Date().timeIntervalSince(start) > 2.2 { break }
    }
    let slowBody = try body.receive(untilClose: true)
    elapsed = Date().timeIntervalSince(start)
    #expect(slowBody.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"), "\(slowBody)")
    #expect(elapsed > 1.9 && elapsed < 3, "408 after requestTimeout (2 s): \(elapsed) s")

    let stats = try RawClient(port: server.port).exchange("GET /stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", untilClose: true)
    #expect(stats.hasSuffix(#"{"drops":0,"clientErrors":["ERR_HTTP_REQUEST_TIMEOUT","ERR_HTTP_REQUEST_TIMEOUT"]}"#), "\(stats)")
  }

  @Test("maxConnections: past it a new connection is dropped ('drop'), or with evictIdleConnections the idle longest closes")
  func maxConnections() throws {
    let server = try ServerProcess("limits.js", env: ["FE_LIMITS": #"{"maxConnections": 2}"#])
    let busy = try RawClient(port: server.port)
    #expect(try busy.exchange("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n", until: "held").contains("200 OK"))
    let idle = try RawClient(port: server.port)
    #expect(try idle.exchange("GET /i HTTP/1.1\r\nHost: x\r\n\r\n", responses: 1).hasSuffix("ok /i 1 headers"))
    // Node closes the third connection at once, and says so with 'drop'.
    #expect(try RawClient(port: server.port).receive(untilClose: true) == "")
    idle.close()
    // Room again once the idle one goes (polled: until the server has seen it close, /stats is
    // dropped too, so the count is at least 1).
    var stats = ""
    let deadline = Date().addingTimeInterval(5)
    while Date() < deadline && !stats.hasSuffix("}") {
      stats =
        (try? RawClient(port: server.port).exchange("GET /stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", untilClose: true)) ?? ""
    }
    let drops = stats.range(of: #"\{"drops":([1-9][0-9]*),"clientErrors":\[\]\}$"#, options: .regularExpression)
    #expect(drops != nil, "\(stats)")

    let evicting = try ServerProcess("limits.js", env: ["FE_LIMITS": #"{"maxConnections": 2, "evictIdleConnections": true}"#])
    let held = try RawClient(port: evicting.port)
    #expect(try held.exchange("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n", until: "held").contains("200 OK"))
    let older = try RawClient(port: evicting.port)
    #expect(try older.exchange("GET /i HTTP/1.1\r\nHost: x\r\n\r\n", responses: 1).hasSuffix("ok /i 1 headers"))
    // The newcomer is served; the idle connection is closed to make room, the busy one is not.
    let newcomer = try RawClient(port: evicting.port).exchange(
      "GET /new HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", untilClose: true)
    #expect(newcomer.hasPrefix("HTTP/1.1 200 OK") && newcomer.hasSuffix("ok /new 2 headers"), "\(newcomer)")
    #expect(try older.receive(untilClose: true) == "", "the idle connection was closed")
  }

  @Test("out of descriptors (EMFILE), the server closes its idle connection longest idle to accept a new one, and goes on")
  func outOfDescriptors() throws {
    let server = try ServerProcess("limits.js", openFiles: 128)
    let first = try RawClient(port: server.port)
    let exhausted = try first.exchange("GET /exhaust HTTP/1.1\r\nHost: x\r\n\r\n", responses: 1)
    #expect(exhausted.contains("EMFILE after"), "\(exhausted)")
    // No descriptor is free: accepting pauses, frees one (the idle connection), and resumes.
    let start = Date()
    let next = try RawClient(port: server.port)
    let answer = try next.exchange("GET /next HTTP/1.1\r\nHost: x\r\n\r\n", responses: 1)
    #expect(answer.hasSuffix("ok /next 1 headers") && Date().timeIntervalSince(start) < 1, "\(answer)")
    #expect(try first.receive(untilClose: true) == "", "the idle connection made room")
    #expect(try next.exchange("GET /release HTTP/1.1\r\nHost: x\r\n\r\n", responses: 1).hasSuffix("released"))
    let after = try RawClient(port: server.port).exchange("GET /after HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", untilClose: true)
    #expect(after.hasSuffix("ok /after 2 headers"), "\(after)")
  }

  @Test("server.timeout: a connection without reads or writes for that long closes when nobody listens for 'timeout'")
  func inactivity() throws {
    let server = try ServerProcess("limits.js", env: ["FE_LIMITS": #"{"timeout": 400, "keepAliveTimeout": 0}"#])
    // A response in progress that goes quiet: it is the socket's silence that counts.
    let start = Date()
    let quiet = try RawClient(port: server.port)
    #expect(try quiet.exchange("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n", until: "held").contains("200 OK"))
    _ = try quiet.receive(untilClose: true)
    let elapsed = Date().timeIntervalSince(start)
    #expect(elapsed > 0.35 && elapsed < 1.5, "closed after 0.4 s without reads or writes: \(elapsed) s")
  }

  @Test("maxHeadersCount keeps the first headers of a request")
  func maxHeadersCount() throws {
    let server = try ServerProcess("limits.js", env: ["FE_LIMITS": #"{"maxHeadersCount": 3}"#])
    let reply = try RawClient(port: server.port).exchange(
      "GET /h HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nConnection: close\r\n\r\n", untilClose: true)
    #expect(reply.hasSuffix("ok /h 3 headers"), "\(reply)")
  }

  @Test("50 clients at once each get their answer")
  func concurrentClients() throws {
    let server = try ServerProcess()
    let clients = try (0..<50).map { _ in try RawClient(port: server.port) }
    for (i, c) in clients.enumerated() { try c.send("GET /c\(i) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") }
    for (i, c) in clients.enumerated() {
      let reply = try c.receive(untilClose: true)
      #expect(reply.hasPrefix("HTTP/1.1 200 OK") && reply.hasSuffix("ok /c\(i)"), "client \(i): \(reply)")
    }
  }
}

/// `fe blobs run Fixtures/http/<script>`, up until the test ends. Built by FeTestSupport's
/// `Fe.process` (the harness's binary and exact environment), but started here: the test needs
/// the server's first line while it keeps running, so stdout is a pipe, not the harness's file.
final class ServerProcess {
  let process: Process
  let port: UInt16

  /// `openFiles`: run under `prlimit --nofile=n:n`, a descriptor limit the server cannot raise.
  init(_ name: String = "server.js", env extra: [String: String] = [:], openFiles: Int? = nil) throws {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/http/\(name)")
    let args = ["blobs", "run", script.path]
    let env = Golden.env.merging(extra) { _, new in new }
    let cwd = script.deletingLastPathComponent().path
    if let openFiles {
      process = Fe.process("/usr/bin/prlimit", ["--nofile=\(openFiles):\(openFiles)", Fe.binary] + args, cwd: cwd, env: env)
    } else {
      process = Fe.process(Fe.binary, args, cwd: cwd, env: env)
    }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.standardError
    try process.run()
    var text = ""
    while !text.contains("\n") {
      let data = out.fileHandleForReading.availableData
      if data.isEmpty { break }  // exited before printing its port
      text += String(decoding: data, as: UTF8.self)
    }
    guard text.hasPrefix("PORT "), let port = UInt16(text.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)) else {
      kill(process.processIdentifier, SIGKILL)
      throw TestFailure("the server did not print its port: \(text.debugDescription)")
    }
    self.port = port
  }

  deinit {
    // SIGKILL: the test runner's threads block SIGTERM, and children inherit that mask.
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }
}

struct TestFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// A blocking TCP client with a receive timeout, so a server that never answers fails the test.
final class RawClient {
  private var fd: Int32

  init(port: UInt16) throws {
    fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = port.bigEndian
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let rc = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    if rc != 0 { throw TestFailure("cannot connect to port \(port): errno \(errno)") }
  }

  deinit { close() }

  func close() {
    if fd >= 0 { Glibc.close(fd) }
    fd = -1
  }

  func send(_ text: String) throws {
    let bytes = Array(text.utf8)
    var done = 0
    while done < bytes.count {
      let n = bytes[done...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      if n <= 0 { throw TestFailure("send failed: errno \(errno)") }
      done += n
    }
  }

  /// Reads until the peer closes, `marker` appears, or `responses` complete responses (with a
  /// Content-Length) have arrived.
  func receive(untilClose: Bool = false, until marker: String? = nil, responses: Int = 0) throws -> String {
    var data: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = buf.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if n < 0 { throw TestFailure("no answer in time (errno \(errno)); got so far: \(String(decoding: data, as: UTF8.self))") }
      if n == 0 { break }
      data += buf[0..<n]
      let text = String(decoding: data, as: UTF8.self)
      if let marker, text.contains(marker) { break }
      if responses > 0 && Self.completeResponses(text) >= responses { break }
    }
    return String(decoding: data, as: UTF8.self)
  }

  func exchange(_ request: String, untilClose: Bool = false, until marker: String? = nil, responses: Int = 0) throws -> String {
    try send(request)
    return try receive(untilClose: untilClose, until: marker, responses: responses)
  }

  private static func completeResponses(_ text: String) -> Int {
    var count = 0
    var rest = Substring(text)
    while let headEnd = rest.range(of: "\r\n\r\n") {
      let head = rest[..<headEnd.lowerBound].lowercased()
      guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
        let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
      else { return count }
      let body = rest[headEnd.upperBound...]
      if body.utf8.count < length { return count }
      count += 1
      rest = Substring(String(decoding: Array(body.utf8.dropFirst(length)), as: UTF8.self))
    }
    return count
  }
}
