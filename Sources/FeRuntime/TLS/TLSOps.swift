import CCrypto
import FeEngine

/// Ops for `tls` (JS/36-tls.js): secure contexts, and TLS engines JS drives over net's sockets.
/// Failures come back as `{__cryptoError: …}` (CryptoSupport.swift), except `pump`'s, which
/// travel with the bytes that must still reach the peer (an alert).
enum TLSOps {
  static let all: [Op] = [
    Op.crypto("op_tls_context") { rt, call in
      // (options) → [id, warning or undefined]: see SecureContext.make for the fields
      let sc = try SecureContext.make(call.value(0))
      let id = Double(rt.resources.add(sc))
      return call.scope.make(.array([.number(id), sc.warning.map(JSValue.string) ?? .undefined]))
    },
    Op.crypto("op_tls_context_add") { rt, call in
      // (id, 'ca' | 'cert' | 'key' | 'crl' | 'root', {pem, passphrase}) → undefined
      guard let sc = rt.resources.get(call.int(0), as: SecureContext.self) else {
        throw CryptoFailure("TypeError", "ERR_INVALID_ARG_TYPE", "Invalid secure context")
      }
      try sc.add(call.string(1), call.value(2))
      return call.scope.undefined
    },
    Op.crypto("op_tls_new") { rt, call in
      // (context id, isServer, servername or null, ALPN wire bytes or null, requestCert,
      // rejectUnauthorized, session DER or null, wait for SNICallback) → id
      guard let sc = rt.resources.get(call.int(0), as: SecureContext.self) else {
        throw CryptoFailure("TypeError", "ERR_INVALID_ARG_TYPE", "Invalid secure context")
      }
      let isServer = call.bool(1)
      guard let conn = TLSConnection(context: sc, isServer: isServer) else { throw CryptoFailure.openssl() }
      if isServer {
        conn.requestCertificate(call.bool(4), reject: call.bool(5))
        if !call.isNullish(3) { conn.setALPN(call.bytes(3)) }
        conn.waitForSNI = call.bool(7)
      } else {
        if !call.isNullish(2) {
          let name = call.string(2)
          guard fe_ssl_set_host_name(conn.ssl, name) == 1 else { throw CryptoFailure.openssl() }
        }
        if !call.isNullish(3) {
          let wire = call.bytes(3)
          // SSL_set_alpn_protos returns 0 on success.
          guard SSL_set_alpn_protos(conn.ssl, wire, UInt32(wire.count)) == 0 else { throw CryptoFailure.openssl() }
        }
        if !call.isNullish(6) { _ = setSession(conn, call.bytes(6)) }
      }
      return call.scope.number(Double(rt.resources.add(conn)))
    },
    Op("op_tls_pump") { rt, call in
      // (id, bytes read or null) → [bytes for the peer or null, plaintext records or null, flags
      // (1 handshake done, 2 peer sent close_notify, 4 waiting for SNICallback), error or
      // undefined, new sessions or undefined, key log lines or undefined]
      guard let conn = rt.resources.get(call.int(0), as: TLSConnection.self) else { return call.returns(.null) }
      let step: TLSConnection.Step
      if call.isNullish(1) {
        step = conn.pump(nil)
      } else {
        step = call.scope.withBytes(call.arg(1)) { conn.pump($0) }
      }
      let flags = (step.handshakeDone ? 1 : 0) | (step.peerClosed ? 2 : 0) | (step.wantSNI ? 4 : 0)
      var sessions: JSValue = .undefined
      if !conn.newSessions.isEmpty {
        sessions = .array(conn.newSessions.map(JSValue.bytes))
        conn.newSessions.removeAll()
      }
      var keylog: JSValue = .undefined
      if !conn.keylog.isEmpty {
        keylog = .array(conn.keylog.map(JSValue.string))
        conn.keylog.removeAll()
      }
      call.returns(
        JSValue.array([
          step.output.isEmpty ? .null : .bytes(step.output), step.plain.isEmpty ? .null : .array(step.plain.map(JSValue.bytes)),
          .number(Double(flags)), step.failure?.json ?? .undefined, sessions, keylog,
        ]))
    },
    Op.crypto("op_tls_write") { rt, call in
      // (id, plaintext) → the records for the peer
      guard let conn = rt.resources.get(call.int(0), as: TLSConnection.self) else {
        throw CryptoFailure("Error", "ERR_SOCKET_CLOSED", "Socket is closed")
      }
      let out = try call.scope.withBytes(call.arg(1)) { try conn.write($0) }
      return call.scope.bytes(out)
    },
    Op("op_tls_shutdown") { rt, call in
      // (id) → close_notify for the peer, or null
      guard let conn = rt.resources.get(call.int(0), as: TLSConnection.self) else { return call.returns(.null) }
      let out = conn.shutdown()
      call.returns(out.isEmpty ? call.scope.null : call.scope.bytes(out))
    },
    Op("op_tls_use_context") { rt, call in
      // (id, context id or null): SNICallback's answer; the handshake may go on
      guard let conn = rt.resources.get(call.int(0), as: TLSConnection.self) else { return }
      if !call.isNullish(1), let sc = rt.resources.get(call.int(1), as: SecureContext.self) {
        _ = SSL_set_SSL_CTX(conn.ssl, sc.ctx)
      }
      conn.sniDone = true
    },
    Op("op_tls_set_session") { rt, call in
      // (id, session DER) → whether OpenSSL took it
      guard let conn = rt.resources.get(call.int(0), as: TLSConnection.self) else { return call.returns(false) }
      call.returns(setSession(conn, call.bytes(1)))
    },
    Op("op_tls_set_max_send_fragment") { rt, call in
      // (id, size) → whether OpenSSL took it (512 to 16384)
      guard let conn = rt.resources.get(call.int(0), as: TLSConnection.self) else { return call.returns(false) }
      call.returns(SSL_ctrl(conn.ssl, SSL_CTRL_SET_MAX_SEND_FRAGMENT, call.int(1), nil) == 1)
    },
    Op("op_tls_info") { rt, call in
      // (id, what) → one fact about the connection (see `info`)
      guard let conn = rt.resources.get(call.int(0), as: TLSConnection.self) else { return call.returns(.undefined) }
      call.returns(info(conn, call.string(1)))
    },
    Op.crypto("op_tls_export_keying_material") { rt, call in
      // (id, length, label, context bytes or null) → bytes
      guard let conn = rt.resources.get(call.int(0), as: TLSConnection.self) else {
        throw CryptoFailure("Error", "ERR_SOCKET_CLOSED", "Socket is closed")
      }
      var out = [UInt8](repeating: 0, count: call.int(1))
      let label = call.string(2)
      let context: [UInt8]? = call.isNullish(3) ? nil : call.bytes(3)
      let ok = SSL_export_keying_material(
        conn.ssl, &out, out.count, label, label.utf8.count, context ?? [], context?.count ?? 0, context == nil ? 0 : 1)
      guard ok == 1 else { throw CryptoFailure("Error", "ERR_TLS_INVALID_STATE", "TLS socket connection must be securely established") }
      return call.scope.bytes(out)
    },
    Op("op_tls_free") { rt, call in
      // (id): the engine goes (its socket is JS's to close)
      _ = rt.resources.take(call.int(0), as: TLSConnection.self)
    },
    Op("op_tls_context_free") { rt, call in
      _ = rt.resources.take(call.int(0), as: SecureContext.self)
    },
    Op("op_tls_root_certificates") { _, call in
      call.returns(JSValue.array(RootStore.shared.pems.map(JSValue.string)))
    },
    Op("op_tls_ciphers") { _, call in
      // The names OpenSSL would offer with every cipher allowed, TLS 1.3's suites included.
      var names: [JSValue] = []
      if let ctx = SSL_CTX_new(TLS_method()) {
        defer { SSL_CTX_free(ctx) }
        _ = SSL_CTX_set_cipher_list(ctx, "ALL")
        if let ssl = SSL_new(ctx) {
          defer { SSL_free(ssl) }
          if let list = SSL_get_ciphers(ssl) {
            for i in 0..<OPENSSL_sk_num(list) {
              if let c = OPENSSL_sk_value(list, i), let name = SSL_CIPHER_get_name(OpaquePointer(c)) {
                names.append(.string(String(cString: name)))
              }
            }
          }
        }
      }
      ERR_clear_error()
      call.returns(JSValue.array(names))
    },
  ]

