import CCrypto
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Ops behind KeyObject: reading keys in every format Node accepts into the DER a KeyObject
/// holds (`AsymmetricKeys`), writing them out again, their details, and JWK.
enum KeyOps {
  static let all: [Op] = [
    Op.crypto("op_crypto_key_import") { _, call in
      // ({data, format: 'pem'|'der', type, passphrase, private}) → {der, private, type}
      let o = call.value(0)
      let key = try importKey(o)
      return call.scope.make(try describe(key, isPrivate: o["private"]?.bool ?? false))
    },
    Op.crypto("op_crypto_key_export") { _, call in
      // ({der, private}, {format: 'pem'|'der', type, cipher, passphrase}) → string (PEM) or bytes
      let key = try AsymmetricKeys.load(call.value(0))
      let isPrivate = call.value(0)["private"]?.bool ?? false
      let o = call.value(1)
      let pem = o.str("format") != "der"
      let structure: String
      switch (isPrivate, o.str("type")) {
      case (true, "pkcs8"): structure = o.str("cipher") == nil ? "PrivateKeyInfo" : "EncryptedPrivateKeyInfo"
      case (true, "pkcs1"): structure = "type-specific"
      case (true, "sec1"): structure = "type-specific"
      case (false, "pkcs1"): structure = "pkcs1"
      default: structure = isPrivate ? "PrivateKeyInfo" : "SubjectPublicKeyInfo"
      }
      let out = try AsymmetricKeys.encode(
        key, selection: isPrivate ? AsymmetricKeys.selectPrivate : AsymmetricKeys.selectPublic, output: pem ? "PEM" : "DER",
        structure: structure, cipher: o.str("cipher"), passphrase: o["passphrase"]?.bytes)
      return pem ? call.scope.string(String(decoding: out, as: UTF8.self)) : call.scope.bytes(out)
    },
    Op.crypto("op_crypto_key_jwk") { _, call in
      // ({der, private}) → the key's JWK members as bytes (JS base64url-encodes them)
      let key = try AsymmetricKeys.load(call.value(0))
      return call.scope.make(try jwk(key, isPrivate: call.value(0)["private"]?.bool ?? false))
    },
    Op.crypto("op_crypto_key_from_jwk") { _, call in
      // ({kty, crv, n, e, d, p, q, dp, dq, qi, x, y} with members as bytes, private) → {der, private, type}
      let o = call.value(0)
      let isPrivate = o["private"]?.bool ?? false
      return call.scope.make(try describe(try fromJWK(o, isPrivate: isPrivate), isPrivate: isPrivate))
    },
    Op.crypto("op_crypto_key_curve_valid") { _, call in
      call.scope.bool(curveNID(call.string(0)) != nil)
    },
  ] + Op.cryptoDual("op_crypto_keygen") { o in
    { try generate(o) }
  }

