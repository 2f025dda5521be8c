import CCrypto
import FeEngine

/// One TLS connection's engine: an OpenSSL SSL object between two memory BIOs. It never touches
/// a socket: JS feeds it what the transport read (`pump`) and sends what it returns, so the
/// socket I/O stays with net's handles on fe's poll loop (Node's TLSWrap over a StreamBase).
final class TLSConnection: Resource {
  let ssl: OpaquePointer
  private let rbio: OpaquePointer
  private let wbio: OpaquePointer
  let isServer: Bool
  var handshakeDone = false
  /// Server: the handshake pauses at the certificate step until JS's SNICallback has chosen a
  /// context (`sniDone`).
  var waitForSNI = false
  var sniDone = false
  /// Server: the ALPN protocols it accepts, in wire format (length-prefixed), by preference.
  /// Kept outside Swift's arrays: the protocol OpenSSL selects points into it.
  private(set) var alpn: UnsafeMutableBufferPointer<UInt8>? = nil
  /// Client: sessions the server handed out since JS last asked (DER).
  var newSessions: [[UInt8]] = []
  /// NSS key log lines since JS last asked ('keylog' events).
  var keylog: [String] = []

  init?(context: SecureContext, isServer: Bool) {
    guard let ssl = SSL_new(context.ctx), let r = BIO_new(BIO_s_mem()), let w = BIO_new(BIO_s_mem()) else { return nil }
    // An empty memory BIO means "nothing yet", not end of stream.
    _ = BIO_ctrl(r, BIO_C_SET_BUF_MEM_EOF_RETURN, -1, nil)
    _ = BIO_ctrl(w, BIO_C_SET_BUF_MEM_EOF_RETURN, -1, nil)
    SSL_set_bio(ssl, r, w)
    self.ssl = ssl
    self.rbio = r
    self.wbio = w
    self.isServer = isServer
    _ = SSL_set_ex_data(ssl, 0, Unmanaged.passUnretained(self).toOpaque())
    if isServer {
      SSL_set_accept_state(ssl)
      SSL_set_cert_cb(ssl, TLSConnection.certCallback, nil)
    } else {
      SSL_set_connect_state(ssl)
      // Verification runs to the end of the chain whatever it finds (the last error is the one
      // Node reports, e.g. UNABLE_TO_VERIFY_LEAF_SIGNATURE); JS judges the verdict afterwards.
      SSL_set_verify(ssl, SSL_VERIFY_NONE, TLSConnection.acceptAnyCallback)
    }
  }

  deinit {
    SSL_free(ssl)
    alpn?.deallocate()
  }

