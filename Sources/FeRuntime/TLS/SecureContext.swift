import CCrypto
import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Node's SecureContext: one SSL_CTX with its key, certificates, trust and protocol settings,
/// shared by every TLS connection made with it (JS/36-tls.js `createSecureContext`).
final class SecureContext: Resource {
  let ctx: OpaquePointer

  init(_ ctx: OpaquePointer) { self.ctx = ctx }

  // SSL_OP_* are cast macros Swift does not import (ssl.h's SSL_OP_BIT).
  static let noCompression: UInt64 = 1 << 17
  static let serverPreference: UInt64 = 1 << 22
  static let noRenegotiation: UInt64 = 1 << 30
  deinit { SSL_CTX_free(ctx) }

  /// A context built from `createSecureContext`'s options, as _tls_common.js applies them:
  /// protocol range, key and certificate (or PKCS#12), trust (the given CAs, else the root
  /// store), CRLs, ciphers, groups, signature algorithms, options.
  static func make(_ o: JSValue) throws -> SecureContext {
    guard let ctx = SSL_CTX_new(TLS_method()) else { throw CryptoFailure.openssl() }
    let sc = SecureContext(ctx)
    // Node's OpenSSL runs at security level 1; the system's configuration (Debian: level 2)
    // would refuse keys and ciphers Node accepts. A cipher string's @SECLEVEL still rules.
    SSL_CTX_set_security_level(ctx, 1)
    // Node's defaults (crypto_context.cc): no compression, no renegotiation from clients,
    // session ids and tickets for servers, callbacks every connection of ours relies on.
    _ = SSL_CTX_set_options(ctx, SecureContext.noCompression | SecureContext.noRenegotiation)
    _ = fe_ssl_ctx_set_session_cache_mode(ctx, Int(SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_SERVER))
    SSL_CTX_sess_set_new_cb(ctx, TLSConnection.newSessionCallback)
    SSL_CTX_set_alpn_select_cb(ctx, TLSConnection.alpnSelectCallback, nil)
    SSL_CTX_set_keylog_callback(ctx, TLSConnection.keylogCallback)
    if let v = o["minVersion"]?.int, fe_ssl_ctx_set_min_proto(ctx, Int32(v)) != 1 { throw CryptoFailure.openssl() }
    if let v = o["maxVersion"]?.int, fe_ssl_ctx_set_max_proto(ctx, Int32(v)) != 1 { throw CryptoFailure.openssl() }

    if case .array(let certs)? = o["cert"] {
      for c in certs { try sc.useCertificateChain(c.bytes ?? []) }
    }
    if case .array(let keys)? = o["key"] {
      for k in keys { try sc.usePrivateKey(k) }
    }
    if case .array(let pfxs)? = o["pfx"] {
      for p in pfxs { try sc.usePKCS12(p["buf"]?.bytes ?? [], passphrase: p["passphrase"]?.bytes) }
    }
    if case .array(let cas)? = o["ca"] {
      // Given CAs replace the root store (Node's addCACert on a fresh store).
      guard let store = X509_STORE_new() else { throw CryptoFailure.openssl() }
      SSL_CTX_set_cert_store(ctx, store)
      for ca in cas { try sc.addCA(ca.bytes ?? []) }
    } else {
      SSL_CTX_set1_cert_store(ctx, RootStore.shared.store)
    }
    if case .array(let crls)? = o["crl"] {
      for c in crls { try sc.addCRL(c.bytes ?? []) }
    }
    if let list = o["cipherSuites"]?.stringValue, SSL_CTX_set_ciphersuites(ctx, list) != 1 { throw CryptoFailure.openssl() }
    // An empty TLS 1.2 list is allowed (only TLS 1.3 suites), as Node's setCiphers allows it.
    if let list = o["ciphers"]?.stringValue, SSL_CTX_set_cipher_list(ctx, list) != 1, !list.isEmpty {
      // OpenSSL leaves nothing on its queue when no cipher matched; Node's error names it.
      if ERR_peek_error() == 0 {
        var f = CryptoFailure("Error", "ERR_SSL_NO_CIPHER_MATCH", "No cipher match")
        f.library = "SSL routines"
        f.reason = "no cipher match"
        throw f
      }
      throw CryptoFailure.openssl()
    }
    if let curve = o["ecdhCurve"]?.stringValue, curve != "auto" {
      if fe_ssl_ctx_set1_groups_list(ctx, curve) != 1 {
        ERR_clear_error()
        throw CryptoFailure("Error", "ERR_CRYPTO_OPERATION_FAILED", "Failed to set ECDH curve")
      }
    }
    if let algs = o["sigalgs"]?.stringValue, fe_ssl_ctx_set1_sigalgs_list(ctx, algs) != 1 {
      ERR_clear_error()
      throw CryptoFailure("Error", "ERR_CRYPTO_OPERATION_FAILED", "Failed to set signature algorithms")
    }
    if let dh = o["dhparam"] {
      sc.warning = try sc.useDHParam(dh)
    }
    if let opts = o["secureOptions"]?.number, opts > 0 { _ = SSL_CTX_set_options(ctx, UInt64(opts)) }
    if o["honorCipherOrder"]?.bool == true { _ = SSL_CTX_set_options(ctx, SecureContext.serverPreference) }
    if let sid = o["sessionIdContext"]?.bytes, !sid.isEmpty {
      guard SSL_CTX_set_session_id_context(ctx, sid, UInt32(min(sid.count, Int(SSL_MAX_SID_CTX_LENGTH)))) == 1 else {
        throw CryptoFailure.openssl()
      }
    }
    if let t = o["sessionTimeout"]?.int, t > 0 { _ = SSL_CTX_set_timeout(ctx, t) }
    return sc
  }

