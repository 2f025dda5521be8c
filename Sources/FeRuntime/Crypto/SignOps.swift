import CCrypto
import FeEngine

/// Ops for signatures (sign/verify, one-shot over the whole message as Node's Sign accumulates
/// it), RSA encryption (publicEncrypt and friends) and key agreement (diffieHellman).
enum SignOps {
  static let all: [Op] = [
    Op.crypto("op_crypto_sign") { _, call in
      // ({key, digest, data, padding, saltLength, dsaEncoding}) → signature bytes
      let o = call.value(0)
      return call.scope.bytes(try sign(o))
    },
    Op.crypto("op_crypto_verify") { _, call in
      // ({key, digest, data, signature, padding, saltLength, dsaEncoding}) → bool
      call.scope.bool(try verify(call.value(0)))
    },
    Op.crypto("op_crypto_pkey_crypt") { _, call in
      // ({key, op: 'encrypt'|'decrypt'|'sign'|'recover', padding, oaepHash, oaepLabel, data}) → bytes
      call.scope.bytes(try crypt(call.value(0)))
    },
    Op.crypto("op_crypto_derive") { _, call in
      // ({privateKey}, {publicKey}) → the shared secret
      let priv = try AsymmetricKeys.load(call.value(0)), pub = try AsymmetricKeys.load(call.value(1))
      return call.scope.bytes(try derive(priv, pub))
    },
  ]

  static func derive(_ priv: PKey, _ pub: PKey) throws -> [UInt8] {
    guard let ctx = EVP_PKEY_CTX_new(priv.raw, nil) else { throw CryptoFailure.openssl() }
    defer { EVP_PKEY_CTX_free(ctx) }
    var len = 0
    guard EVP_PKEY_derive_init(ctx) == 1, EVP_PKEY_derive_set_peer(ctx, pub.raw) == 1 else { throw CryptoFailure.openssl() }
    // A DH secret keeps the prime's length (leading zeros included), as Node returns it.
    if AsymmetricKeys.typeName(priv) == "dh" { EVP_PKEY_CTX_set_dh_pad(ctx, 1) }
    guard EVP_PKEY_derive(ctx, nil, &len) == 1 else { throw CryptoFailure.openssl() }
    var out = [UInt8](repeating: 0, count: len)
    guard EVP_PKEY_derive(ctx, &out, &len) == 1 else { throw CryptoFailure.openssl() }
    return Array(out.prefix(len))
  }

