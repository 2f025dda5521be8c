import CCrypto
import FeEngine

/// Asymmetric keys cross into JS as DER: a private key as PKCS#8, a public key as SPKI. A
/// KeyObject holds those bytes and every op parses them again, so JS never holds a native
/// handle a collector would have to free; parsing DER is cheap next to what is done with a key.
enum AsymmetricKeys {
  static let selectPrivate: Int32 = 0x87  // EVP_PKEY_KEYPAIR
  static let selectPublic: Int32 = 0x86  // EVP_PKEY_PUBLIC_KEY

  /// A key from the DER JS holds.
  static func load(_ der: [UInt8], isPrivate: Bool) throws -> PKey {
    try der.withUnsafeBufferPointer { buf in
      var p: UnsafePointer<UInt8>? = buf.baseAddress
      let key = isPrivate ? d2i_AutoPrivateKey(nil, &p, buf.count) : d2i_PUBKEY(nil, &p, buf.count)
      guard let key else { throw CryptoFailure.openssl("Failed to read asymmetric key") }
      return PKey(key)
    }
  }

  /// Reads `{der, private}` (a KeyObject's handle as the JS side passes it).
  static func load(_ v: JSValue?) throws -> PKey {
    guard let v, let der = v["der"]?.bytes else { throw CryptoFailure("TypeError", "ERR_INVALID_ARG_TYPE", "Invalid key object") }
    return try load(der, isPrivate: v["private"]?.bool ?? false)
  }

  static func privateDER(_ key: PKey) throws -> [UInt8] {
    try encode(key, selection: selectPrivate, output: "DER", structure: "PrivateKeyInfo")
  }

  static func publicDER(_ key: PKey) throws -> [UInt8] {
    var out: UnsafeMutablePointer<UInt8>? = nil
    let n = i2d_PUBKEY(key.raw, &out)
    guard n > 0, let out else { throw CryptoFailure.openssl("Failed to encode public key") }
    defer { fe_free(out) }
    return Array(UnsafeBufferPointer(start: out, count: Int(n)))
  }

  /// Serialises with OpenSSL's encoders: output "PEM" or "DER", structure "PrivateKeyInfo",
  /// "EncryptedPrivateKeyInfo", "SubjectPublicKeyInfo", "pkcs1" or "type-specific".
  static func encode(
    _ key: PKey, selection: Int32, output: String, structure: String, cipher: String? = nil, passphrase: [UInt8]? = nil
  ) throws -> [UInt8] {
    guard let ctx = OSSL_ENCODER_CTX_new_for_pkey(key.raw, selection, fe_param_key(output), fe_param_key(structure), nil),
      OSSL_ENCODER_CTX_get_num_encoders(ctx) > 0
    else { throw CryptoFailure.openssl("Failed to encode key") }
    defer { OSSL_ENCODER_CTX_free(ctx) }
    if let cipher {
      guard OSSL_ENCODER_CTX_set_cipher(ctx, cipher, nil) == 1 else { throw CryptoFailure.openssl() }
      let pass = passphrase ?? []
      guard pass.withUnsafeBufferPointer({ OSSL_ENCODER_CTX_set_passphrase(ctx, $0.baseAddress ?? UnsafePointer(bitPattern: 1), $0.count) }) == 1
      else { throw CryptoFailure.openssl() }
    }
    var data: UnsafeMutablePointer<UInt8>? = nil
    var len = 0
    guard OSSL_ENCODER_to_data(ctx, &data, &len) == 1, let data else { throw CryptoFailure.openssl("Failed to encode key") }
    defer { fe_free(data) }
    return Array(UnsafeBufferPointer(start: data, count: len))
  }

  /// Decodes PEM or DER input with OpenSSL's decoders; `structure` narrows what is accepted.
  /// A passphrase-protected key read without a passphrase fails as OpenSSL 3 says (Node 18 with
  /// OpenSSL 3 reports "interrupted or cancelled", not ERR_MISSING_PASSPHRASE).
  static func decode(
    _ data: [UInt8], input: String, structure: String?, keyType: String? = nil, selection: Int32, passphrase: [UInt8]?
  ) throws -> PKey {
    var pkey: OpaquePointer? = nil
    let staticStructure = structure.flatMap { fe_param_key($0) }, staticType = keyType.flatMap { fe_param_key($0) }
    guard let ctx = OSSL_DECODER_CTX_new_for_pkey(&pkey, fe_param_key(input), staticStructure, staticType, selection, nil, nil) else {
      throw CryptoFailure.openssl()
    }
    defer { OSSL_DECODER_CTX_free(ctx) }
    let pass = passphrase ?? []
    return try pass.withUnsafeBufferPointer { passBuf in
      var pp = fe_passphrase(data: passBuf.baseAddress, len: Int32(pass.count), present: passphrase == nil ? 0 : 1, asked: 0)
      return try withUnsafeMutablePointer(to: &pp) { ppPtr in
        OSSL_DECODER_CTX_set_pem_password_cb(ctx, fe_passphrase_callback(), ppPtr)
        let ok = data.withUnsafeBufferPointer { buf -> Bool in
          var p: UnsafePointer<UInt8>? = buf.baseAddress
          var n = buf.count
          return OSSL_DECODER_from_data(ctx, &p, &n) == 1
        }
        guard ok, let pkey else {
          // Node reports a missing passphrase itself for DER input; PEM gets OpenSSL's error.
          if input == "DER", ppPtr.pointee.asked != 0, ppPtr.pointee.present == 0 {
            ERR_clear_error()
            throw CryptoFailure("TypeError", "ERR_MISSING_PASSPHRASE", "Passphrase required for encrypted key")
          }
          // Some legacy PEM keys (DSA traditional format) only OpenSSL's PEM reader takes.
          if input == "PEM", selection == selectPrivate {
            let err = ERR_peek_error()
            let legacy: OpaquePointer? = try? MemBIO.reading(data) {
              PEM_read_bio_PrivateKey($0, nil, fe_passphrase_callback(), ppPtr)
            }
            if let legacy {
              ERR_clear_error()
              return PKey(legacy)
            }
            if err != 0 {
              ERR_clear_error()
              throw CryptoFailure.from(err)
            }
          }
          throw CryptoFailure.openssl("Failed to read asymmetric key")
        }
        return PKey(pkey)
      }
    }
  }

