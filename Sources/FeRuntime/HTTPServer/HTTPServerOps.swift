import FeEngine
import NIOCore

/// Ops for the HTTP server (JS/http.js, fe.serve). The NIO side is HTTPHub/HTTPConnection;
/// events come back through `core.onHttp(list)`.
enum HTTPServerOps {
  /// The server settings at `first` and after (see HTTPHub.Settings).
  static func settings(_ call: OpCall, from first: Int) -> HTTPHub.Settings {
    HTTPHub.Settings((first..<first + 6).map { call.int($0) })
  }

  static let all: [Op] = [
    Op("op_http_listen", needs: .net) { rt, call in
      // (host, a Unix socket path when port is -1, or a socket fd (a number); port, backlog,
      // keepAliveTimeout ms, headersTimeout ms, requestTimeout ms, maxConnections or -1, evict
      // idle 0/1, timeout ms) → [id, address, family, port] or { error: [code, description, errno] }
      let endpoint: HTTPHub.Endpoint =
        call.scope.type(call.arg(0)) == .number
        ? .fd(Int32(clamping: call.int(0)))
        : call.int(1) < 0 ? .unix(path: call.string(0)) : .tcp(host: call.string(0), port: call.int(1))
      do {
        let (id, address) = try rt.http.listen(endpoint, backlog: call.int(2), settings: settings(call, from: 3))
        let family: String
        switch address {
        case .v6: family = "IPv6"
        case .unixDomainSocket: family = "pipe"
        default: family = "IPv4"
        }
        call.returns(
          JSValue.array([.number(Double(id)), .string(address.ipAddress ?? ""), .string(family), .number(Double(address.port ?? 0))]))
      } catch let e as HTTPHub.ListenFailure {
        call.returns(JSValue.object([("error", .array([.string(e.code), .string(e.text), .number(Double(-e.errno))]))]))
      } catch {
        call.returns(JSValue.object([("error", .array([.string("EINVAL"), .string("\(error)"), .number(-22)]))]))
      }
    },
    Op("op_http_write", needs: .net) { rt, call in
      // (conn, seq, head string/bytes or null, body string/bytes or null, flags, tail string or null):
      // one response's next bytes, the body framed here when chunked, so the NIO thread only writes.
      let flags = call.int(4)
      let chunked = flags & HTTPHub.Flag.chunked != 0
      var buffer = ByteBufferAllocator().buffer(capacity: 0)
      // The head: a string (ASCII), or bytes when http.js encoded a non-ASCII one as latin1.
      if !call.isNullish(2) {
        if call.scope.type(call.arg(2)) == .string {
          call.withUTF8(2) { _ = buffer.writeBytes($0) }
        } else {
          call.scope.withBytes(call.arg(2)) { _ = buffer.writeBytes($0) }
        }
      }
      func body(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }  // an empty chunk would end a chunked body
        if chunked {
          buffer.reserveCapacity(minimumWritableBytes: bytes.count + 16)
          buffer.writeString(String(bytes.count, radix: 16))
          buffer.writeStaticString("\r\n")
          buffer.writeBytes(bytes)
          buffer.writeStaticString("\r\n")
        } else {
          buffer.writeBytes(bytes)
        }
      }
      if !call.isNullish(3) {
        if call.scope.type(call.arg(3)) == .string {
          call.withUTF8(3, body)
        } else {
          call.scope.withBytes(call.arg(3), body)
        }
      }
      if !call.isNullish(5) { call.withUTF8(5) { _ = buffer.writeBytes($0) } }
      rt.http.submit(.write(conn: call.int(0), seq: call.int(1), data: buffer, flags: flags))
    },
    Op("op_http_write_raw", needs: .net) { rt, call in
      // (conn, bytes or null, end): an upgraded connection's outgoing bytes
      var buffer = ByteBufferAllocator().buffer(capacity: 0)
      if !call.isNullish(1) { call.scope.withBytes(call.arg(1)) { _ = buffer.writeBytes($0) } }
      rt.http.submit(.raw(conn: call.int(0), data: buffer, end: call.bool(2)))
    },
    Op("op_http_destroy", needs: .net) { rt, call in
      rt.http.submit(.destroy(conn: call.int(0)))
    },
    Op("op_http_close", needs: .net) { rt, call in
      rt.http.submit(.closeServer(server: call.int(0)))
    },
    Op("op_http_close_connections", needs: .net) { rt, call in
      // (server, idle only)
      rt.http.submit(.closeConnections(server: call.int(0), idleOnly: call.bool(1)))
    },
    Op("op_http_configure", needs: .net) { rt, call in
      // (server, keepAliveTimeout, headersTimeout, requestTimeout, maxConnections or -1, evict idle,
      // timeout):
      // the properties set after listen() take effect for what happens next.
      rt.http.submit(.configure(server: call.int(0), settings(call, from: 1)))
    },
    Op("op_http_ref", needs: .net) { rt, call in
      rt.http.ref(server: call.int(0), call.bool(1))
    },
  ]
}
