import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// A bound UDP socket: Node's UDPWrap. Datagrams are received while `receiving` and each goes
/// to JS with its sender; sends go straight to the kernel, and the rare one it refuses for now
/// (EAGAIN) waits for the fd to become writable.
final class DatagramSocket: PolledSocket {
  var receiving = false
  private struct PendingSend {
    var request: Int
    var bytes: [UInt8]
    var to: SockAddr?
  }
  private var queue: [PendingSend] = []
  private var nextRequest = 1

  override var isActive: Bool { receiving || !queue.isEmpty }

  func startReceiving() {
    guard !receiving, !closed else { return }
    receiving = true
    arm(Int16(POLLIN))
    updateRef()
  }

  func stopReceiving() {
    guard receiving else { return }
    receiving = false
    disarm(Int16(POLLIN))
    updateRef()
  }

  private func sendNow(_ bytes: UnsafeRawBufferPointer, to: SockAddr?) -> Int {
    while true {
      let n: Int
      if let to {
        n = to.withPointer { sendto(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL), $0, $1) }
      } else {
        n = Glibc.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
      }
      if n >= 0 { return 0 }
      if errno != EINTR { return -Int(errno) }
    }
  }

  /// 0 when sent, a request id when it waits (`.written` follows), or -errno.
  func send(_ bytes: UnsafeRawBufferPointer, to: SockAddr?) -> Int {
    if queue.isEmpty {
      let r = sendNow(bytes, to: to)
      if r != -Int(EAGAIN) && r != -Int(EWOULDBLOCK) { return r }
    }
    let request = nextRequest
    nextRequest += 1
    queue.append(PendingSend(request: request, bytes: Array(bytes), to: to))
    arm(Int16(POLLOUT))
    updateRef()
    return request
  }

  override func close() {
    queue.removeAll()
    receiving = false
    super.close()
  }

  override func ready(_ revents: Int16, _ s: Scope) throws {
    if revents & Int16(POLLOUT) != 0 { try flush(s) }
    if revents & Int16(POLLIN) != 0 && receiving && !closed { try receive(s) }
  }

  private func flush(_ s: Scope) throws {
    var finished: [(Int, Int)] = []
    while let head = queue.first {
      let r = head.bytes.withUnsafeBytes { sendNow($0, to: head.to) }
      if r == -Int(EAGAIN) || r == -Int(EWOULDBLOCK) { break }
      finished.append((head.request, r))
      queue.removeFirst()
    }
    if !queue.isEmpty { arm(Int16(POLLOUT)) }
    updateRef()
    for (request, status) in finished where !closed {
      try emit(s, .written, s.number(Double(request)), s.number(Double(status)))
    }
  }

  private func receive(_ s: Scope) throws {
    var buffer = [UInt8](repeating: 0, count: 65536)
    for _ in 0..<32 {
      guard receiving && !closed else { return }
      var from = SockAddr()
      from.length = socklen_t(MemoryLayout<sockaddr_storage>.size)
      let n = buffer.withUnsafeMutableBytes { b in
        withUnsafeMutableBytes(of: &from.storage) { raw in
          recvfrom(fd, b.baseAddress, b.count, 0, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), &from.length)
        }
      }
      if n < 0 {
        if errno == EINTR { continue }
        if errno == EAGAIN || errno == EWOULDBLOCK { break }
        try emit(s, .message, s.null, s.number(Double(-errno)))
        break
      }
      let (address, family, port) = from.described
      let data = buffer.withUnsafeBytes { s.bytes(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
      try emit(s, .message, data, s.make(.array([.string(address), .string(family), .number(Double(port))])))
    }
    if receiving && !closed { arm(Int16(POLLIN)) }
  }
}
