import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Ops for `net` (JS/32-net.js): TCP and Unix stream sockets over `StreamSocket` and
/// `ListeningSocket`. Failures come back as `[errno, syscall]` (or -errno where the syscall is
/// known), and JS makes Node's error from them. Events reach JS through `core.onSocket`.
enum NetOps {
  /// Where a server or a client socket lives: an IP literal and a port, or a Unix path.
  static func address(_ call: OpCall, kind: Int, at i: Int) -> SockAddr? {
    if kind == 1 {
      var path: [UInt8] = []
      call.withUTF8(i) { path = Array($0) }
      return SockAddr(path: path)
    }
    return SockAddr(ip: call.string(i), port: call.int(i + 1))
  }

  static func failure(_ call: OpCall, _ err: Int32, _ syscall: String) {
    call.returns(JSValue.array([.number(Double(err)), .string(syscall)]))
  }

  static let all: [Op] = [
    Op("op_net_listen", needs: .net) { rt, call in
      // (kind 0 TCP / 1 Unix, address or path, port, backlog, ipv6Only, listen only) → id or
      // [errno, syscall]. "Listen only" leaves accepting to whoever gets the fd (cluster's
      // shared handle).
      _ = SocketOptions.ignoreSigpipe
      let kind = call.int(0)
      guard let address = address(call, kind: kind, at: 1) else { return failure(call, kind == 1 ? ENAMETOOLONG : EINVAL, "listen") }
      let fd = SocketOptions.open(address.family, Int32(SOCK_STREAM.rawValue))
      if fd < 0 { return failure(call, errno, "listen") }
      if kind == 0 {
        // As libuv: a restarted server can bind its port while old connections linger in TIME_WAIT.
        _ = SocketOptions.set(fd, SOL_SOCKET, SO_REUSEADDR, 1)
        if address.family == AF_INET6 { _ = SocketOptions.set(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, call.bool(4) ? 1 : 0) }
      }
      let backlog = Int32(clamping: call.int(3) > 0 ? call.int(3) : 511)
      if address.withPointer({ bind(fd, $0, $1) }) != 0 || listen(fd, backlog) != 0 {
        let err = errno
        close(fd)
        return failure(call, err, "listen")
      }
      let server = ListeningSocket(fd: fd, loop: rt.loop, resources: rt.resources)
      if kind == 1 { server.path = call.string(1) }
      server.id = rt.resources.add(server)
      if !(call.count > 5 && call.bool(5)) { server.startAccepting() }
      call.returns(Double(server.id))
    },
    Op("op_net_adopt", needs: .net) { rt, call in
      // (fd, streams only) → [id, kind] for a socket fd received from another process or given
      // to net.Socket({ fd }) (streams only): kind 0 TCP / 1 Unix stream (or a pipe), 2 TCP /
      // 3 Unix listening (accepting now), 4 UDP4 / 5 UDP6; or -errno (-EINVAL: nothing a
      // stream handle can wrap, libuv's guessHandleType 'FILE', 'TTY', 'UDP' or 'UNKNOWN';
      // the fd is left as it was)
      _ = SocketOptions.ignoreSigpipe
      let fd = Int32(call.int(0))
      let type = SocketOptions.get(fd, SOL_SOCKET, SO_TYPE)
      let domain = SocketOptions.get(fd, SOL_SOCKET, SO_DOMAIN)
      if type == -ENOTSOCK {
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFIFO else { return call.returns(Double(-EINVAL)) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        let pipe = StreamSocket(fd: fd, loop: rt.loop, resources: rt.resources)
        pipe.isPipe = true
        pipe.id = rt.resources.add(pipe)
        return call.returns(JSValue.array([.number(Double(pipe.id)), .number(1)]))
      }
      if type < 0 { return call.returns(Double(type)) }
      if domain < 0 { return call.returns(Double(domain)) }
      let streamsOnly = call.count > 1 && call.bool(1)
      if streamsOnly && type != Int32(SOCK_STREAM.rawValue) { return call.returns(Double(-EINVAL)) }
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      let unix = domain == AF_UNIX
      let handle: PolledSocket
      var kind: Int
      if type == Int32(SOCK_DGRAM.rawValue) {
        handle = DatagramSocket(fd: fd, loop: rt.loop, resources: rt.resources)
        kind = domain == AF_INET6 ? 5 : 4
      } else if !streamsOnly && SocketOptions.get(fd, SOL_SOCKET, SO_ACCEPTCONN) == 1 {
        let server = ListeningSocket(fd: fd, loop: rt.loop, resources: rt.resources)
        handle = server
        kind = unix ? 3 : 2
      } else {
        handle = StreamSocket(fd: fd, loop: rt.loop, resources: rt.resources)
        kind = unix ? 1 : 0
      }
      handle.id = rt.resources.add(handle)
      if let server = handle as? ListeningSocket { server.startAccepting() }
      call.returns(JSValue.array([.number(Double(handle.id)), .number(Double(kind))]))
    },
    Op("op_net_bind", needs: .net) { _, call in
      // (address, port, ipv6Only) → the fd of a TCP socket bound there, neither listening nor
      // connected yet (tcp_wrap's bind), or -errno
      _ = SocketOptions.ignoreSigpipe
      guard let address = address(call, kind: 0, at: 0) else { return call.returns(Double(-EINVAL)) }
      let fd = SocketOptions.open(address.family, Int32(SOCK_STREAM.rawValue))
      if fd < 0 { return call.returns(Double(-errno)) }
      _ = SocketOptions.set(fd, SOL_SOCKET, SO_REUSEADDR, 1)
      if address.family == AF_INET6 { _ = SocketOptions.set(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, call.bool(2) ? 1 : 0) }
      if address.withPointer({ bind(fd, $0, $1) }) != 0 {
        let err = errno
        close(fd)
        return call.returns(Double(-err))
      }
      call.returns(Double(fd))
    },
    Op("op_net_listen_fd", needs: .net) { rt, call in
      // (fd, backlog, listen only) → [id, kind 2 TCP / 3 Unix] or -errno: Node's listen({ fd }), a stream
      // socket this process already has (inherited, systemd's socket activation), listening
      // now and owned by the handle. Anything but a stream socket is EINVAL, as libuv's
      // guessHandleType makes it.
      _ = SocketOptions.ignoreSigpipe
      let fd = Int32(call.int(0))
      guard SocketOptions.get(fd, SOL_SOCKET, SO_TYPE) == Int32(SOCK_STREAM.rawValue) else { return call.returns(Double(-EINVAL)) }
      let domain = SocketOptions.get(fd, SOL_SOCKET, SO_DOMAIN)
      if listen(fd, Int32(clamping: call.int(1) > 0 ? call.int(1) : 511)) != 0 { return call.returns(Double(-errno)) }
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
      let server = ListeningSocket(fd: fd, loop: rt.loop, resources: rt.resources)
      server.id = rt.resources.add(server)
      if !call.bool(2) { server.startAccepting() }
      call.returns(JSValue.array([.number(Double(server.id)), .number(domain == AF_UNIX ? 3 : 2)]))
    },
    Op("op_net_fd", needs: .net) { rt, call in
      // (id) → the fd of a socket handle (to pass to another process), or -EBADF
      guard let handle = rt.resources.get(call.int(0), as: PolledSocket.self), !handle.closed else {
        return call.returns(Double(-EBADF))
      }
      call.returns(Double(handle.fd))
    },
    Op("op_net_connect", needs: .net) { rt, call in
      // (kind, address or path, port, local address or null, local port) → id or [errno, syscall]
      _ = SocketOptions.ignoreSigpipe
      let kind = call.int(0)
      guard let address = address(call, kind: kind, at: 1) else { return failure(call, kind == 1 ? ENAMETOOLONG : EINVAL, "connect") }
      let fd = SocketOptions.open(address.family, Int32(SOCK_STREAM.rawValue))
      if fd < 0 { return failure(call, errno, "connect") }
      if kind == 0 && !call.isNullish(3) {
        guard let local = SockAddr(ip: call.string(3), port: call.int(4)) else {
          close(fd)
          return failure(call, EINVAL, "bind")
        }
        if local.withPointer({ bind(fd, $0, $1) }) != 0 {
          let err = errno
          close(fd)
          return failure(call, err, "bind")
        }
      }
      let socket = StreamSocket(fd: fd, loop: rt.loop, resources: rt.resources)
      let err = socket.connect(to: address)
      if err != 0 {
        socket.close()
        return failure(call, err, "connect")
      }
      socket.id = rt.resources.add(socket)
      call.returns(Double(socket.id))
    },
    Op("op_net_read", needs: .net) { rt, call in
      // (id, start): reading on or off (off leaves data in the kernel: backpressure)
      guard let socket = rt.resources.get(call.int(0), as: StreamSocket.self) else { return }
      if call.bool(1) { socket.startReading() } else { socket.stopReading() }
    },
    Op("op_net_write", needs: .net) { rt, call in
      // (id, bytes) → 0 written now, a request id (`.written` follows), or -errno
      guard let socket = rt.resources.get(call.int(0), as: StreamSocket.self), !socket.closed else {
        return call.returns(Double(-EBADF))
      }
      call.returns(Double(call.scope.withBytes(call.arg(1)) { socket.write($0) }))
    },
    Op("op_net_shutdown", needs: .net) { rt, call in
      // (id) → 0 or -errno
      guard let socket = rt.resources.get(call.int(0), as: StreamSocket.self), !socket.closed else {
        return call.returns(Double(-ENOTCONN))
      }
      call.returns(Double(-socket.shutdownWrite()))
    },
    Op("op_net_close", needs: .net) { rt, call in
      // (id, reset): closes and forgets the handle; `reset` sends RST instead of FIN
      guard let handle = rt.resources.take(call.int(0), as: PolledSocket.self) else { return }
      if call.bool(1), let socket = handle as? StreamSocket { socket.reset() } else { handle.close() }
    },
    Op("op_net_ref", needs: .net) { rt, call in
      // (id, refed): whether the handle keeps the loop alive while it is active
      guard let handle = rt.resources.get(call.int(0), as: PolledSocket.self) else { return }
      handle.refed = call.bool(1)
      handle.updateRef()
    },
    Op("op_net_name", needs: .net) { rt, call in
      // (id, peer) → [address, family, port] of this end (or of the peer), or -errno
      guard let handle = rt.resources.get(call.int(0), as: PolledSocket.self), !handle.closed else {
        return call.returns(Double(-EBADF))
      }
      guard let a = SockAddr.of(handle.fd, peer: call.bool(1)) else { return call.returns(Double(-errno)) }
      let (address, family, port) = a.described
      call.returns(JSValue.array([.string(address), .string(family), .number(Double(port))]))
    },
    Op("op_net_nodelay", needs: .net) { rt, call in
      // (id, on) → 0 or -errno
      guard let handle = rt.resources.get(call.int(0), as: PolledSocket.self), !handle.closed else { return call.returns(0.0) }
      call.returns(Double(-SocketOptions.set(handle.fd, Int32(IPPROTO_TCP), TCP_NODELAY, call.bool(1) ? 1 : 0)))
    },
    Op("op_net_keepalive", needs: .net) { rt, call in
      // (id, on, initial delay in seconds) → 0 or -errno
      guard let handle = rt.resources.get(call.int(0), as: PolledSocket.self), !handle.closed else { return call.returns(0.0) }
      var err = SocketOptions.set(handle.fd, SOL_SOCKET, SO_KEEPALIVE, call.bool(1) ? 1 : 0)
      if err == 0 && call.bool(1) && call.int(2) > 0 {
        err = SocketOptions.set(handle.fd, Int32(IPPROTO_TCP), TCP_KEEPIDLE, Int32(clamping: call.int(2)))
      }
      call.returns(Double(-err))
    },
  ]
}
