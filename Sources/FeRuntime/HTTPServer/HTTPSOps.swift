import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Ops for https's server (JS/37-https.js): an HTTP server of HTTPHub's that listens on nothing
/// and is handed, one socketpair at a time, the connections tls has decrypted.
enum HTTPSOps {
  static let all: [Op] = [
    Op("op_https_attach", needs: .net) { rt, call in
      // (the settings op_http_listen takes) → the id of an HTTP server that listens on nothing:
      // https hands it each connection tls has decrypted (op_https_adopt)
      do {
        call.returns(Double(try rt.http.attach(settings: HTTPServerOps.settings(call, from: 0))))
      } catch {
        call.returns(.null)
      }
    },
    Op("op_https_adopt", needs: .net) { rt, call in
      // (server id) → the id of a net socket whose peer is a new connection of that server (a
      // socketpair: JS pipes a TLS socket's plaintext through it), or -errno
      _ = SocketOptions.ignoreSigpipe
      var fds: [Int32] = [0, 0]
      let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
      guard socketpair(AF_UNIX, type, 0, &fds) == 0 else { return call.returns(Double(-errno)) }
      guard rt.http.adopt(fd: fds[1], server: call.int(0)) else {
        close(fds[0])
        close(fds[1])
        return call.returns(Double(-EBADF))
      }
      let socket = StreamSocket(fd: fds[0], loop: rt.loop, resources: rt.resources)
      socket.id = rt.resources.add(socket)
      call.returns(Double(socket.id))
    },
  ]
}