  static func setSession(_ conn: TLSConnection, _ der: [UInt8]) -> Bool {
    let session: OpaquePointer? = der.withUnsafeBufferPointer { b in
      var p: UnsafePointer<UInt8>? = b.baseAddress
      return d2i_SSL_SESSION(nil, &p, b.count)
    }
    guard let session else {
      ERR_clear_error()
      return false
    }
    defer { SSL_SESSION_free(session) }
    return SSL_set_session(conn.ssl, session) == 1
  }

  static func der(_ x: OpaquePointer) -> [UInt8]? { try? X509Ops.der(x) }

  static func info(_ conn: TLSConnection, _ what: String) -> JSValue {
    let ssl = conn.ssl
    switch what {
    case "protocol":
      return .string(String(cString: SSL_get_version(ssl)))
    case "cipher":
      guard let c = SSL_get_current_cipher(ssl) else { return .undefined }
      return .object([
        ("name", .string(String(cString: SSL_CIPHER_get_name(c)))),
        ("standardName", .string(SSL_CIPHER_standard_name(c).map { String(cString: $0) } ?? "")),
        ("version", .string(String(cString: SSL_CIPHER_get_version(c)))),
      ])
    case "alpn":
      var data: UnsafePointer<UInt8>? = nil
      var len: UInt32 = 0
      SSL_get0_alpn_selected(ssl, &data, &len)
      guard let data, len > 0 else { return .bool(false) }
      return .string(String(decoding: UnsafeBufferPointer(start: data, count: Int(len)), as: UTF8.self))
    case "servername":
      guard let name = SSL_get_servername(ssl, Int32(TLSEXT_NAMETYPE_host_name)) else { return .bool(false) }
      return .string(String(cString: name))
    case "verifyError":
      guard let (code, text) = conn.verifyError() else { return .null }
      return .array([.string(code), .string(text)])
    case "session":
      guard let s = SSL_get_session(ssl), let der = TLSConnection.sessionDER(s) else { return .undefined }
      return .bytes(der)
    case "reused":
      return .bool(fe_ssl_session_reused(ssl) == 1)
    case "certificate":
      guard let x = SSL_get_certificate(ssl), let d = der(x) else { return .undefined }
      return .bytes(d)
    case "peerCertificates":
      // The peer's certificate, what else it sent, then the rest of the chain it was verified
      // by (the trusted root), each once: getPeerCertificate(true) links them by issuer.
      var ders: [[UInt8]] = []
      // A client that resumed a session has no chain from this handshake: none, as Node.
      if !conn.isServer, OPENSSL_sk_num(SSL_get_peer_cert_chain(ssl)) <= 0 { return .array([]) }
      if let leaf = SSL_get1_peer_certificate(ssl) {
        if let d = der(leaf) { ders.append(d) }
        X509_free(leaf)
      }
      if ders.isEmpty { return .array([]) }
      for stack in [SSL_get_peer_cert_chain(ssl), SSL_get0_verified_chain(ssl)] {
        guard let stack else { continue }
        for i in 0..<OPENSSL_sk_num(stack) {
          guard let x = OPENSSL_sk_value(stack, i), let d = der(OpaquePointer(x)), !ders.contains(d) else { continue }
          ders.append(d)
        }
      }
      return .array(ders.map(JSValue.bytes))
    case "finished", "peerFinished":
      var buf = [UInt8](repeating: 0, count: 128)
      let n = what == "finished" ? SSL_get_finished(ssl, &buf, buf.count) : SSL_get_peer_finished(ssl, &buf, buf.count)
      guard n > 0 else { return .undefined }
      return .bytes(Array(buf.prefix(min(n, buf.count))))
    case "ephemeral":
      var key: OpaquePointer? = nil
      guard !conn.isServer, fe_ssl_get_tmp_key(ssl, &key) == 1, let key else { return .object([]) }
      let k = PKey(key)
      let bits = Double(EVP_PKEY_get_bits(k.raw))
      switch EVP_PKEY_get_base_id(k.raw) {
      case EVP_PKEY_DH:
        return .object([("type", .string("DH")), ("size", .number(bits))])
      case EVP_PKEY_EC:
        let name = AsymmetricKeys.curveName(k) ?? ""
        return .object([("type", .string("ECDH")), ("name", .string(name)), ("size", .number(bits))])
      case EVP_PKEY_X25519:
        return .object([("type", .string("ECDH")), ("name", .string("X25519")), ("size", .number(bits))])
      case EVP_PKEY_X448:
        return .object([("type", .string("ECDH")), ("name", .string("X448")), ("size", .number(bits))])
      default:
        return .object([])
      }
    default:
      return .undefined
    }
  }
}