  /// A key and what JS keeps of it: its DER, whether it is private, its type and details.
  static func describe(_ key: PKey, isPrivate: Bool) throws -> JSValue {
    guard let type = AsymmetricKeys.typeName(key) else {
      throw CryptoFailure("Error", "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "Unsupported key type")
    }
    let der = isPrivate ? try AsymmetricKeys.privateDER(key) : try AsymmetricKeys.publicDER(key)
    var entries: [(String, JSValue)] = [
      ("der", .bytes(der)), ("private", .bool(isPrivate)), ("type", .string(type)), ("details", AsymmetricKeys.details(key)),
    ]
    if isPrivate { entries.append(("publicDer", .bytes(try AsymmetricKeys.publicDER(key)))) }
    return .object(entries)
  }

  static func importKey(_ o: JSValue) throws -> PKey {
    guard let data = o["data"]?.bytes else { throw CryptoFailure("TypeError", "ERR_INVALID_ARG_TYPE", "Invalid key data") }
    let wantPrivate = o["private"]?.bool ?? false
    let pass: [UInt8]? = o["passphrase"]?.bytes
    let isPEM = o.str("format") != "der"
    let type = o.str("type")
    if isPEM {
      let text = String(decoding: data.prefix(200), as: UTF8.self)
      if wantPrivate {
        return try AsymmetricKeys.decode(data, input: "PEM", structure: nil, selection: AsymmetricKeys.selectPrivate, passphrase: pass)
      }
      // A public key may come as a public key, a certificate or a private key (Node tries them in that order).
      if text.contains("-----BEGIN CERTIFICATE-----") || text.contains("-----BEGIN X509 CERTIFICATE-----") {
        if let k = AsymmetricKeys.certificateKey(data, pem: true) { return k }
        throw CryptoFailure.openssl()
      }
      if text.contains("PUBLIC KEY-----") {
        return try AsymmetricKeys.decode(data, input: "PEM", structure: nil, selection: AsymmetricKeys.selectPublic, passphrase: pass)
      }
      return try AsymmetricKeys.decode(data, input: "PEM", structure: nil, selection: AsymmetricKeys.selectPrivate, passphrase: pass)
    }
    let structure: String?
    var keyType: String? = nil
    switch type {
    case "pkcs8": structure = nil
    case "spki": structure = "SubjectPublicKeyInfo"
    case "pkcs1":
      structure = "type-specific"
      keyType = "RSA"
    case "sec1":
      structure = "type-specific"
      keyType = "EC"
    default: structure = nil
    }
    if wantPrivate || type == "pkcs8" || type == "sec1" || (type == "pkcs1" && !wantPrivate && looksPrivateRSA(data)) {
      return try AsymmetricKeys.decode(
        data, input: "DER", structure: structure, keyType: keyType, selection: AsymmetricKeys.selectPrivate, passphrase: pass)
    }
    return try AsymmetricKeys.decode(
      data, input: "DER", structure: structure, keyType: keyType, selection: AsymmetricKeys.selectPublic, passphrase: pass)
  }

  /// An RSAPrivateKey starts with a version INTEGER 0 where an RSAPublicKey starts with n.
  private static func looksPrivateRSA(_ der: [UInt8]) -> Bool {
    var i = 1
    guard der.count > 4, der[0] == 0x30 else { return false }
    if der[i] & 0x80 != 0 { i += Int(der[i] & 0x7f) }
    i += 1
    return i + 2 < der.count && der[i] == 0x02 && der[i + 1] == 0x01 && der[i + 2] == 0x00
  }

  static func curveNID(_ name: String) -> Int32? {
    var nid = EC_curve_nist2nid(name)
    if nid == NID_undef { nid = OBJ_sn2nid(name) }
    if nid == NID_undef { nid = OBJ_ln2nid(name) }
    guard nid != NID_undef, let group = EC_GROUP_new_by_curve_name(nid) else { return nil }
    EC_GROUP_free(group)
    return nid
  }

  static let jwkCurves: [(jwk: String, nid: Int32, size: Int)] = [
    ("P-256", NID_X9_62_prime256v1, 32), ("secp256k1", NID_secp256k1, 32), ("P-384", NID_secp384r1, 48),
    ("P-521", NID_secp521r1, 66),
  ]

  static func jwk(_ key: PKey, isPrivate: Bool) throws -> JSValue {
    switch AsymmetricKeys.typeName(key) {
    case "rsa":
      var out: [(String, JSValue)] = [("kty", .string("RSA"))]
      let names = [("n", "n"), ("e", "e")]
        + (isPrivate
          ? [
            ("d", "d"), ("p", "rsa-factor1"), ("q", "rsa-factor2"), ("dp", "rsa-exponent1"), ("dq", "rsa-exponent2"),
            ("qi", "rsa-coefficient1"),
          ] : [])
      for (j, p) in names {
        guard let v = AsymmetricKeys.bnParam(key, p) else { throw CryptoFailure.openssl() }
        out.append((j, .bytes(v)))
      }
      return .object(out)
    case "ec":
      guard let curve = AsymmetricKeys.curveName(key), let entry = jwkCurves.first(where: { OBJ_nid2sn($0.nid).map { String(cString: $0) } == curve })
      else {
        throw CryptoFailure("Error", "ERR_CRYPTO_JWK_UNSUPPORTED_CURVE", "Unsupported JWK EC curve: \(AsymmetricKeys.curveName(key) ?? "").")
      }
      guard let x = AsymmetricKeys.bnParam(key, "qx"), let y = AsymmetricKeys.bnParam(key, "qy") else { throw CryptoFailure.openssl() }
      var out: [(String, JSValue)] = [
        ("kty", .string("EC")), ("crv", .string(entry.jwk)), ("x", .bytes(pad(x, entry.size))), ("y", .bytes(pad(y, entry.size))),
      ]
      if isPrivate, let d = AsymmetricKeys.bnParam(key, "priv") { out.append(("d", .bytes(pad(d, entry.size)))) }
      return .object(out)
    case "ed25519", "ed448", "x25519", "x448":
      let crv = ["ed25519": "Ed25519", "ed448": "Ed448", "x25519": "X25519", "x448": "X448"][AsymmetricKeys.typeName(key)!]!
      var len = 0
      EVP_PKEY_get_raw_public_key(key.raw, nil, &len)
      var x = [UInt8](repeating: 0, count: len)
      EVP_PKEY_get_raw_public_key(key.raw, &x, &len)
      var out: [(String, JSValue)] = [("crv", .string(crv)), ("x", .bytes(x)), ("kty", .string("OKP"))]
      if isPrivate {
        EVP_PKEY_get_raw_private_key(key.raw, nil, &len)
        var d = [UInt8](repeating: 0, count: len)
        EVP_PKEY_get_raw_private_key(key.raw, &d, &len)
        out.insert(("d", .bytes(d)), at: 1)
      }
      return .object(out)
    default:
      throw CryptoFailure("TypeError", "ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE", "Unsupported JWK Key Type.")
    }
  }

  private static func pad(_ b: [UInt8], _ n: Int) -> [UInt8] { b.count >= n ? b : [UInt8](repeating: 0, count: n - b.count) + b }

  static func fromJWK(_ o: JSValue, isPrivate: Bool) throws -> PKey {
    let invalid = CryptoFailure("TypeError", "ERR_CRYPTO_INVALID_JWK", "Invalid JWK data")
    switch o.str("kty") {
    case "RSA":
      guard let n = o["n"]?.bytes, let e = o["e"]?.bytes else { throw invalid }
      var members: [(String, [UInt8])] = [("n", n), ("e", e)]
      if isPrivate {
        guard let d = o["d"]?.bytes else { throw invalid }
        members.append(("d", d))
        for (j, p) in [
          ("p", "rsa-factor1"), ("q", "rsa-factor2"), ("dp", "rsa-exponent1"), ("dq", "rsa-exponent2"), ("qi", "rsa-coefficient1"),
        ] {
          guard let v = o[j]?.bytes else { throw invalid }
          members.append((p, v))
        }
      }
      return try fromData("RSA", bignums: members, strings: [], octets: [], isPrivate: isPrivate)
    case "EC":
      guard let crv = o.str("crv"), let entry = jwkCurves.first(where: { $0.jwk == crv }), let x = o["x"]?.bytes,
        let y = o["y"]?.bytes
      else { throw invalid }
      let name = String(cString: OBJ_nid2sn(entry.nid))
      var bignums: [(String, [UInt8])] = []
      if isPrivate {
        guard let d = o["d"]?.bytes else { throw invalid }
        bignums.append(("priv", d))
      }
      let point = [UInt8(4)] + pad(x, entry.size) + pad(y, entry.size)
      return try fromData("EC", bignums: bignums, strings: [("group", name)], octets: [("pub", point)], isPrivate: isPrivate)
    case "OKP":
      let ids: [String: Int32] = ["Ed25519": EVP_PKEY_ED25519, "Ed448": EVP_PKEY_ED448, "X25519": EVP_PKEY_X25519, "X448": EVP_PKEY_X448]
      guard let crv = o.str("crv"), let id = ids[crv], let x = o["x"]?.bytes else { throw invalid }
      let key: OpaquePointer?
      if isPrivate {
        guard let d = o["d"]?.bytes else { throw invalid }
        key = EVP_PKEY_new_raw_private_key(id, nil, d, d.count)
      } else {
        key = EVP_PKEY_new_raw_public_key(id, nil, x, x.count)
      }
      guard let key else { throw invalid }
      return PKey(key)
    default:
      throw CryptoFailure("TypeError", "ERR_CRYPTO_INVALID_JWK", "Invalid JWK data")
    }
  }

  /// A key built from its parameters (EVP_PKEY_fromdata).
  static func fromData(
    _ type: String, bignums: [(String, [UInt8])], strings: [(String, String)], octets: [(String, [UInt8])], isPrivate: Bool
  ) throws -> PKey {
    guard let bld = OSSL_PARAM_BLD_new() else { throw CryptoFailure.openssl() }
    defer { OSSL_PARAM_BLD_free(bld) }
    var bns: [OpaquePointer] = []
    defer { bns.forEach { BN_clear_free($0) } }
    // The builder keeps pointers to names and string values: static names, values copied to C.
    var values: [UnsafeMutablePointer<CChar>] = []
    defer { values.forEach { free($0) } }
    for (name, v) in bignums {
      guard let bn = BigNum.make(v), let key = fe_param_key(name) else { throw CryptoFailure.openssl() }
      bns.append(bn)
      OSSL_PARAM_BLD_push_BN(bld, key, bn)
    }
    for (name, v) in strings {
      guard let key = fe_param_key(name), let value = strdup(v) else { throw CryptoFailure.openssl() }
      values.append(value)
      OSSL_PARAM_BLD_push_utf8_string(bld, key, value, 0)
    }
    for (name, v) in octets {
      guard let key = fe_param_key(name) else { throw CryptoFailure.openssl() }
      OSSL_PARAM_BLD_push_octet_string(bld, key, v, v.count)
    }
    guard let params = OSSL_PARAM_BLD_to_param(bld) else { throw CryptoFailure.openssl() }
    defer { OSSL_PARAM_free(params) }
    guard let ctx = EVP_PKEY_CTX_new_from_name(nil, type, nil) else { throw CryptoFailure.openssl() }
    defer { EVP_PKEY_CTX_free(ctx) }
    var key: OpaquePointer? = nil
    guard EVP_PKEY_fromdata_init(ctx) == 1,
      EVP_PKEY_fromdata(ctx, &key, isPrivate ? AsymmetricKeys.selectPrivate : AsymmetricKeys.selectPublic, params) == 1, let key
    else { throw CryptoFailure("TypeError", "ERR_CRYPTO_INVALID_JWK", "Invalid JWK data") }
    return PKey(key)
  }

  /// Key generation (generateKeyPair): the private key's `describe` record.
  static func generate(_ o: JSValue) throws -> JSValue {
    let type = o.str("type") ?? ""
    var params: PKey? = nil
    let name: String
    switch type {
    case "rsa": name = "RSA"
    case "rsa-pss": name = "RSA-PSS"
    case "dsa": name = "DSA"
    case "ec": name = "EC"
    case "ed25519": name = "ED25519"
    case "ed448": name = "ED448"
    case "x25519": name = "X25519"
    case "x448": name = "X448"
    case "dh": name = "DH"
    default: throw CryptoFailure("TypeError", "ERR_INVALID_ARG_VALUE", "The argument 'type' must be a supported key type. Received '\(type)'")
    }
    if type == "dsa" || (type == "dh" && o["group"] == nil && o["prime"] == nil) {
      // Domain parameters are generated first.
      guard let pctx = EVP_PKEY_CTX_new_from_name(nil, name, nil) else { throw CryptoFailure.openssl() }
      defer { EVP_PKEY_CTX_free(pctx) }
      guard EVP_PKEY_paramgen_init(pctx) == 1 else { throw CryptoFailure.openssl() }
      if type == "dsa" {
        guard EVP_PKEY_CTX_set_dsa_paramgen_bits(pctx, Int32(o["modulusLength"]?.int ?? 2048)) == 1 else { throw CryptoFailure.openssl() }
        if let q = o["divisorLength"]?.int, EVP_PKEY_CTX_set_dsa_paramgen_q_bits(pctx, Int32(q)) != 1 { throw CryptoFailure.openssl() }
      } else {
        guard EVP_PKEY_CTX_set_dh_paramgen_prime_len(pctx, Int32(o["primeLength"]?.int ?? 2048)) == 1,
          EVP_PKEY_CTX_set_dh_paramgen_generator(pctx, Int32(o["generator"]?.int ?? 2)) == 1
        else { throw CryptoFailure.openssl() }
      }
      var p: OpaquePointer? = nil
      guard EVP_PKEY_paramgen(pctx, &p) == 1, let p else { throw CryptoFailure.openssl() }
      params = PKey(p)
    } else if type == "dh", let prime = o["prime"]?.bytes {
      let g = o["generator"]?.int ?? 2
      var gb: [UInt8] = []
      var v = g
      while v > 0 {
        gb.insert(UInt8(v & 0xff), at: 0)
        v >>= 8
      }
      params = try fromData("DH", bignums: [("p", prime), ("g", gb)], strings: [], octets: [], isPrivate: false)
    } else if type == "dh", let group = o.str("group") {
      guard let prime = DHOps.groupPrime(group) else {
        throw CryptoFailure("Error", "ERR_CRYPTO_UNKNOWN_DH_GROUP", "Unknown DH group")
      }
      params = try fromData("DH", bignums: [("p", prime), ("g", [2])], strings: [], octets: [], isPrivate: false)
    }
    let ctx = params.map { EVP_PKEY_CTX_new_from_pkey(nil, $0.raw, nil) } ?? EVP_PKEY_CTX_new_from_name(nil, name, nil)
    guard let ctx else { throw CryptoFailure.openssl() }
    defer { EVP_PKEY_CTX_free(ctx) }
    guard EVP_PKEY_keygen_init(ctx) == 1 else { throw CryptoFailure.openssl() }
    switch type {
    case "rsa", "rsa-pss":
      guard EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, Int32(o["modulusLength"]?.int ?? 2048)) == 1 else { throw CryptoFailure.openssl() }
      if let e = o["publicExponent"]?.number, e != 65537 {
        var eb: [UInt8] = []
        var v = UInt64(e)
        while v > 0 {
          eb.insert(UInt8(v & 0xff), at: 0)
          v >>= 8
        }
        guard let bn = BigNum.make(eb) else { throw CryptoFailure.openssl() }
        defer { BN_free(bn) }
        guard EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx, bn) == 1 else { throw CryptoFailure.openssl() }
      }
      if type == "rsa-pss" {
        if let h = o.str("hashAlgorithm") {
          guard let md = EVP_get_digestbyname(h) else {
            throw CryptoFailure("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid MGF1 digest: \(h)")
          }
          guard EVP_PKEY_CTX_set_rsa_pss_keygen_md(ctx, md) == 1 else { throw CryptoFailure.openssl() }
        }
        if let h = o.str("mgf1HashAlgorithm") {
          guard let md = EVP_get_digestbyname(h) else {
            throw CryptoFailure("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid MGF1 digest: \(h)")
          }
          guard EVP_PKEY_CTX_set_rsa_pss_keygen_mgf1_md(ctx, md) == 1 else { throw CryptoFailure.openssl() }
        }
        if let s = o["saltLength"]?.int, EVP_PKEY_CTX_set_rsa_pss_keygen_saltlen(ctx, Int32(s)) != 1 { throw CryptoFailure.openssl() }
      }
    case "ec":
      let curve = o.str("namedCurve") ?? ""
      guard let nid = curveNID(curve) else { throw CryptoFailure("TypeError", "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name") }
      guard EVP_PKEY_CTX_set_ec_paramgen_curve_nid(ctx, nid) == 1 else { throw CryptoFailure.openssl() }
      let enc = o.str("paramEncoding") == "explicit" ? 0 : Int32(OPENSSL_EC_NAMED_CURVE)
      guard EVP_PKEY_CTX_set_ec_param_enc(ctx, enc) == 1 else { throw CryptoFailure.openssl() }
    default: break
    }
    var key: OpaquePointer? = nil
    guard EVP_PKEY_keygen(ctx, &key) == 1, let key else { throw CryptoFailure.openssl() }
    return try describe(PKey(key), isPrivate: true)
  }
}
