// HTTP/1.1 over a plain loopback socket, for end-to-end server tests: the request line goes out
// byte for byte as written (traversal variants, backslashes, NULs that a client library would
// normalize or refuse), and the response is read incrementally (streams, server-sent events).
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

struct HTTPResponse: CustomStringConvertible {
  var status: Int
  /// Lower-cased names; repeated headers joined with ", ".
  var headers: [String: String]
  var body: Data
  var text: String { String(decoding: body, as: UTF8.self) }
  var description: String { "HTTP \(status) \(headers)\n\(text.prefix(600))" }
}

final class HTTPConnection {
  private let fd: Int32
  private(set) var received = Data()

  init(port: Int, timeout: Double = 10) throws {
    fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw FixtureError("socket failed: errno \(errno)") }
    var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1e6))
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    addr.sin_port = UInt16(port).bigEndian
    let ok = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    }
    guard ok else {
      close(fd)
      throw FixtureError("connect to 127.0.0.1:\(port) failed: errno \(errno)")
    }
  }

  deinit { close(fd) }

  func send(_ bytes: Data) throws {
    try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      var offset = 0
      while offset < raw.count {
        let n = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
        guard n > 0 else { throw FixtureError("send failed: errno \(errno)") }
        offset += n
      }
    }
  }

  func send(_ text: String) throws { try send(Data(text.utf8)) }

  /// Reads once (up to the receive timeout); false at EOF.
  @discardableResult
  func readSome() throws -> Bool {
    var buffer = [UInt8](repeating: 0, count: 65536)
    let n = recv(fd, &buffer, buffer.count, 0)
    if n < 0 {
      throw FixtureError("recv failed or timed out: errno \(errno); so far:\n\(String(decoding: received, as: UTF8.self).prefix(800))")
    }
    if n == 0 { return false }
    received.append(contentsOf: buffer[0..<n])
    return true
  }

  /// Reads until what arrived contains `needle`.
  func read(until needle: String) throws {
    let bytes = Data(needle.utf8)
    while received.range(of: bytes) == nil {
      guard try readSome() else {
        throw FixtureError("connection closed before \"\(needle)\" arrived:\n\(String(decoding: received, as: UTF8.self).prefix(800))")
      }
    }
  }

  /// Reads one whole response (content-length, chunked, or to EOF) and removes it from the buffer.
  func response(headRequest: Bool = false) throws -> HTTPResponse {
    try read(until: "\r\n\r\n")
    let headEnd = received.range(of: Data("\r\n\r\n".utf8))!
    let head = String(decoding: received[received.startIndex..<headEnd.lowerBound], as: UTF8.self)
    var lines = head.components(separatedBy: "\r\n")
    let statusLine = lines.removeFirst().split(separator: " ")
    guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw FixtureError("bad status line in:\n\(head)") }
    var headers: [String: String] = [:]
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = line[..<colon].lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      headers[name] = headers[name].map { $0 + ", " + value } ?? value
    }
    var rest = Data(received[headEnd.upperBound...])
    var body = Data()
    if headRequest || status == 304 || status == 204 || (100..<200).contains(status) {
      // no body
    } else if let length = headers["content-length"].flatMap(Int.init) {
      while rest.count < length {
        received = rest
        guard try readSome() else { break }
        rest = received
      }
      body = rest.prefix(length)
      rest = Data(rest.dropFirst(length))
    } else if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
      while true {
        while rest.range(of: Data("\r\n".utf8)) == nil {
          received = rest
          guard try readSome() else { throw FixtureError("EOF in chunk size") }
          rest = received
        }
        let lineEnd = rest.range(of: Data("\r\n".utf8))!
        let sizeText = String(decoding: rest[rest.startIndex..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";")[0]
        guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
          throw FixtureError("bad chunk size \(sizeText)")
        }
        rest = Data(rest[lineEnd.upperBound...])
        while rest.count < size + 2 {
          received = rest
          guard try readSome() else { throw FixtureError("EOF in chunk") }
          rest = received
        }
        body.append(rest.prefix(size))
        rest = Data(rest.dropFirst(size + 2))
        if size == 0 { break }
      }
    } else {
      received = rest
      while try readSome() {}
      body = received
      rest = Data()
    }
    received = rest
    return HTTPResponse(status: status, headers: headers, body: body)
  }
}

enum RawHTTP {
  /// One request on a fresh connection: `target` goes on the request line exactly as given.
  static func request(
    _ port: Int, _ method: String = "GET", _ target: String, headers: [String: String] = [:], body: Data? = nil
  ) throws -> HTTPResponse {
    let connection = try HTTPConnection(port: port)
    var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    if let body { head += "Content-Length: \(body.count)\r\n" }
    try connection.send(Data((head + "\r\n").utf8) + (body ?? Data()))
    return try connection.response(headRequest: method == "HEAD")
  }

  static func get(_ port: Int, _ target: String, headers: [String: String] = [:]) throws -> HTTPResponse {
    try request(port, "GET", target, headers: headers)
  }
}

/// gunzip through Debian's gzip (the tests do not link zlib).
func gunzip(_ data: Data) throws -> String {
  let dir = TempDir("gunzip")
  defer { dir.remove() }
  try data.write(to: URL(fileURLWithPath: dir.path + "/body.gz"))
  let r = try Shell.run(["/bin/gzip", "-dc", dir.path + "/body.gz"])
  guard r.exited(0) else { throw FixtureError("gzip -dc failed: \(r)") }
  return r.out
}

/// A port nothing listens on right now (the kernel's pick for port 0).
func freePort() throws -> Int {
  let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  guard fd >= 0 else { throw FixtureError("socket failed") }
  defer { close(fd) }
  var addr = sockaddr_in()
  addr.sin_family = sa_family_t(AF_INET)
  addr.sin_addr.s_addr = inet_addr("127.0.0.1")
  addr.sin_port = 0
  var len = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &addr) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
  }
  guard bound else { throw FixtureError("bind failed") }
  return Int(UInt16(bigEndian: addr.sin_port))
}