  /// The public key of an X.509 certificate given as PEM or DER.
  static func certificateKey(_ data: [UInt8], pem: Bool) -> PKey? {
    let cert: OpaquePointer? = try? MemBIO.reading(data) { bio in
      pem ? PEM_read_bio_X509(bio, nil, nil, nil) : d2i_X509_bio(bio, nil)
    }
    guard let cert else { return nil }
    defer { X509_free(cert) }
    return X509_get_pubkey(cert).map(PKey.init)
  }

  /// Node's key type name for a key ('rsa', 'rsa-pss', 'ec', 'ed25519', 'dh', ...).
  static func typeName(_ key: PKey) -> String? {
    switch EVP_PKEY_get_base_id(key.raw) {
    case EVP_PKEY_RSA, EVP_PKEY_RSA2: return "rsa"
    case EVP_PKEY_RSA_PSS: return "rsa-pss"
    case EVP_PKEY_DSA: return "dsa"
    case EVP_PKEY_DH: return "dh"
    case EVP_PKEY_DHX: return "dhx"
    case EVP_PKEY_EC: return "ec"
    case EVP_PKEY_ED25519: return "ed25519"
    case EVP_PKEY_ED448: return "ed448"
    case EVP_PKEY_X25519: return "x25519"
    case EVP_PKEY_X448: return "x448"
    default: return nil
    }
  }

  static func bnParam(_ key: PKey, _ name: String) -> [UInt8]? {
    var bn: OpaquePointer? = nil
    guard EVP_PKEY_get_bn_param(key.raw, name, &bn) == 1, let bn else { return nil }
    defer { BN_clear_free(bn) }
    return BigNum.bytes(bn)
  }

  static func stringParam(_ key: PKey, _ name: String) -> String? {
    var buf = [CChar](repeating: 0, count: 128)
    var len = 0
    guard EVP_PKEY_get_utf8_string_param(key.raw, name, &buf, buf.count, &len) == 1 else { return nil }
    return String(cString: buf)
  }

  static func octetParam(_ key: PKey, _ name: String) -> [UInt8]? {
    var len = 0
    guard EVP_PKEY_get_octet_string_param(key.raw, name, nil, 0, &len) == 1 else { return nil }
    var buf = [UInt8](repeating: 0, count: len)
    guard EVP_PKEY_get_octet_string_param(key.raw, name, &buf, len, &len) == 1 else { return nil }
    return Array(buf.prefix(len))
  }

  /// The EC curve's short name (Node's `namedCurve`, e.g. 'prime256v1').
  static func curveName(_ key: PKey) -> String? {
    guard let group = stringParam(key, "group") else { return nil }
    let nid = OBJ_txt2nid(group)
    if nid != NID_undef, let sn = OBJ_nid2sn(nid) { return String(cString: sn) }
    return group
  }

  /// What Node's `asymmetricKeyDetails` holds for a key.
  static func details(_ key: PKey) -> JSValue {
    var out: [(String, JSValue)] = []
    switch typeName(key) {
    case "rsa", "rsa-pss":
      out.append(("modulusLength", .number(Double(EVP_PKEY_get_bits(key.raw)))))
      if let e = bnParam(key, "e") { out.append(("publicExponent", .bytes(e))) }
      if typeName(key) == "rsa-pss", let pss = pssParams(key) { out += pss }
    case "dsa":
      out.append(("modulusLength", .number(Double(EVP_PKEY_get_bits(key.raw)))))
      if let q = bnParam(key, "q") {
        var bits = q.count * 8
        if let first = q.first { bits -= first.leadingZeroBitCount }
        out.append(("divisorLength", .number(Double(bits))))
      }
    case "ec":
      if let c = curveName(key) { out.append(("namedCurve", .string(c))) }
    default: break
    }
    return .object(out)
  }

  /// An RSA-PSS key's restrictions (hash, MGF1 hash, minimum salt length), when it has them.
  private static func pssParams(_ key: PKey) -> [(String, JSValue)]? {
    guard let rsa = EVP_PKEY_get0_RSA(key.raw), let params = RSA_get0_pss_params(rsa) else { return nil }
    var out: [(String, JSValue)] = []
    let hash = params.pointee.hashAlgorithm.map { String(cString: OBJ_nid2ln(OBJ_obj2nid($0.pointee.algorithm))) } ?? "sha1"
    out.append(("hashAlgorithm", .string(hash)))
    var mgf1 = "sha1"
    if let mgf = params.pointee.maskHash { mgf1 = String(cString: OBJ_nid2ln(OBJ_obj2nid(mgf.pointee.algorithm))) }
    out.append(("mgf1HashAlgorithm", .string(mgf1)))
    let salt = params.pointee.saltLength.map { ASN1_INTEGER_get($0) } ?? 20
    out.append(("saltLength", .number(Double(salt))))
    return out
  }
}
