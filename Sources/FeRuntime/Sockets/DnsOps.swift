import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Ops for `dns.lookup` and `dns.lookupService`: getaddrinfo(3) and getnameinfo(3) on the
/// worker pool (they block), as Node runs them on libuv's pool. They read /etc/hosts and
/// nsswitch like every other program on the machine. (`dns.resolve*` is the stub resolver in
/// DnsResolver.swift.)
enum DnsOps {
  /// glibc's EAI_* codes → the names Node reports (libuv's UV_EAI_* and their errnos).
  static func eaiName(_ rc: Int32) -> (String, Int) {
    switch rc {
    case EAI_NONAME: return ("ENOTFOUND", -3008)
    case EAI_AGAIN: return ("EAI_AGAIN", -3001)
    case EAI_FAIL: return ("EAI_FAIL", -3002)
    case EAI_FAMILY: return ("EAI_FAMILY", -3003)
    case EAI_MEMORY: return ("EAI_MEMORY", -3005)
    case EAI_SERVICE: return ("EAI_SERVICE", -3010)
    case EAI_SOCKTYPE: return ("EAI_SOCKTYPE", -3011)
    case EAI_BADFLAGS: return ("EAI_BADFLAGS", -3000)
    case -5: return ("ENOTFOUND", -3007)  // EAI_NODATA: Node reports it as ENOTFOUND too
    case -9: return ("EAI_ADDRFAMILY", -3000)
    default: return ("EAI_FAIL", -3002)
    }
  }

  static let all: [Op] = [
    Op("op_dns_lookup", needs: .net) { rt, call in
      // (promise id, hostname, family 0/4/6, hints flags) → settles with [[address, family], …]
      // in getaddrinfo's order, or with {error: [code, errno]}
      let promise = call.number(0)
      let host = call.string(1)
      let family = call.int(2)
      let flags = Int32(clamping: call.int(3))
      rt.loop.retain()
      WorkerPool.shared.submit {
        var hints = addrinfo()
        hints.ai_family = family == 4 ? AF_INET : family == 6 ? AF_INET6 : AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = flags
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, nil, &hints, &list)
        var found: [JSValue] = []
        var failure: (String, Int)?
        if rc != 0 {
          failure = rc == EAI_SYSTEM ? (Errno.name(errno), -Int(errno)) : eaiName(rc)
        } else {
          var p = list
          while let ai = p {
            if let addr = ai.pointee.ai_addr, ai.pointee.ai_family == AF_INET || ai.pointee.ai_family == AF_INET6 {
              var a = SockAddr()
              a.length = ai.pointee.ai_addrlen
              withUnsafeMutableBytes(of: &a.storage) {
                $0.copyMemory(from: UnsafeRawBufferPointer(start: addr, count: Int(ai.pointee.ai_addrlen)))
              }
              let (address, fam, _) = a.described
              found.append(.array([.string(address), .number(fam == "IPv6" ? 6 : 4)]))
            }
            p = ai.pointee.ai_next
          }
          freeaddrinfo(list)
          if found.isEmpty { failure = eaiName(EAI_NONAME) }
        }
        rt.loop.post { s in
          if let failure {
            try s.callCore(.settle, [s.number(promise), s.bool(true), s.make(.object([("error", .array([.string(failure.0), .number(Double(failure.1))]))]))])
          } else {
            try s.callCore(.settle, [s.number(promise), s.bool(true), s.make(.array(found))])
          }
        }
      }
    },
    Op("op_dns_lookup_service", needs: .net) { rt, call in
      // (promise id, address, port) → settles with [hostname, service] or {error: [code, errno]}
      let promise = call.number(0)
      let address = SockAddr(ip: call.string(1), port: call.int(2))
      rt.loop.retain()
      WorkerPool.shared.submit {
        var host = [CChar](repeating: 0, count: 1025)
        var service = [CChar](repeating: 0, count: 32)
        // NI_NAMEREQD as Node asks (cares_wrap.cc): an address without a name is ENOTFOUND, not
        // its own digits.
        let rc =
          address?.withPointer {
            getnameinfo($0, $1, &host, socklen_t(host.count), &service, socklen_t(service.count), NI_NAMEREQD)
          } ?? EAI_FAMILY
        let result: JSValue =
          rc == 0
          ? .array([.string(String(cString: host)), .string(String(cString: service))])
          : .object([("error", .array([.string(eaiName(rc).0), .number(Double(eaiName(rc).1))]))])
        rt.loop.post { s in try s.callCore(.settle, [s.number(promise), s.bool(true), s.make(result)]) }
      }
    },
  ]
}