  func setALPN(_ wire: [UInt8]) {
    alpn?.deallocate()
    let b = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: wire.count)
    _ = b.initialize(from: wire)
    alpn = b
  }

  static func of(_ ssl: OpaquePointer?) -> TLSConnection? {
    guard let ssl, let p = SSL_get_ex_data(ssl, 0) else { return nil }
    return Unmanaged<TLSConnection>.fromOpaque(p).takeUnretainedValue()
  }

  /// Server: whether to ask for a client certificate and whether a missing one fails the
  /// handshake. A bad one never does here: JS reads the verdict (`verifyError`) and decides.
  func requestCertificate(_ request: Bool, reject: Bool) {
    var mode = SSL_VERIFY_NONE
    if request {
      mode = SSL_VERIFY_PEER
      if reject { mode |= SSL_VERIFY_FAIL_IF_NO_PEER_CERT }
    }
    SSL_set_verify(ssl, mode, TLSConnection.acceptAnyCallback)
  }

  static let acceptAnyCallback: @convention(c) (Int32, OpaquePointer?) -> Int32 = { _, _ in 1 }

  static let certCallback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Int32 = { ssl, _ in
    guard let conn = TLSConnection.of(ssl) else { return 1 }
    return conn.waitForSNI && !conn.sniDone ? -1 : 1
  }

  static let newSessionCallback: @convention(c) (OpaquePointer?, OpaquePointer?) -> Int32 = { ssl, session in
    guard let conn = TLSConnection.of(ssl), !conn.isServer, let session else { return 0 }
    if let der = sessionDER(session) { conn.newSessions.append(der) }
    return 0
  }

  static let keylogCallback: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> Void = { ssl, line in
    guard let conn = TLSConnection.of(ssl), let line else { return }
    conn.keylog.append(String(cString: line))
  }

  static let alpnSelectCallback:
    @convention(c) (
      OpaquePointer?, UnsafeMutablePointer<UnsafePointer<UInt8>?>?, UnsafeMutablePointer<UInt8>?, UnsafePointer<UInt8>?, UInt32,
      UnsafeMutableRawPointer?
    ) -> Int32 = { ssl, out, outlen, inp, inlen, _ in
      guard let conn = TLSConnection.of(ssl), let server = conn.alpn, server.count > 0 else { return SSL_TLSEXT_ERR_NOACK }
      var chosen: UnsafeMutablePointer<UInt8>? = nil
      var len: UInt8 = 0
      let r = SSL_select_next_proto(&chosen, &len, server.baseAddress, UInt32(server.count), inp, inlen)
      out?.pointee = UnsafePointer(chosen)
      outlen?.pointee = len
      return r == OPENSSL_NPN_NEGOTIATED ? SSL_TLSEXT_ERR_OK : SSL_TLSEXT_ERR_NOACK
    }

  static func sessionDER(_ session: OpaquePointer) -> [UInt8]? {
    let n = i2d_SSL_SESSION(session, nil)
    guard n > 0 else { return nil }
    var out = [UInt8](repeating: 0, count: Int(n))
    out.withUnsafeMutableBufferPointer { b in
      var p: UnsafeMutablePointer<UInt8>? = b.baseAddress
      _ = i2d_SSL_SESSION(session, &p)
    }
    return out
  }

  /// What one `pump` produced.
  struct Step {
    var output: [UInt8] = []
    /// Plaintext, one chunk per record read (as Node's reads deliver it).
    var plain: [[UInt8]] = []
    var handshakeDone = false
    var peerClosed = false
    var wantSNI = false
    var failure: CryptoFailure? = nil
  }

  /// Feeds bytes the transport read (if any), moves the handshake on, and reads what plaintext
  /// has arrived. The output holds what must go to the peer (handshake records, alerts, tickets).
  func pump(_ input: UnsafeRawBufferPointer?) -> Step {
    ERR_clear_error()
    var step = Step()
    if let input, input.count > 0 { _ = BIO_write(rbio, input.baseAddress, Int32(input.count)) }
    if !handshakeDone {
      let r = SSL_do_handshake(ssl)
      if r == 1 {
        handshakeDone = true
        step.handshakeDone = true
      } else {
        switch SSL_get_error(ssl, r) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE: break
        case SSL_ERROR_WANT_X509_LOOKUP: step.wantSNI = true
        case SSL_ERROR_ZERO_RETURN: step.peerClosed = true
        default: step.failure = TLSConnection.failure()
        }
      }
    }
    if handshakeDone && step.failure == nil {
      var buffer = [UInt8](repeating: 0, count: 16384)
      while true {
        let n = buffer.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32($0.count)) }
        if n > 0 {
          step.plain.append(Array(buffer[0..<Int(n)]))
          continue
        }
        switch SSL_get_error(ssl, n) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE: break
        case SSL_ERROR_ZERO_RETURN: step.peerClosed = true
        default: step.failure = TLSConnection.failure()
        }
        break
      }
    }
    step.output = drain()
    return step
  }

  /// Encrypts plaintext for the peer.
  func write(_ bytes: UnsafeRawBufferPointer) throws -> [UInt8] {
    ERR_clear_error()
    var offset = 0
    while offset < bytes.count {
      let n = SSL_write(ssl, bytes.baseAddress! + offset, Int32(min(bytes.count - offset, 1 << 30)))
      if n <= 0 { throw TLSConnection.failure() }
      offset += Int(n)
    }
    return drain()
  }

  /// Sends close_notify: what goes to the peer.
  func shutdown() -> [UInt8] {
    ERR_clear_error()
    if handshakeDone { _ = SSL_shutdown(ssl) }
    ERR_clear_error()
    return drain()
  }

  func drain() -> [UInt8] {
    var p: UnsafePointer<UInt8>? = nil
    let n = fe_bio_mem(wbio, &p)
    guard n > 0, let p else { return [] }
    let out = Array(UnsafeBufferPointer(start: p, count: n))
    _ = BIO_ctrl(wbio, BIO_CTRL_RESET, 0, nil)
    return out
  }

  /// The error OpenSSL reports for a failed step, as Node names it (ERR_SSL_<REASON>).
  static func failure() -> CryptoFailure {
    let err = ERR_peek_error()
    if err == 0 {
      return CryptoFailure("Error", "ERR_SSL_PROTOCOL_ERROR", "TLS protocol error")
    }
    return CryptoFailure.openssl()
  }

  /// The peer's certificate verdict: nil when trusted, else Node's code and OpenSSL's text.
  func verifyError() -> (String, String)? {
    let peer = SSL_get1_peer_certificate(ssl)
    defer { if let peer { X509_free(peer) } }
    var code = Int32(SSL_get_verify_result(ssl))
    if peer == nil {
      // No certificate at all: Node's VerifyPeerCertificate default.
      code = X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT
    }
    if code == X509_V_OK { return nil }
    let text = String(cString: X509_verify_cert_error_string(Int(code)))
    return (TLSConnection.verifyCodes[code] ?? "UNSPECIFIED", text)
  }

  /// X509_V_ERR_* by number, named as Node names them (the constant without its prefix).
  static let verifyCodes: [Int32: String] = [
    X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT: "UNABLE_TO_GET_ISSUER_CERT",
    X509_V_ERR_UNABLE_TO_GET_CRL: "UNABLE_TO_GET_CRL",
    X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE: "UNABLE_TO_DECRYPT_CERT_SIGNATURE",
    X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE: "UNABLE_TO_DECRYPT_CRL_SIGNATURE",
    X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY",
    X509_V_ERR_CERT_SIGNATURE_FAILURE: "CERT_SIGNATURE_FAILURE",
    X509_V_ERR_CRL_SIGNATURE_FAILURE: "CRL_SIGNATURE_FAILURE",
    X509_V_ERR_CERT_NOT_YET_VALID: "CERT_NOT_YET_VALID",
    X509_V_ERR_CERT_HAS_EXPIRED: "CERT_HAS_EXPIRED",
    X509_V_ERR_CRL_NOT_YET_VALID: "CRL_NOT_YET_VALID",
    X509_V_ERR_CRL_HAS_EXPIRED: "CRL_HAS_EXPIRED",
    X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD: "ERROR_IN_CERT_NOT_BEFORE_FIELD",
    X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD: "ERROR_IN_CERT_NOT_AFTER_FIELD",
    X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD: "ERROR_IN_CRL_LAST_UPDATE_FIELD",
    X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD: "ERROR_IN_CRL_NEXT_UPDATE_FIELD",
    X509_V_ERR_OUT_OF_MEM: "OUT_OF_MEM",
    X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT: "DEPTH_ZERO_SELF_SIGNED_CERT",
    X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN: "SELF_SIGNED_CERT_IN_CHAIN",
    X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE: "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    X509_V_ERR_CERT_CHAIN_TOO_LONG: "CERT_CHAIN_TOO_LONG",
    X509_V_ERR_CERT_REVOKED: "CERT_REVOKED",
    X509_V_ERR_INVALID_CA: "INVALID_CA",
    X509_V_ERR_PATH_LENGTH_EXCEEDED: "PATH_LENGTH_EXCEEDED",
    X509_V_ERR_INVALID_PURPOSE: "INVALID_PURPOSE",
    X509_V_ERR_CERT_UNTRUSTED: "CERT_UNTRUSTED",
    X509_V_ERR_CERT_REJECTED: "CERT_REJECTED",
    X509_V_ERR_HOSTNAME_MISMATCH: "HOSTNAME_MISMATCH",
  ]
}
