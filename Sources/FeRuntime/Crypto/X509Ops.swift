import CCrypto
import FeEngine

/// Ops behind X509Certificate and TLS's getPeerCertificate: a certificate crosses into JS as its
/// DER bytes and is parsed again per op (as keys are).
enum X509Ops {
  static let all: [Op] = [
    Op.crypto("op_crypto_x509_parse") { _, call in
      // (PEM or DER bytes) → DER of the first certificate
      let data = call.bytes(0)
      let cert = try parse(data)
      defer { X509_free(cert) }
      return call.scope.bytes(try der(cert))
    },
    Op.crypto("op_crypto_x509_info") { _, call in
      // (der) → the fields X509Certificate exposes
      let cert = try parse(call.bytes(0))
      defer { X509_free(cert) }
      return call.scope.make(try info(cert))
    },
    Op.crypto("op_crypto_x509_check") { _, call in
      // (der, 'host'|'email'|'ip', name, flags) → the matched name, or undefined
      let cert = try parse(call.bytes(0))
      defer { X509_free(cert) }
      let name = call.string(2)
      let flags = UInt32(call.int(3))
      switch call.string(1) {
      case "host":
        var peer: UnsafeMutablePointer<CChar>? = nil
        let r = X509_check_host(cert, name, name.utf8.count, flags, &peer)
        if r == 1 {
          defer { if let peer { fe_free(peer) } }
          return call.scope.string(peer.map { String(cString: $0) } ?? name)
        }
      case "email":
        if X509_check_email(cert, name, name.utf8.count, flags) == 1 { return call.scope.string(name) }
      default:
        if X509_check_ip_asc(cert, name, flags) == 1 { return call.scope.string(name) }
      }
      return call.scope.undefined
    },
    Op.crypto("op_crypto_x509_issued") { _, call in
      // (der, issuer der) → whether the second issued the first
      let cert = try parse(call.bytes(0)), issuer = try parse(call.bytes(1))
      defer {
        X509_free(cert)
        X509_free(issuer)
      }
      return call.scope.bool(X509_check_issued(issuer, cert) == X509_V_OK)
    },
    Op.crypto("op_crypto_x509_verify") { _, call in
      // (der, {der, private}) → whether the key verifies the certificate's signature
      let cert = try parse(call.bytes(0))
      defer { X509_free(cert) }
      let key = try AsymmetricKeys.load(call.value(1))
      let ok = X509_verify(cert, key.raw) == 1
      ERR_clear_error()
      return call.scope.bool(ok)
    },
    Op.crypto("op_crypto_x509_check_private") { _, call in
      let cert = try parse(call.bytes(0))
      defer { X509_free(cert) }
      let key = try AsymmetricKeys.load(call.value(1))
      let ok = X509_check_private_key(cert, key.raw) == 1
      ERR_clear_error()
      return call.scope.bool(ok)
    },
  ]

  static func parse(_ data: [UInt8]) throws -> OpaquePointer {
    let isPEM = data.starts(with: Array("-----".utf8)) || String(decoding: data.prefix(64), as: UTF8.self).contains("-----BEGIN")
    let cert: OpaquePointer? = try MemBIO.reading(data) { bio in
      isPEM ? PEM_read_bio_X509_AUX(bio, nil, nil, nil) : d2i_X509_bio(bio, nil)
    }
    guard let cert else { throw CryptoFailure.openssl("Failed to parse certificate") }
    return cert
  }

  static func der(_ cert: OpaquePointer) throws -> [UInt8] {
    var out: UnsafeMutablePointer<UInt8>? = nil
    let n = i2d_X509(cert, &out)
    guard n > 0, let out else { throw CryptoFailure.openssl() }
    defer { fe_free(out) }
    return Array(UnsafeBufferPointer(start: out, count: Int(n)))
  }

  static let multiline = UInt(ASN1_STRFLGS_ESC_2253 | ASN1_STRFLGS_ESC_CTRL | ASN1_STRFLGS_UTF8_CONVERT) | UInt(XN_FLAG_SEP_MULTILINE)
    | UInt(XN_FLAG_FN_SN)

  static func nameText(_ name: OpaquePointer?) -> String? {
    guard let name else { return nil }
    let out = try? MemBIO.writing { X509_NAME_print_ex($0, name, 0, multiline) >= 0 }
    return out.map { String(decoding: $0, as: UTF8.self) }
  }