  /// What Node warns about once the context is made (a weak DH group).
  var warning: String? = nil

  /// `dhparam`: "auto" (OpenSSL picks), or PEM DH parameters. Returns Node's warning, if any.
  func useDHParam(_ v: JSValue) throws -> String? {
    if v.stringValue == "auto" {
      _ = SSL_CTX_ctrl(ctx, SSL_CTRL_SET_DH_AUTO, 1, nil)
      return nil
    }
    let pem = v.bytes ?? []
    guard let params = try MemBIO.reading(pem, { PEM_read_bio_Parameters($0, nil) }) else {
      ERR_clear_error()
      return nil  // Node ignores what holds no parameters
    }
    let bits = EVP_PKEY_get_bits(params)
    if bits < 1024 {
      EVP_PKEY_free(params)
      throw CryptoFailure("TypeError", "ERR_INVALID_ARG_VALUE", "DH parameter is less than 1024 bits")
    }
    guard SSL_CTX_set0_tmp_dh_pkey(ctx, params) == 1 else {
      EVP_PKEY_free(params)
      throw CryptoFailure("Error", "ERR_CRYPTO_OPERATION_FAILED", "Error setting temp DH parameter")
    }
    return bits < 2048 ? "DH parameter is less than 2048 bits" : nil
  }

  /// Node's SecureContext methods after creation (`context.addCACert(pem)` and the like).
  func add(_ what: String, _ v: JSValue) throws {
    switch what {
    case "ca": try addCA(v["pem"]?.bytes ?? [])
    case "cert": try useCertificateChain(v["pem"]?.bytes ?? [])
    case "key": try usePrivateKey(v)
    case "crl": try addCRL(v["pem"]?.bytes ?? [])
    case "root": SSL_CTX_set1_cert_store(ctx, RootStore.shared.store)
    default: throw CryptoFailure("TypeError", "ERR_INVALID_ARG_VALUE", "Unknown secure context setting \(what)")
    }
  }

