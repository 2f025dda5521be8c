import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Ops for `dgram` (JS/34-dgram.js) over `DatagramSocket`. Closing, ref and addresses use the
/// `op_net_*` ops every socket handle shares. Failures are -errno; JS makes Node's errors.
enum DgramOps {
  private static func socket(_ rt: Runtime, _ call: OpCall) -> DatagramSocket? {
    guard let s = rt.resources.get(call.int(0), as: DatagramSocket.self), !s.closed else { return nil }
    return s
  }

  /// The socket options `op_udp_option` sets and reads, by the number JS passes.
  private static func option(_ which: Int, v6: Bool) -> (Int32, Int32)? {
    switch which {
    case 1: return (SOL_SOCKET, SO_BROADCAST)
    case 2: return v6 ? (Int32(IPPROTO_IPV6), IPV6_UNICAST_HOPS) : (Int32(IPPROTO_IP), IP_TTL)
    case 3: return v6 ? (Int32(IPPROTO_IPV6), IPV6_MULTICAST_HOPS) : (Int32(IPPROTO_IP), IP_MULTICAST_TTL)
    case 4: return v6 ? (Int32(IPPROTO_IPV6), IPV6_MULTICAST_LOOP) : (Int32(IPPROTO_IP), IP_MULTICAST_LOOP)
    case 5: return (SOL_SOCKET, SO_RCVBUF)
    case 6: return (SOL_SOCKET, SO_SNDBUF)
    default: return nil
    }
  }