  private static func setPadding(_ pctx: OpaquePointer, _ o: JSValue, key: PKey) throws {
    let isRSA = ["rsa", "rsa-pss"].contains(AsymmetricKeys.typeName(key) ?? "")
    if let padding = o["padding"]?.int, isRSA {
      guard EVP_PKEY_CTX_set_rsa_padding(pctx, Int32(padding)) == 1 else { throw CryptoFailure.openssl() }
    } else if AsymmetricKeys.typeName(key) == "rsa-pss" {
      guard EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 else { throw CryptoFailure.openssl() }
    }
    if let salt = o["saltLength"]?.int, isRSA {
      guard EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, Int32(salt)) == 1 else { throw CryptoFailure.openssl() }
    }
  }

  private static func digest(_ o: JSValue) throws -> OpaquePointer? {
    guard let name = o.str("digest") else { return nil }
    guard let md = DigestAlgorithms.shared.md(name) else {
      throw CryptoFailure("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: \(name)")
    }
    return md
  }

  /// The size of r and s in an IEEE P1363 signature for a (EC)DSA key.
  private static func p1363Half(_ key: PKey) -> Int {
    if AsymmetricKeys.typeName(key) == "dsa", let q = AsymmetricKeys.bnParam(key, "q") { return q.count }
    return (Int(EVP_PKEY_get_bits(key.raw)) + 7) / 8
  }

  private static func usesDSAEncoding(_ key: PKey, _ o: JSValue) -> Bool {
    o.str("dsaEncoding") == "ieee-p1363" && ["ec", "dsa"].contains(AsymmetricKeys.typeName(key) ?? "")
  }

  /// Sign and Verify objects (createSign) hash first, then hand the digest to EVP_PKEY_sign with
  /// the RSA options applied before the digest is: Node's order, which decides which error shows.
  private static func pkeyContext(_ key: PKey, _ o: JSValue, md: OpaquePointer?, verify: Bool) throws -> (OpaquePointer, [UInt8]) {
    let data = o["data"]?.bytes ?? []
    var digestBytes = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var dlen: UInt32 = 0
    guard EVP_Digest(data, data.count, &digestBytes, &dlen, md, nil) == 1 else { throw CryptoFailure.openssl() }
    guard let ctx = EVP_PKEY_CTX_new(key.raw, nil) else { throw CryptoFailure.openssl() }
    guard (verify ? EVP_PKEY_verify_init(ctx) : EVP_PKEY_sign_init(ctx)) == 1 else {
      EVP_PKEY_CTX_free(ctx)
      throw CryptoFailure.openssl()
    }
    do {
      try setPadding(ctx, o, key: key)
      guard EVP_PKEY_CTX_set_signature_md(ctx, md) == 1 else { throw CryptoFailure.openssl() }
    } catch {
      EVP_PKEY_CTX_free(ctx)
      throw error
    }
    return (ctx, Array(digestBytes.prefix(Int(dlen))))
  }

  static func sign(_ o: JSValue) throws -> [UInt8] {
    let key = try AsymmetricKeys.load(o["key"])
    guard o["key"]?["private"]?.bool == true else {
      throw CryptoFailure("TypeError", "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "Invalid key object type public, expected private.")
    }
    let md = try digest(o)
    if o["stream"]?.bool == true, md != nil {
      let (ctx, digest) = try pkeyContext(key, o, md: md, verify: false)
      defer { EVP_PKEY_CTX_free(ctx) }
      var len = 0
      guard EVP_PKEY_sign(ctx, nil, &len, digest, digest.count) == 1 else { throw CryptoFailure.openssl() }
      var sig = [UInt8](repeating: 0, count: len)
      guard EVP_PKEY_sign(ctx, &sig, &len, digest, digest.count) == 1 else { throw CryptoFailure.openssl() }
      sig = Array(sig.prefix(len))
      return usesDSAEncoding(key, o) ? try derToP1363(sig, half: p1363Half(key)) : sig
    }
    let data = o["data"]?.bytes ?? []
    guard let mctx = EVP_MD_CTX_new() else { throw CryptoFailure.openssl() }
    defer { EVP_MD_CTX_free(mctx) }
    var pctx: OpaquePointer? = nil
    guard EVP_DigestSignInit(mctx, &pctx, md, nil, key.raw) == 1, let pctx else { throw CryptoFailure.openssl() }
    try setPadding(pctx, o, key: key)
    var len = 0
    guard data.withUnsafeBufferPointer({ EVP_DigestSign(mctx, nil, &len, $0.baseAddress ?? UnsafePointer(bitPattern: 1), data.count) }) == 1
    else { throw CryptoFailure.openssl() }
    var sig = [UInt8](repeating: 0, count: len)
    guard data.withUnsafeBufferPointer({ EVP_DigestSign(mctx, &sig, &len, $0.baseAddress ?? UnsafePointer(bitPattern: 1), data.count) }) == 1
    else { throw CryptoFailure.openssl() }
    sig = Array(sig.prefix(len))
    if usesDSAEncoding(key, o) { return try derToP1363(sig, half: p1363Half(key)) }
    return sig
  }

  static func verify(_ o: JSValue) throws -> Bool {
    let key = try AsymmetricKeys.load(o["key"])
    let md = try digest(o)
    let data = o["data"]?.bytes ?? []
    var sig = o["signature"]?.bytes ?? []
    if usesDSAEncoding(key, o) {
      guard let der = p1363ToDER(sig, half: p1363Half(key)) else { return false }
      sig = der
    }
    if o["stream"]?.bool == true, md != nil {
      let (ctx, digest) = try pkeyContext(key, o, md: md, verify: true)
      defer { EVP_PKEY_CTX_free(ctx) }
      let r = EVP_PKEY_verify(ctx, sig, sig.count, digest, digest.count)
      ERR_clear_error()
      return r == 1
    }
    guard let mctx = EVP_MD_CTX_new() else { throw CryptoFailure.openssl() }
    defer { EVP_MD_CTX_free(mctx) }
    var pctx: OpaquePointer? = nil
    guard EVP_DigestVerifyInit(mctx, &pctx, md, nil, key.raw) == 1, let pctx else { throw CryptoFailure.openssl() }
    try setPadding(pctx, o, key: key)
    let r = data.withUnsafeBufferPointer { d in
      EVP_DigestVerify(mctx, sig, sig.count, d.baseAddress ?? UnsafePointer(bitPattern: 1), data.count)
    }
    ERR_clear_error()
    return r == 1
  }

  static func derToP1363(_ der: [UInt8], half: Int) throws -> [UInt8] {
    var p: UnsafePointer<UInt8>? = nil
    return try der.withUnsafeBufferPointer { buf in
      p = buf.baseAddress
      guard let sig = d2i_ECDSA_SIG(nil, &p, der.count) else { throw CryptoFailure.openssl() }
      defer { ECDSA_SIG_free(sig) }
      return BigNum.bytes(ECDSA_SIG_get0_r(sig), pad: half) + BigNum.bytes(ECDSA_SIG_get0_s(sig), pad: half)
    }
  }

  static func p1363ToDER(_ raw: [UInt8], half: Int) -> [UInt8]? {
    guard raw.count == 2 * half, let sig = ECDSA_SIG_new() else { return nil }
    defer { ECDSA_SIG_free(sig) }
    guard let r = BigNum.make(Array(raw[..<half])), let s = BigNum.make(Array(raw[half...])) else { return nil }
    ECDSA_SIG_set0(sig, r, s)
    var out: UnsafeMutablePointer<UInt8>? = nil
    let n = i2d_ECDSA_SIG(sig, &out)
    guard n > 0, let out else { return nil }
    defer { fe_free(out) }
    return Array(UnsafeBufferPointer(start: out, count: Int(n)))
  }

  static func crypt(_ o: JSValue) throws -> [UInt8] {
    let key = try AsymmetricKeys.load(o["key"])
    let data = o["data"]?.bytes ?? []
    guard let ctx = EVP_PKEY_CTX_new(key.raw, nil) else { throw CryptoFailure.openssl() }
    defer { EVP_PKEY_CTX_free(ctx) }
    let op = o.str("op") ?? ""
    let initOK: Int32
    switch op {
    case "encrypt": initOK = EVP_PKEY_encrypt_init(ctx)
    case "decrypt": initOK = EVP_PKEY_decrypt_init(ctx)
    case "sign": initOK = EVP_PKEY_sign_init(ctx)
    default: initOK = EVP_PKEY_verify_recover_init(ctx)
    }
    guard initOK == 1 else { throw CryptoFailure.openssl() }
    let padding = Int32(o["padding"]?.int ?? Int(RSA_PKCS1_PADDING))
    if op == "decrypt" && padding == RSA_PKCS1_PADDING && EVP_PKEY_CTX_ctrl_str(ctx, "rsa_pkcs1_implicit_rejection", "1") <= 0 {
      // Node 18.20 refuses PKCS#1 v1.5 decryption unless OpenSSL rejects implicitly (CVE-2023-46809).
      ERR_clear_error()
      throw CryptoFailure(
        "TypeError", "ERR_INVALID_ARG_VALUE",
        "RSA_PKCS1_PADDING is no longer supported for private decryption, this can be reverted with --security-revert=CVE-2023-46809")
    }
    guard EVP_PKEY_CTX_set_rsa_padding(ctx, padding) == 1 else { throw CryptoFailure.openssl() }
    if padding == RSA_PKCS1_OAEP_PADDING {
      if let h = o.str("oaepHash") {
        guard let md = DigestAlgorithms.shared.md(h) else {
          throw CryptoFailure("TypeError", "ERR_OSSL_EVP_INVALID_DIGEST", "Invalid digest used")
        }
        guard EVP_PKEY_CTX_set_rsa_oaep_md(ctx, md) == 1 else { throw CryptoFailure.openssl() }
      }
      if let label = o["oaepLabel"]?.bytes, !label.isEmpty {
        // OpenSSL takes ownership of the label.
        guard let copy = CRYPTO_malloc(label.count, #file, #line) else { throw CryptoFailure.openssl() }
        label.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: label.count) }
        guard EVP_PKEY_CTX_set0_rsa_oaep_label(ctx, copy, Int32(label.count)) == 1 else {
          CRYPTO_free(copy, #file, #line)
          throw CryptoFailure.openssl()
        }
      }
    }
    func run(_ out: UnsafeMutablePointer<UInt8>?, _ len: inout Int) -> Int32 {
      data.withUnsafeBufferPointer { d in
        let p = d.baseAddress ?? UnsafePointer(bitPattern: 1)
        switch op {
        case "encrypt": return EVP_PKEY_encrypt(ctx, out, &len, p, data.count)
        case "decrypt": return EVP_PKEY_decrypt(ctx, out, &len, p, data.count)
        case "sign": return EVP_PKEY_sign(ctx, out, &len, p, data.count)
        default: return EVP_PKEY_verify_recover(ctx, out, &len, p, data.count)
        }
      }
    }
    var len = 0
    guard run(nil, &len) == 1 else { throw CryptoFailure.openssl() }
    var out = [UInt8](repeating: 0, count: len)
    guard out.withUnsafeMutableBufferPointer({ run($0.baseAddress, &len) }) == 1 else { throw CryptoFailure.openssl() }
    return Array(out.prefix(len))
  }
}