  /// A PEM certificate chain: the first one is this end's, the rest go out with it.
  func useCertificateChain(_ pem: [UInt8]) throws {
    try MemBIO.reading(pem) { bio in
      guard let leaf = PEM_read_bio_X509_AUX(bio, nil, nil, nil) else { throw CryptoFailure.openssl() }
      defer { X509_free(leaf) }
      guard SSL_CTX_use_certificate(ctx, leaf) == 1 else { throw CryptoFailure.openssl() }
      _ = SSL_CTX_ctrl(ctx, SSL_CTRL_CHAIN, 0, nil)  // SSL_CTX_clear_chain_certs
      while let extra = PEM_read_bio_X509(bio, nil, nil, nil) {
        defer { X509_free(extra) }
        guard fe_ssl_ctx_add_chain_cert(ctx, extra) == 1 else { throw CryptoFailure.openssl() }
      }
      ERR_clear_error()  // the end of the PEM text
    }
  }

  /// `{pem, passphrase}` or `{der}` (a KeyObject's private key).
  func usePrivateKey(_ k: JSValue) throws {
    let key: PKey
    if let der = k["der"]?.bytes {
      key = try AsymmetricKeys.load(der, isPrivate: true)
    } else {
      let pem = k["pem"]?.bytes ?? []
      let pass = k["passphrase"]?.bytes
      key = try withPassphrase(pass) { u in
        try MemBIO.reading(pem) { bio in
          guard let p = PEM_read_bio_PrivateKey(bio, nil, fe_passphrase_callback(), u) else { throw CryptoFailure.openssl() }
          return PKey(p)
        }
      }
    }
    guard SSL_CTX_use_PrivateKey(ctx, key.raw) == 1 else { throw CryptoFailure.openssl() }
  }

  func usePKCS12(_ data: [UInt8], passphrase: [UInt8]?) throws {
    try MemBIO.reading(data) { bio in
      guard let p12 = d2i_PKCS12_bio(bio, nil) else { throw CryptoFailure.openssl() }
      defer { PKCS12_free(p12) }
      var key: OpaquePointer? = nil
      var cert: OpaquePointer? = nil
      var extra: OpaquePointer? = nil
      let pass = (passphrase ?? []) + [0]
      let ok = pass.withUnsafeBufferPointer { p in
        p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pass.count) { PKCS12_parse(p12, $0, &key, &cert, &extra) }
      }
      defer {
        if let key { EVP_PKEY_free(key) }
        if let cert { X509_free(cert) }
        if let extra {
          while OPENSSL_sk_num(extra) > 0 { X509_free(OpaquePointer(OPENSSL_sk_pop(extra))) }
          OPENSSL_sk_free(extra)
        }
      }
      guard ok == 1 else { throw CryptoFailure.openssl() }
      if let cert, SSL_CTX_use_certificate(ctx, cert) != 1 { throw CryptoFailure.openssl() }
      if let key, SSL_CTX_use_PrivateKey(ctx, key) != 1 { throw CryptoFailure.openssl() }
      if let extra {
        for i in 0..<OPENSSL_sk_num(extra) {
          let x = OpaquePointer(OPENSSL_sk_value(extra, i))
          _ = fe_ssl_ctx_add_chain_cert(ctx, x)
          if let store = SSL_CTX_get_cert_store(ctx) { _ = X509_STORE_add_cert(store, x) }
        }
      }
    }
  }

  /// Every certificate in a PEM text becomes trusted (and a CA a server names to its clients).
  func addCA(_ pem: [UInt8]) throws {
    guard let store = SSL_CTX_get_cert_store(ctx) else { throw CryptoFailure.openssl() }
    try MemBIO.reading(pem) { bio in
      while let x = PEM_read_bio_X509_AUX(bio, nil, nil, nil) {
        defer { X509_free(x) }
        _ = X509_STORE_add_cert(store, x)
        _ = SSL_CTX_add_client_CA(ctx, x)
      }
      ERR_clear_error()
    }
  }

  func addCRL(_ pem: [UInt8]) throws {
    guard let store = SSL_CTX_get_cert_store(ctx) else { throw CryptoFailure.openssl() }
    try MemBIO.reading(pem) { bio in
      guard let crl = PEM_read_bio_X509_CRL(bio, nil, nil, nil) else {
        throw CryptoFailure("Error", "ERR_CRYPTO_OPERATION_FAILED", "Failed to parse CRL")
      }
      defer { X509_CRL_free(crl) }
      _ = X509_STORE_add_crl(store, crl)
      _ = X509_STORE_set_flags(store, UInt(X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL))
    }
  }
}

