// `fe d` under abuse: hundreds of connections that send nothing or trickle their headers a byte
// at a time, more than the server's descriptor limit, must not stop it answering a normal
// request promptly; idle connections close after the idle (keep-alive) timeout and trickling
// ones after the header timeout (both set short here through `dev.keepAliveTimeout` and
// `dev.headersTimeout`); and the server raises its descriptor limit to the hard limit.
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A non-blocking loopback client: connecting never blocks (a server whose accept queue is full
/// leaves it pending), and every wait has a deadline.
final class SlowClient {
  let fd: Int32
  init(port: Int) throws {
    fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
    guard fd >= 0 else { throw FixtureError("socket failed: errno \(errno)") }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    addr.sin_port = UInt16(port).bigEndian
    let rc = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    if rc != 0 && errno != EINPROGRESS {
      let e = errno
      close(fd)
      throw FixtureError("connect failed: errno \(e)")
    }
  }

  deinit { close(fd) }

  /// Sends what the socket takes now (nothing while the connection is pending); the count sent.
  @discardableResult
  func trySend(_ text: String) -> Int {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBytes { max(0, Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))) }
  }

  /// Waits for `events` until `deadline`; false when time ran out.
  func wait(_ events: Int16, until deadline: Date) -> Bool {
    var p = pollfd(fd: fd, events: events, revents: 0)
    while true {
      let ms = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
      let n = poll(&p, 1, ms)
      if n > 0 { return true }
      if n == 0 || errno != EINTR { return false }
    }
  }

  /// Sends all of `text` before `deadline`.
  func send(_ text: String, before deadline: Date) throws {
    var rest = Array(text.utf8)
    while !rest.isEmpty {
      guard wait(Int16(POLLOUT), until: deadline) else { throw FixtureError("could not send before the deadline") }
      let n = rest.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      if n < 0 && errno != EAGAIN { throw FixtureError("send failed: errno \(errno)") }
      if n > 0 { rest.removeFirst(n) }
    }
  }

  /// Reads until the peer closes (true) or `deadline` passes (false); what arrived is in `received`.
  var received = Data()
  func readUntilClosed(before deadline: Date) -> Bool {
    var buffer = [UInt8](repeating: 0, count: 16384)
    while wait(Int16(POLLIN), until: deadline) {
      let n = recv(fd, &buffer, buffer.count, 0)
      if n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) { return true }
      if n > 0 { received.append(contentsOf: buffer[0..<n]) }
    }
    return false
  }

  /// Reads until `needle` arrived (true), or the peer closed or time ran out (false).
  func read(until needle: String, before deadline: Date) -> Bool {
    var buffer = [UInt8](repeating: 0, count: 16384)
    let bytes = Data(needle.utf8)
    while received.range(of: bytes) == nil {
      guard wait(Int16(POLLIN), until: deadline) else { return false }
      let n = recv(fd, &buffer, buffer.count, 0)
      if n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) { return false }
      if n > 0 { received.append(contentsOf: buffer[0..<n]) }
    }
    return true
  }

  var text: String { String(decoding: received, as: UTF8.self) }
}

/// Lets this test process hold a thousand sockets whatever its soft limit.
private func raiseOwnDescriptorLimit() {
  var limit = rlimit()
  getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
  if limit.rlim_cur < limit.rlim_max {
    limit.rlim_cur = limit.rlim_max
    setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
  }
}

/// `fe d --port 0 --host 127.0.0.1` started through `prlimit --nofile=soft:hard`.
private func startLimitedDevServer(_ s: Sandbox, soft: Int, hard: Int) throws -> (LongRunningProcess, Int) {
  let server = try LongRunningProcess(
    "/usr/bin/prlimit", ["--nofile=\(soft):\(hard)", Fe.binary, "d", "--port", "0", "--host", "127.0.0.1"], cwd: s.project, env: s.env)
  return (server, try server.waitForPort())
}

/// One plain GET on a fresh connection, answered within `limit` seconds; the elapsed time.
private func timedGet(_ port: Int, _ target: String, limit: Double) throws -> (Double, String) {
  let start = Date()
  let deadline = start.addingTimeInterval(limit)
  let client = try SlowClient(port: port)
  try client.send("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", before: deadline)
  _ = client.readUntilClosed(before: deadline)
  return (Date().timeIntervalSince(start), client.text)
}

