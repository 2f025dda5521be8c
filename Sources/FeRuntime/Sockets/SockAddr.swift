#if canImport(Glibc)
  import Glibc
#endif

/// A socket address (IPv4, IPv6 or a Unix path) as the kernel takes it, made from and turned
/// back into what JS passes: an IP literal and a port, or a path. Names are resolved in JS
/// (dns.lookup) before they get here, as in Node.
struct SockAddr {
  var storage = sockaddr_storage()
  var length: socklen_t = 0

  var family: Int32 { Int32(storage.ss_family) }

  init() {}

  /// An IP literal and a port; nil when `ip` is no IPv4 or IPv6 literal. An IPv6 literal may
  /// carry a `%scope` (interface name or index).
  init?(ip: String, port: Int) {
    var ip = ip
    var scope: UInt32 = 0
    if let pct = ip.firstIndex(of: "%") {
      let name = String(ip[ip.index(after: pct)...])
      scope = UInt32(name) ?? if_nametoindex(name)
      ip = String(ip[..<pct])
    }
    var a4 = in_addr()
    var a6 = in6_addr()
    if inet_pton(AF_INET, ip, &a4) == 1 {
      var sin = sockaddr_in()
      sin.sin_family = sa_family_t(AF_INET)
      sin.sin_port = in_port_t(UInt16(truncatingIfNeeded: port)).bigEndian
      sin.sin_addr = a4
      withUnsafeMutableBytes(of: &storage) { dst in withUnsafeBytes(of: sin) { dst.copyMemory(from: $0) } }
      length = socklen_t(MemoryLayout<sockaddr_in>.size)
    } else if inet_pton(AF_INET6, ip, &a6) == 1 {
      var sin6 = sockaddr_in6()
      sin6.sin6_family = sa_family_t(AF_INET6)
      sin6.sin6_port = in_port_t(UInt16(truncatingIfNeeded: port)).bigEndian
      sin6.sin6_addr = a6
      sin6.sin6_scope_id = scope
      withUnsafeMutableBytes(of: &storage) { dst in withUnsafeBytes(of: sin6) { dst.copyMemory(from: $0) } }
      length = socklen_t(MemoryLayout<sockaddr_in6>.size)
    } else {
      return nil
    }
  }

  /// A Unix socket path; nil when it does not fit sun_path. A leading NUL names an abstract socket.
  init?(path: [UInt8]) {
    var sun = sockaddr_un()
    let capacity = MemoryLayout.size(ofValue: sun.sun_path)
    guard path.count < capacity else { return nil }
    sun.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &sun.sun_path) { dst in path.withUnsafeBytes { dst.copyMemory(from: $0) } }
    withUnsafeMutableBytes(of: &storage) { dst in withUnsafeBytes(of: sun) { dst.copyMemory(from: $0) } }
    let abstract = path.first == 0
    length = socklen_t(MemoryLayout<sa_family_t>.size + path.count + (abstract ? 0 : 1))
  }

  func withPointer<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
    withUnsafeBytes(of: storage) { body($0.baseAddress!.assumingMemoryBound(to: sockaddr.self), length) }
  }

  /// The address the kernel reports for `fd`'s own end (`peer`: the other end).
  static func of(_ fd: Int32, peer: Bool) -> SockAddr? {
    var a = SockAddr()
    a.length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    let rc = withUnsafeMutableBytes(of: &a.storage) { raw -> Int32 in
      let p = raw.baseAddress!.assumingMemoryBound(to: sockaddr.self)
      return peer ? getpeername(fd, p, &a.length) : getsockname(fd, p, &a.length)
    }
    return rc == 0 ? a : nil
  }

  /// (address, "IPv4"/"IPv6", port) for an IP address; (path, "", 0) for a Unix one.
  var described: (String, String, Int) {
    switch family {
    case AF_INET:
      return withUnsafeBytes(of: storage) { raw in
        var sin = sockaddr_in()
        withUnsafeMutableBytes(of: &sin) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[0..<$0.count])) }
        var buf = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        var addr = sin.sin_addr
        inet_ntop(AF_INET, &addr, &buf, socklen_t(buf.count))
        return (String(cString: buf), "IPv4", Int(UInt16(bigEndian: sin.sin_port)))
      }
    case AF_INET6:
      return withUnsafeBytes(of: storage) { raw in
        var sin6 = sockaddr_in6()
        withUnsafeMutableBytes(of: &sin6) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[0..<$0.count])) }
        var buf = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        var addr = sin6.sin6_addr
        inet_ntop(AF_INET6, &addr, &buf, socklen_t(buf.count))
        var text = String(cString: buf)
        if sin6.sin6_scope_id != 0 {
          var name = [CChar](repeating: 0, count: Int(IF_NAMESIZE) + 1)
          text += "%" + (if_indextoname(sin6.sin6_scope_id, &name) != nil ? String(cString: name) : String(sin6.sin6_scope_id))
        }
        return (text, "IPv6", Int(UInt16(bigEndian: sin6.sin6_port)))
      }
    case AF_UNIX:
      return withUnsafeBytes(of: storage) { raw in
        let offset = MemoryLayout<sa_family_t>.size
        let count = max(0, Int(length) - offset)
        var bytes = Array(raw[offset..<offset + count])
        if bytes.first != 0, let nul = bytes.firstIndex(of: 0) { bytes = Array(bytes[..<nul]) }
        return (String(decoding: bytes, as: UTF8.self), "", 0)
      }
    default:
      return ("", "", 0)
    }
  }
}