/// Runs `body` with OpenSSL's passphrase callback and its argument (see fe_passphrase).
func withPassphrase<T>(_ pass: [UInt8]?, _ body: (UnsafeMutableRawPointer) throws -> T) throws -> T {
  let bytes = pass ?? []
  return try bytes.withUnsafeBufferPointer { b in
    var p = fe_passphrase(data: b.baseAddress, len: Int32(b.count), present: pass == nil ? 0 : 1, asked: 0)
    return try withUnsafeMutablePointer(to: &p) { try body(UnsafeMutableRawPointer($0)) }
  }
}

/// The certificates trusted when no `ca` is given: the system's bundle (SSL_CERT_FILE's, unless
/// --use-bundled-ca asks for the distribution's own, fe's nearest to Node's compiled-in list;
/// with --use-openssl-ca, OpenSSL's default locations too: SSL_CERT_DIR and its certificate
/// directory), plus the PEM file named by NODE_EXTRA_CA_CERTS (read once, like Node, which warns
/// and goes on when it cannot).
final class RootStore: @unchecked Sendable {
  static let shared = RootStore()
  let store: OpaquePointer
  /// The system's certificates as PEM text, in the bundle's order (tls.rootCertificates).
  private(set) var pems: [String] = []

  static let bundles = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem"]

  private init() {
    store = X509_STORE_new()!
    let options = NodeOptions.current?.jsOptions ?? [:]
    let env = options["--use-bundled-ca"] == .bool(true) ? nil : getenv("SSL_CERT_FILE").map { String(cString: $0) }
    let path = ([env].compactMap { $0 } + RootStore.bundles).first { access($0, R_OK) == 0 }
    if let path, let data = try? FileSystem.read(path) {
      pems = load(data)
    }
    if options["--use-openssl-ca"] == .bool(true) { _ = X509_STORE_set_default_paths(store) }
    // fe's own FE_CA_FILE (which fetch trusts too) counts as NODE_EXTRA_CA_CERTS does.
    for name in ["NODE_EXTRA_CA_CERTS", "FE_CA_FILE"] {
      guard let extra = getenv(name).map({ String(cString: $0) }), !extra.isEmpty else { continue }
      var added = 0
      if let data = try? FileSystem.read(extra) { added = load(data).count }
      if added == 0 {
        let reason = access(extra, R_OK) == 0 ? "no certificate found" : String(cString: strerror(errno))
        warn("Warning: Ignoring extra certs from `\(extra)`, load failed: \(reason)\n")
      }
    }
    ERR_clear_error()
  }

  /// Adds every certificate of a PEM text to the store; returns them as PEM.
  private func load(_ data: [UInt8]) -> [String] {
    var out: [String] = []
    _ = try? MemBIO.reading(data) { bio in
      while let x = PEM_read_bio_X509(bio, nil, nil, nil) {
        defer { X509_free(x) }
        _ = X509_STORE_add_cert(store, x)
        if let pem = try? MemBIO.writing({ PEM_write_bio_X509($0, x) == 1 }) { out.append(String(decoding: pem, as: UTF8.self)) }
      }
    }
    ERR_clear_error()
    return out
  }
}

/// A line on stderr (Node prints this warning before the program runs, not through process).
private func warn(_ text: String) {
  let bytes = Array(text.utf8)
  _ = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
}