@Suite(.serialized) struct DevServerAbuseTests {
  @Test func aThousandSlowConnectionsOverTheDescriptorLimitDoNotStopANormalRequest() throws {
    raiseOwnDescriptorLimit()
    let s = try Sandbox("dev-abuse", store: .sharedReadOnly)
    defer { s.remove() }
    try writeSite(s, pin: "^2")
    // A hard limit of 256 descriptors: the thousand connections cannot all be open at once.
    let (server, port) = try startLimitedDevServer(s, soft: 256, hard: 256)
    defer { server.stop() }
    #expect(try timedGet(port, "/data.json", limit: 5).1.contains("{\"ok\": true}"))

    // Half send nothing, half start a request and then trickle it a byte per round.
    var slow: [SlowClient] = []
    for i in 0..<1000 {
      let c = try SlowClient(port: port)
      slow.append(c)
      if i % 2 == 1 { c.trySend("GET / HTTP/1.1\r\nHo") }
    }
    let header = Array("st: 127.0.0.1\r\nX-Slow: ")
    for round in 0..<3 {
      for (i, c) in slow.enumerated() where i % 2 == 1 { c.trySend(String(header[round])) }
      usleep(100_000)
    }
    var times: [Double] = []
    for _ in 0..<3 {
      let (elapsed, text) = try timedGet(port, "/data.json", limit: 3)
      #expect(
        text.hasPrefix("HTTP/1.1 200 OK") && text.contains("{\"ok\": true}"),
        "a normal request under 1,000 slow connections: \(text.prefix(300))")
      times.append(elapsed)
      for (i, c) in slow.enumerated() where i % 2 == 1 { c.trySend("a") }
    }
    print("normal request latency under 1,000 slow connections (nofile 256): \(times.map { String(format: "%.1f ms", $0 * 1000) })")
    #expect(times.allSatisfy { $0 < 1 }, "answered in under a second: \(times)")
    withExtendedLifetime(slow) {}
    #expect(server.process.isRunning, "\(server.err)")
  }

  @Test func aThousandSlowConnectionsUnderTheUsualLimitDoNotDelayANormalRequest() throws {
    raiseOwnDescriptorLimit()
    let s = try Sandbox("dev-abuse-plain", store: .sharedReadOnly)
    defer { s.remove() }
    try writeSite(s, pin: "^2")
    let (server, port) = try startDevServer(s, ["--host", "127.0.0.1"])
    defer { server.stop() }
    var slow: [SlowClient] = []
    for i in 0..<1000 {
      let c = try SlowClient(port: port)
      slow.append(c)
      if i % 2 == 1 { c.trySend("GET / HTTP/1.1\r\nHo") }
    }
    usleep(200_000)
    let (elapsed, text) = try timedGet(port, "/data.json", limit: 3)
    print("normal request latency under 1,000 slow connections: \(String(format: "%.1f ms", elapsed * 1000))")
    #expect(text.hasPrefix("HTTP/1.1 200 OK") && elapsed < 1, "\(elapsed) s: \(text.prefix(300))")
    withExtendedLifetime(slow) {}
  }

  @Test func theDescriptorLimitIsRaisedToTheHardLimit() throws {
    let s = try Sandbox("dev-nofile", store: .sharedReadOnly)
    defer { s.remove() }
    try writeSite(s, pin: "^2")
    let (server, _) = try startLimitedDevServer(s, soft: 256, hard: 4096)
    defer { server.stop() }
    let limits = try String(contentsOfFile: "/proc/\(server.process.processIdentifier)/limits", encoding: .utf8)
    let line = limits.split(separator: "\n").first { $0.hasPrefix("Max open files") }.map(String.init) ?? ""
    #expect(line.split(separator: " ", omittingEmptySubsequences: true).suffix(3).prefix(2) == ["4096", "4096"], "\(line)")
  }

  @Test func aLimitThatIsNotANumberIsOneClearLine() throws {
    let s = try Sandbox("dev-bad-limit", store: .sharedReadOnly)
    defer { s.remove() }
    try writeSite(s, pin: "^2", extraConfig: ", headersTimeout: \"10s\"")
    let r = try s.fe("d", "--port", "0")
    #expect(r.exited(2) && r.err.contains("dev.headersTimeout must be a number of milliseconds"), "\(r)")
  }

  @Test func idleConnectionsCloseAfterTheIdleTimeoutAndTricklingOnesAfterTheHeaderTimeout() throws {
    let s = try Sandbox("dev-timeouts", store: .sharedReadOnly)
    defer { s.remove() }
    try writeSite(s, pin: "^2", extraConfig: ", keepAliveTimeout: 300, headersTimeout: 1000")
    let (server, port) = try startDevServer(s, ["--host", "127.0.0.1"])
    defer { server.stop() }

    // A connection that never sends anything is idle.
    var start = Date()
    let silent = try SlowClient(port: port)
    #expect(silent.readUntilClosed(before: start.addingTimeInterval(5)), "a silent connection is closed")
    var elapsed = Date().timeIntervalSince(start)
    #expect(
      elapsed > 0.2 && elapsed < 0.9 && silent.received.isEmpty,
      "closed after the idle timeout (0.3 s), silently: \(elapsed) s, \(silent.text)")

    // So is a kept-alive connection after its response.
    let kept = try SlowClient(port: port)
    try kept.send("GET /data.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", before: Date().addingTimeInterval(5))
    #expect(kept.read(until: "{\"ok\": true}", before: Date().addingTimeInterval(5)), "\(kept.text)")
    start = Date()
    #expect(kept.readUntilClosed(before: start.addingTimeInterval(5)), "a kept-alive connection is closed when idle")
    elapsed = Date().timeIntervalSince(start)
    #expect(elapsed > 0.2 && elapsed < 0.9, "after the idle timeout: \(elapsed) s")

    // A connection trickling its headers a byte every 50 ms stays past the idle timeout, and
    // gets 408 when the header timeout ends it.
    start = Date()
    let trickle = try SlowClient(port: port)
    var closed = false
    for byte in "GET /data.json HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + String(repeating: "a", count: 200) {
      if trickle.readUntilClosed(before: Date().addingTimeInterval(0.05)) {
        closed = true
        break
      }
      trickle.trySend(String(byte))
      if Date().timeIntervalSince(start) > 5 { break }
    }
    elapsed = Date().timeIntervalSince(start)
    #expect(closed && elapsed > 0.9 && elapsed < 1.8, "closed after the header timeout (1 s): \(elapsed) s")
    #expect(trickle.text.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"), "\(trickle.text)")

    // The server still answers.
    #expect(try timedGet(port, "/data.json", limit: 3).1.contains("{\"ok\": true}"))
  }
}
