import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// `dns.resolve*`: a DNS stub resolver that sends one query to the configured servers over UDP
/// (TCP when the answer is truncated) and parses the answer section. Node uses c-ares for this;
/// fe does not, because c-ares' headers are not part of the build (Swift sees neither ares.h nor
/// resolv.h), while a stub resolver needs only sockets and a message parser, and lets
/// `Resolver.setServers` (addresses and ports), timeouts and tries work per resolver without
/// global state. Like c-ares, it ignores /etc/hosts. Queries run on the worker pool.
enum DnsResolver {
  /// A failed query, as c-ares names it (JS turns it into Node's error).
  struct Failure: Error {
    let code: String
  }

  static let types: [String: UInt16] = [
    "A": 1, "NS": 2, "CNAME": 5, "SOA": 6, "PTR": 12, "MX": 15, "TXT": 16, "AAAA": 28, "SRV": 33, "NAPTR": 35,
    "CAA": 257, "ANY": 255,
  ]

  /// The name servers in /etc/resolv.conf, or the local one when it names none (glibc's default).
  static func systemServers() -> [String] {
    guard let text = (try? FileSystem.readString("/etc/resolv.conf")) ?? nil else { return ["127.0.0.1"] }
    var servers: [String] = []
    for line in text.split(separator: "\n") {
      let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      if parts.count >= 2 && parts[0] == "nameserver" { servers.append(String(parts[1])) }
    }
    return servers.isEmpty ? ["127.0.0.1"] : servers
  }

  static func query(name: String, type: UInt16, id: UInt16) -> [UInt8] {
    var q: [UInt8] = [UInt8(id >> 8), UInt8(id & 0xff), 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]
    for label in name.split(separator: ".", omittingEmptySubsequences: true) {
      let bytes = Array(label.utf8.prefix(63))
      q.append(UInt8(bytes.count))
      q += bytes
    }
    q += [0, UInt8(type >> 8), UInt8(type & 0xff), 0, 1]
    return q
  }

  /// Sends `packet` to each server in turn (`tries` rounds) and returns the first answer.
  static func exchange(_ packet: [UInt8], servers: [(String, Int)], timeoutMs: Int, tries: Int) -> Result<[UInt8], Failure> {
    var lastError = "ETIMEOUT"
    for _ in 0..<max(1, tries) {
      for (ip, port) in servers {
        guard let address = SockAddr(ip: ip, port: port) else { continue }
        switch udpExchange(packet, to: address, timeoutMs: timeoutMs) {
        case .success(let answer):
          if answer.count > 2 && answer[2] & 0x02 != 0 {
            // Truncated: ask again over TCP for the whole answer.
            if case .success(let full) = tcpExchange(packet, to: address, timeoutMs: timeoutMs) { return .success(full) }
          }
          return .success(answer)
        case .failure(let f): lastError = f.code
        }
      }
    }
    return .failure(Failure(code: lastError))
  }

  private static func udpExchange(_ packet: [UInt8], to address: SockAddr, timeoutMs: Int) -> Result<[UInt8], Failure> {
    let fd = socket(address.family, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { return .failure(Failure(code: "ECONNREFUSED")) }
    defer { close(fd) }
    guard address.withPointer({ connect(fd, $0, $1) }) == 0,
      packet.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == packet.count
    else { return .failure(Failure(code: "ECONNREFUSED")) }
    let deadline = Clock.nowMs() + Double(timeoutMs)
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let left = Int32(max(0, deadline - Clock.nowMs()))
      var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      if poll(&p, 1, left) <= 0 { return .failure(Failure(code: "ETIMEOUT")) }
      let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if n < 0 {
        if errno == EINTR { continue }
        return .failure(Failure(code: "ECONNREFUSED"))
      }
      // Only the answer to this query (same id) counts.
      if n >= 12 && buffer[0] == packet[0] && buffer[1] == packet[1] { return .success(Array(buffer[0..<n])) }
    }
  }