  /// A name as Node's legacy object: { C: 'US', OU: ['a', 'b'], ... }.
  static func nameObject(_ name: OpaquePointer?) -> JSValue {
    guard let name else { return .undefined }
    var entries: [(String, JSValue)] = []
    for i in 0..<X509_NAME_entry_count(name) {
      guard let e = X509_NAME_get_entry(name, i) else { continue }
      let nid = OBJ_obj2nid(X509_NAME_ENTRY_get_object(e))
      let key = nid == NID_undef ? "UNDEF" : String(cString: OBJ_nid2sn(nid))
      var utf8: UnsafeMutablePointer<UInt8>? = nil
      let n = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(e))
      guard n >= 0, let utf8 else { continue }
      let value = String(decoding: UnsafeBufferPointer(start: utf8, count: Int(n)), as: UTF8.self)
      fe_free(utf8)
      if let idx = entries.firstIndex(where: { $0.0 == key }) {
        if case .array(let a) = entries[idx].1 { entries[idx].1 = .array(a + [.string(value)]) } else {
          entries[idx].1 = .array([entries[idx].1, .string(value)])
        }
      } else {
        entries.append((key, .string(value)))
      }
    }
    return .object(entries)
  }

  static func extText(_ cert: OpaquePointer, _ nid: Int32) -> String? {
    let idx = X509_get_ext_by_NID(cert, nid, -1)
    guard idx >= 0, let ext = X509_get_ext(cert, idx) else { return nil }
    let out = try? MemBIO.writing { X509V3_EXT_print($0, ext, 0, 0) == 1 }
    return out.map { String(decoding: $0, as: UTF8.self) }
  }

  static func timeText(_ t: UnsafePointer<ASN1_TIME>?) -> String {
    guard let t else { return "" }
    let out = try? MemBIO.writing { ASN1_TIME_print($0, t) == 1 }
    return out.map { String(decoding: $0, as: UTF8.self) } ?? ""
  }

  static func fingerprint(_ cert: OpaquePointer, _ md: OpaquePointer?) -> String {
    var buf = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var n: UInt32 = 0
    guard X509_digest(cert, md, &buf, &n) == 1 else { return "" }
    let digits = Array("0123456789ABCDEF")
    return buf.prefix(Int(n)).map { String([digits[Int($0 >> 4)], digits[Int($0 & 15)]]) }.joined(separator: ":")
  }

  static func info(_ cert: OpaquePointer) throws -> JSValue {
    var out: [(String, JSValue)] = []
    out.append(("subject", nameText(X509_get_subject_name(cert)).map(JSValue.string) ?? .undefined))
    out.append(("issuer", nameText(X509_get_issuer_name(cert)).map(JSValue.string) ?? .undefined))
    out.append(("subjectObject", nameObject(X509_get_subject_name(cert))))
    out.append(("issuerObject", nameObject(X509_get_issuer_name(cert))))
    out.append(("subjectAltName", extText(cert, NID_subject_alt_name).map(JSValue.string) ?? .undefined))
    out.append(("infoAccess", extText(cert, NID_info_access).map { .string($0.hasSuffix("\n") ? $0 : $0 + "\n") } ?? .undefined))
    out.append(("validFrom", .string(timeText(X509_get0_notBefore(cert)))))
    out.append(("validTo", .string(timeText(X509_get0_notAfter(cert)))))
    out.append(("fingerprint", .string(fingerprint(cert, EVP_sha1()))))
    out.append(("fingerprint256", .string(fingerprint(cert, EVP_sha256()))))
    out.append(("fingerprint512", .string(fingerprint(cert, EVP_sha512()))))
    var usages: [JSValue] = []
    if let eku = X509_get_ext_d2i(cert, NID_ext_key_usage, nil, nil) {
      let stack = OpaquePointer(eku)
      for i in 0..<OPENSSL_sk_num(stack) {
        let obj = OpaquePointer(OPENSSL_sk_value(stack, i))
        var buf = [CChar](repeating: 0, count: 128)
        OBJ_obj2txt(&buf, Int32(buf.count), obj, 1)
        usages.append(.string(String(cString: buf)))
      }
      OPENSSL_sk_pop_free(stack, unsafeBitCast(ASN1_OBJECT_free as @convention(c) (OpaquePointer?) -> Void, to: OPENSSL_sk_freefunc.self))
    }
    out.append(("keyUsage", usages.isEmpty ? .undefined : .array(usages)))
    if let serial = X509_get0_serialNumber(cert), let bn = ASN1_INTEGER_to_BN(serial, nil) {
      defer { BN_free(bn) }
      if let hex = BN_bn2hex(bn) {
        out.append(("serialNumber", .string(String(cString: hex))))
        fe_free(hex)
      }
    }
    out.append(("ca", .bool(X509_check_ca(cert) == 1)))
    let pem = try MemBIO.writing { PEM_write_bio_X509($0, cert) == 1 }
    out.append(("pem", .string(String(decoding: pem, as: UTF8.self))))
    if let key = X509_get_pubkey(cert) {
      let k = PKey(key)
      out.append(("publicKey", try KeyOps.describe(k, isPrivate: false)))
      switch AsymmetricKeys.typeName(k) {
      case "rsa", "rsa-pss":
        out.append(("bits", .number(Double(EVP_PKEY_get_bits(k.raw)))))
        if let n = AsymmetricKeys.bnParam(k, "n") { out.append(("modulus", .bytes(n))) }
        if let e = AsymmetricKeys.bnParam(k, "e") { out.append(("exponent", .bytes(e))) }
      case "ec":
        out.append(("bits", .number(Double(EVP_PKEY_get_bits(k.raw)))))
        if let pub = AsymmetricKeys.octetParam(k, "encoded-pub-key") { out.append(("pubkey", .bytes(pub))) }
        if let c = AsymmetricKeys.curveName(k) {
          out.append(("asn1Curve", .string(c)))
          let nist = EC_curve_nid2nist(OBJ_sn2nid(c))
          if let nist { out.append(("nistCurve", .string(String(cString: nist)))) }
        }
      default: break
      }
    }
    out.append(("der", .bytes(try der(cert))))
    return .object(out)
  }
}
