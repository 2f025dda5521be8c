import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A stand-in proxy on 127.0.0.1: it records the request line of every request it gets and
/// answers each with `404` (it never forwards anything).
final class LoopbackProxy: @unchecked Sendable {
  let port: Int
  var url: String { "http://127.0.0.1:\(port)" }
  private let fd: Int32
  private let lock = NSLock()
  private var lines: [String] = []

  init() throws {
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { p -> Bool in
        bind(listener, p, length) == 0 && listen(listener, 16) == 0 && getsockname(listener, p, &length) == 0
      }
    }
    guard bound else {
      close(listener)
      throw POSIXError(.EADDRNOTAVAIL)
    }
    fd = listener
    port = Int(UInt16(bigEndian: address.sin_port))
    Thread.detachNewThread { [self] in
      while true {
        let client = accept(listener, nil, nil)
        if client < 0 { return }
        serve(client)
      }
    }
  }

  deinit {
    stop()
    close(fd)
  }

  /// Request lines received so far ("GET http://host/path HTTP/1.1", "CONNECT host:443 HTTP/1.1").
  var requestLines: [String] { lock.withLock { lines } }

  func stop() {
    shutdown(fd, Int32(SHUT_RDWR))
  }

  private func serve(_ client: Int32) {
    defer { close(client) }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while received.count < 65536 {
      let n = buffer.withUnsafeMutableBytes { read(client, $0.baseAddress, $0.count) }
      if n <= 0 { break }
      received += buffer[0..<n]
      if received.count >= 4, received.suffix(4) == [13, 10, 13, 10] { break }
    }
    let text = String(decoding: received, as: UTF8.self)
    if let line = text.components(separatedBy: "\r\n").first, !line.isEmpty { lock.withLock { lines.append(line) } }
    let answer = Array("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8)
    _ = answer.withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
  }
}