  private static func tcpExchange(_ packet: [UInt8], to address: SockAddr, timeoutMs: Int) -> Result<[UInt8], Failure> {
    let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { return .failure(Failure(code: "ECONNREFUSED")) }
    defer { close(fd) }
    var tv = timeval(tv_sec: timeoutMs / 1000, tv_usec: (timeoutMs % 1000) * 1000)
    _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    guard address.withPointer({ connect(fd, $0, $1) }) == 0 else { return .failure(Failure(code: "ECONNREFUSED")) }
    let framed = [UInt8(packet.count >> 8), UInt8(packet.count & 0xff)] + packet
    guard framed.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == framed.count else {
      return .failure(Failure(code: "ECONNREFUSED"))
    }
    func readExactly(_ count: Int) -> [UInt8]? {
      var out = [UInt8](repeating: 0, count: count)
      var got = 0
      while got < count {
        let n = out.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + got, count - got, 0) }
        if n <= 0 { return nil }
        got += n
      }
      return out
    }
    guard let len = readExactly(2), let answer = readExactly(Int(len[0]) << 8 | Int(len[1])) else {
      return .failure(Failure(code: "ETIMEOUT"))
    }
    return .success(answer)
  }

  // MARK: parsing

  /// A DNS message being read; every read is bounds-checked (a bad answer is EBADRESP).
  struct Reader {
    let bytes: [UInt8]
    var at = 0

    mutating func u8() throws -> Int {
      guard at < bytes.count else { throw Failure(code: "EBADRESP") }
      at += 1
      return Int(bytes[at - 1])
    }
    mutating func u16() throws -> Int { try u8() << 8 | u8() }
    mutating func u32() throws -> Int { try u16() << 16 | u16() }

    /// A possibly compressed name at the cursor.
    mutating func name() throws -> String {
      var labels: [String] = []
      var pos = at
      var jumped = false
      var hops = 0
      while true {
        guard pos < bytes.count else { throw Failure(code: "EBADRESP") }
        let len = Int(bytes[pos])
        if len & 0xc0 == 0xc0 {
          guard pos + 1 < bytes.count, hops < 64 else { throw Failure(code: "EBADRESP") }
          if !jumped { at = pos + 2 }
          jumped = true
          hops += 1
          pos = (len & 0x3f) << 8 | Int(bytes[pos + 1])
          continue
        }
        if len == 0 {
          if !jumped { at = pos + 1 }
          return labels.joined(separator: ".")
        }
        guard pos + 1 + len <= bytes.count else { throw Failure(code: "EBADRESP") }
        labels.append(String(decoding: bytes[(pos + 1)..<(pos + 1 + len)], as: UTF8.self))
        pos += 1 + len
      }
    }

    mutating func characterString() throws -> String {
      let len = try u8()
      guard at + len <= bytes.count else { throw Failure(code: "EBADRESP") }
      defer { at += len }
      return String(decoding: bytes[at..<(at + len)], as: UTF8.self)
    }
  }

  static let typeNames: [Int: String] = Dictionary(uniqueKeysWithValues: types.map { (Int($0.value), $0.key) })

  /// The answer records of `type` (every type for ANY) as [typeName, ttl, fields…], or the
  /// c-ares code for an answer that has none.
  static func parse(_ message: [UInt8], type: UInt16) throws -> [JSValue] {
    var r = Reader(bytes: message)
    _ = try r.u16()
    let flags = try r.u16()
    switch flags & 0x0f {
    case 0: break
    case 1: throw Failure(code: "EFORMERR")
    case 2: throw Failure(code: "ESERVFAIL")
    case 3: throw Failure(code: "ENOTFOUND")
    case 4: throw Failure(code: "ENOTIMP")
    case 5: throw Failure(code: "EREFUSED")
    default: throw Failure(code: "EBADRESP")
    }
    let qd = try r.u16()
    let an = try r.u16()
    _ = try r.u16()
    _ = try r.u16()
    for _ in 0..<qd {
      _ = try r.name()
      _ = try r.u32()
    }
    var out: [JSValue] = []
    for _ in 0..<an {
      _ = try r.name()
      let rtype = try r.u16()
      _ = try r.u16()
      let ttl = try r.u32()
      let length = try r.u16()
      let end = r.at + length
      guard end <= message.count else { throw Failure(code: "EBADRESP") }
      defer { r.at = end }
      guard type == 255 || rtype == Int(type), let name = typeNames[rtype] else { continue }
      var fields: [JSValue] = [.string(name), .number(Double(ttl))]
      switch rtype {
      case 1, 28:
        let count = rtype == 1 ? 4 : 16
        guard length == count else { throw Failure(code: "EBADRESP") }
        var buf = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        Array(message[r.at..<end]).withUnsafeBytes { raw in
          _ = inet_ntop(rtype == 1 ? AF_INET : AF_INET6, raw.baseAddress, &buf, socklen_t(buf.count))
        }
        fields.append(.string(String(cString: buf)))
      case 2, 5, 12:
        fields.append(.string(try r.name()))
      case 15:
        fields += [.number(Double(try r.u16())), .string(try r.name())]
      case 16:
        var parts: [JSValue] = []
        while r.at < end { parts.append(.string(try r.characterString())) }
        fields.append(.array(parts))
      case 33:
        fields += [.number(Double(try r.u16())), .number(Double(try r.u16())), .number(Double(try r.u16())), .string(try r.name())]
      case 6:
        fields += [.string(try r.name()), .string(try r.name())]
        for _ in 0..<5 { fields.append(.number(Double(try r.u32()))) }
      case 35:
        fields += [.number(Double(try r.u16())), .number(Double(try r.u16()))]
        fields += [.string(try r.characterString()), .string(try r.characterString()), .string(try r.characterString())]
        fields.append(.string(try r.name()))
      case 257:
        let critical = try r.u8()
        let tag = try r.characterString()
        guard r.at <= end else { throw Failure(code: "EBADRESP") }
        fields += [.number(Double(critical)), .string(tag), .string(String(decoding: message[r.at..<end], as: UTF8.self))]
      default:
        continue
      }
      out.append(.array(fields))
    }
    if out.isEmpty { throw Failure(code: "ENODATA") }
    return out
  }

  static let all: [Op] = [
    Op("op_dns_query", needs: .net) { rt, call in
      // (promise id, name, type, servers [[ip, port]…] or null for the system's, timeout ms,
      // tries) → settles with [[type, ttl, fields…]…] or {error: code}
      let promise = call.number(0)
      let name = call.string(1)
      let type = types[call.string(2)] ?? 1
      var servers: [(String, Int)] = []
      if case .array(let list) = call.scope.toSwift(call.arg(3)) {
        for item in list {
          if case .array(let pair) = item, pair.count == 2, let ip = pair[0].stringValue, case .number(let port) = pair[1] {
            servers.append((ip, Int(port)))
          }
        }
      }
      let timeout = call.int(4) > 0 ? call.int(4) : 5000
      let tries = call.int(5) > 0 ? call.int(5) : 4
      rt.loop.retain()
      WorkerPool.shared.submit {
        if servers.isEmpty { servers = systemServers().map { ($0, 53) } }
        let result: JSValue
        switch exchange(query(name: name, type: type, id: UInt16.random(in: 0...0xffff)), servers: servers, timeoutMs: timeout, tries: tries) {
        case .success(let answer):
          do {
            result = .array(try parse(answer, type: type))
          } catch let f as Failure {
            result = .object([("error", .string(f.code))])
          } catch {
            result = .object([("error", .string("EBADRESP"))])
          }
        case .failure(let f):
          result = .object([("error", .string(f.code))])
        }
        rt.loop.post { s in try s.callCore(.settle, [s.number(promise), s.bool(true), s.make(result)]) }
      }
    },
    Op("op_dns_system_servers", needs: .net) { _, call in
      // () → the name servers of /etc/resolv.conf
      call.returns(JSValue.array(systemServers().map { .string($0) }))
    },
  ]
}