  static let all: [Op] = [
    Op("op_udp_bind", needs: .net) { rt, call in
      // (address, port, reuseAddr, ipv6Only) → id, or -errno
      _ = SocketOptions.ignoreSigpipe
      guard let address = SockAddr(ip: call.string(0), port: call.int(1)) else { return call.returns(Double(-EINVAL)) }
      let fd = SocketOptions.open(address.family, Int32(SOCK_DGRAM.rawValue))
      if fd < 0 { return call.returns(Double(-errno)) }
      if call.bool(2) { _ = SocketOptions.set(fd, SOL_SOCKET, SO_REUSEADDR, 1) }
      if address.family == AF_INET6 { _ = SocketOptions.set(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, call.bool(3) ? 1 : 0) }
      if address.withPointer({ bind(fd, $0, $1) }) != 0 {
        let err = errno
        close(fd)
        return call.returns(Double(-err))
      }
      let s = DatagramSocket(fd: fd, loop: rt.loop, resources: rt.resources)
      s.id = rt.resources.add(s)
      call.returns(Double(s.id))
    },
    Op("op_udp_recv", needs: .net) { rt, call in
      // (id, on)
      guard let s = socket(rt, call) else { return }
      if call.bool(1) { s.startReceiving() } else { s.stopReceiving() }
    },
    Op("op_udp_send", needs: .net) { rt, call in
      // (id, bytes, address or null when connected, port) → 0 sent, a request id, or -errno
      guard let s = socket(rt, call) else { return call.returns(Double(-EBADF)) }
      var to: SockAddr?
      if !call.isNullish(2) {
        guard let a = SockAddr(ip: call.string(2), port: call.int(3)) else { return call.returns(Double(-EINVAL)) }
        to = a
      }
      call.returns(Double(call.scope.withBytes(call.arg(1)) { s.send($0, to: to) }))
    },
    Op("op_udp_connect", needs: .net) { rt, call in
      // (id, address, port) → 0 or -errno; address null disconnects (AF_UNSPEC)
      guard let s = socket(rt, call) else { return call.returns(Double(-EBADF)) }
      var target: SockAddr
      if call.isNullish(1) {
        target = SockAddr()
        target.storage.ss_family = sa_family_t(AF_UNSPEC)
        target.length = socklen_t(MemoryLayout<sockaddr_storage>.size)
      } else {
        guard let a = SockAddr(ip: call.string(1), port: call.int(2)) else { return call.returns(Double(-EINVAL)) }
        target = a
      }
      let rc = target.withPointer { connect(s.fd, $0, $1) }
      // Disconnecting reports EAFNOSUPPORT on some kernels while it worked.
      call.returns(Double(rc == 0 || (call.isNullish(1) && errno == EAFNOSUPPORT) ? 0 : -errno))
    },
    Op("op_udp_option", needs: .net) { rt, call in
      // (id, which, value or null to read) → 0 / the value, or -errno
      guard let s = socket(rt, call) else { return call.returns(Double(-EBADF)) }
      let v6 = SockAddr.of(s.fd, peer: false)?.family == AF_INET6
      guard let (level, name) = option(call.int(1), v6: v6) else { return call.returns(Double(-EINVAL)) }
      if call.isNullish(2) {
        call.returns(Double(SocketOptions.get(s.fd, level, name)))
      } else {
        call.returns(Double(-SocketOptions.set(s.fd, level, name, Int32(clamping: call.int(2)))))
      }
    },
    Op("op_udp_membership", needs: .net) { rt, call in
      // (id, join, group, interface address or null, source or null) → 0 or -errno
      guard let s = socket(rt, call) else { return call.returns(Double(-EBADF)) }
      let join = call.bool(1)
      guard let group = SockAddr(ip: call.string(2), port: 0) else { return call.returns(Double(-EINVAL)) }
      let iface = call.isNullish(3) ? nil : SockAddr(ip: call.string(3), port: 0)
      if !call.isNullish(3) && iface == nil { return call.returns(Double(-EINVAL)) }
      func in4(_ a: SockAddr) -> in_addr {
        withUnsafeBytes(of: a.storage) { $0.load(fromByteOffset: 4, as: in_addr.self) }
      }
      var rc: Int32
      if group.family == AF_INET {
        if !call.isNullish(4) {
          guard let source = SockAddr(ip: call.string(4), port: 0), source.family == AF_INET else { return call.returns(Double(-EINVAL)) }
          var m = ip_mreq_source()
          m.imr_multiaddr = in4(group)
          m.imr_interface = iface.map(in4) ?? in_addr(s_addr: 0)
          m.imr_sourceaddr = in4(source)
          rc = setsockopt(
            s.fd, Int32(IPPROTO_IP), join ? IP_ADD_SOURCE_MEMBERSHIP : IP_DROP_SOURCE_MEMBERSHIP, &m,
            socklen_t(MemoryLayout<ip_mreq_source>.size))
        } else {
          var m = ip_mreq()
          m.imr_multiaddr = in4(group)
          m.imr_interface = iface.map(in4) ?? in_addr(s_addr: 0)
          rc = setsockopt(s.fd, Int32(IPPROTO_IP), join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, &m, socklen_t(MemoryLayout<ip_mreq>.size))
        }
      } else {
        var m = ipv6_mreq()
        m.ipv6mr_multiaddr = withUnsafeBytes(of: group.storage) { $0.load(fromByteOffset: 8, as: in6_addr.self) }
        m.ipv6mr_interface = iface.map { a in withUnsafeBytes(of: a.storage) { $0.load(fromByteOffset: 24, as: UInt32.self) } } ?? 0
        rc = setsockopt(s.fd, Int32(IPPROTO_IPV6), join ? IPV6_ADD_MEMBERSHIP : IPV6_DROP_MEMBERSHIP, &m, socklen_t(MemoryLayout<ipv6_mreq>.size))
      }
      call.returns(Double(rc == 0 ? 0 : -errno))
    },
    Op("op_udp_multicast_interface", needs: .net) { rt, call in
      // (id, interface address) → 0 or -errno
      guard let s = socket(rt, call) else { return call.returns(Double(-EBADF)) }
      guard let a = SockAddr(ip: call.string(1), port: 0) else { return call.returns(Double(-EINVAL)) }
      var rc: Int32
      if a.family == AF_INET {
        var addr = withUnsafeBytes(of: a.storage) { $0.load(fromByteOffset: 4, as: in_addr.self) }
        rc = setsockopt(s.fd, Int32(IPPROTO_IP), IP_MULTICAST_IF, &addr, socklen_t(MemoryLayout<in_addr>.size))
      } else {
        var index = withUnsafeBytes(of: a.storage) { $0.load(fromByteOffset: 24, as: UInt32.self) }
        rc = setsockopt(s.fd, Int32(IPPROTO_IPV6), IPV6_MULTICAST_IF, &index, socklen_t(MemoryLayout<UInt32>.size))
      }
      call.returns(Double(rc == 0 ? 0 : -errno))
    },
  ]
}
