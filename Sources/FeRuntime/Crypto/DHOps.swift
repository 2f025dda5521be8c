import CCrypto
import FeEngine

/// Ops behind DiffieHellman and ECDH objects. JS keeps their state (prime, generator, keys) as
/// bytes; these compute with OpenSSL's DH and EC_KEY, as Node 18 does.
enum DHOps {
  static let all: [Op] = [
    Op.crypto("op_crypto_dh_group") { _, call in
      // (name) → prime bytes, or undefined for an unknown group
      groupPrime(call.string(0)).map { call.scope.bytes($0) } ?? call.scope.undefined
    },
    Op.crypto("op_crypto_dh_prime") { _, call in
      // (bits, generator) → a new safe prime for that generator
      guard let dh = DH_new() else { throw CryptoFailure.openssl() }
      defer { DH_free(dh) }
      guard DH_generate_parameters_ex(dh, Int32(call.int(0)), Int32(call.int(1)), nil) == 1 else { throw CryptoFailure.openssl() }
      var p: OpaquePointer? = nil
      DH_get0_pqg(dh, &p, nil, nil)
      return call.scope.bytes(BigNum.bytes(p))
    },
    Op.crypto("op_crypto_dh_check") { _, call in
      // (prime, generator) → DH_check's flags (Node's verifyError)
      let dh = try make(prime: call.bytes(0), generator: call.bytes(1))
      defer { DH_free(dh) }
      var codes: Int32 = 0
      guard DH_check(dh, &codes) == 1 else { throw CryptoFailure.openssl() }
      return call.scope.number(Double(codes))
    },
    Op.crypto("op_crypto_dh_generate") { _, call in
      // (prime, generator, private key or null) → [private, public]
      let dh = try make(prime: call.bytes(0), generator: call.bytes(1))
      defer { DH_free(dh) }
      if !call.isNullish(2) {
        guard let priv = BigNum.make(call.bytes(2)) else { throw CryptoFailure.openssl() }
        DH_set0_key(dh, nil, priv)
      }
      guard DH_generate_key(dh) == 1 else { throw CryptoFailure.openssl() }
      var pub: OpaquePointer? = nil, priv: OpaquePointer? = nil
      DH_get0_key(dh, &pub, &priv)
      return call.scope.make(.array([.bytes(BigNum.bytes(priv)), .bytes(BigNum.bytes(pub))]))
    },
    Op.crypto("op_crypto_dh_compute") { _, call in
      // (prime, generator, private, other's public) → the secret, left-padded to the prime's size
      let prime = call.bytes(0)
      let dh = try make(prime: prime, generator: call.bytes(1))
      defer { DH_free(dh) }
      guard let priv = BigNum.make(call.bytes(2)), let peer = BigNum.make(call.bytes(3)) else { throw CryptoFailure.openssl() }
      defer { BN_free(peer) }
      DH_set0_key(dh, nil, priv)
      var codes: Int32 = 0
      if DH_check_pub_key(dh, peer, &codes) == 1, codes != 0 {
        if codes & DH_CHECK_PUBKEY_TOO_SMALL != 0 {
          throw CryptoFailure("Error", "ERR_CRYPTO_INVALID_KEYLEN", "Supplied key is too small")
        }
        if codes & DH_CHECK_PUBKEY_TOO_LARGE != 0 {
          throw CryptoFailure("Error", "ERR_CRYPTO_INVALID_KEYLEN", "Supplied key is too large")
        }
        throw CryptoFailure("Error", "ERR_CRYPTO_INVALID_KEYTYPE", "Invalid key")
      }
      let size = Int(DH_size(dh))
      var out = [UInt8](repeating: 0, count: size)
      let n = Int(DH_compute_key(&out, peer, dh))
      guard n >= 0 else { throw CryptoFailure.openssl() }
      return call.scope.bytes([UInt8](repeating: 0, count: size - n) + out.prefix(n))
    },
    Op.crypto("op_crypto_ecdh_generate") { _, call in
      // (curve) → [private, uncompressed public]
      let key = try ecKey(call.string(0))
      defer { EC_KEY_free(key) }
      guard EC_KEY_generate_key(key) == 1 else { throw CryptoFailure.openssl() }
      return call.scope.make(.array([.bytes(privateBytes(key)), .bytes(try point(key, EC_KEY_get0_public_key(key), POINT_CONVERSION_UNCOMPRESSED))]))
    },
    Op.crypto("op_crypto_ecdh_from_private") { _, call in
      // (curve, private) → uncompressed public, or a failure for a private key out of range
      let key = try ecKey(call.string(0))
      defer { EC_KEY_free(key) }
      guard let priv = BigNum.make(call.bytes(1)) else { throw CryptoFailure.openssl() }
      defer { BN_free(priv) }
      let group = EC_KEY_get0_group(key)
      guard let order = BN_new() else { throw CryptoFailure.openssl() }
      defer { BN_free(order) }
      EC_GROUP_get_order(group, order, nil)
      if BN_is_zero(priv) == 1 || BN_cmp(priv, order) >= 0 {
        throw CryptoFailure("Error", "ERR_CRYPTO_INVALID_KEYTYPE", "Private key is not valid for specified curve.")
      }
      guard let pub = EC_POINT_new(group) else { throw CryptoFailure.openssl() }
      defer { EC_POINT_free(pub) }
      guard EC_POINT_mul(group, pub, priv, nil, nil, nil) == 1 else { throw CryptoFailure.openssl() }
      return call.scope.bytes(try point(key, pub, POINT_CONVERSION_UNCOMPRESSED))
    },
    Op.crypto("op_crypto_ecdh_convert") { _, call in
      // (curve, point, form: 2 compressed | 4 uncompressed | 6 hybrid) → the point in that form
      let key = try ecKey(call.string(0))
      defer { EC_KEY_free(key) }
      let p: OpaquePointer
      do { p = try parsePoint(key, call.bytes(1)) } catch {
        throw CryptoFailure("Error", "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY", "Failed to convert Buffer to EC_POINT")
      }
      defer { EC_POINT_free(p) }
      return call.scope.bytes(try point(key, p, point_conversion_form_t(UInt32(call.int(2)))))
    },
    Op.crypto("op_crypto_ecdh_compute") { _, call in
      // (curve, private, other's public point) → the shared secret
      let key = try ecKey(call.string(0))
      defer { EC_KEY_free(key) }
      guard let priv = BigNum.make(call.bytes(1)) else { throw CryptoFailure.openssl() }
      defer { BN_free(priv) }
      EC_KEY_set_private_key(key, priv)
      let peer: OpaquePointer
      do { peer = try parsePoint(key, call.bytes(2)) } catch {
        throw CryptoFailure("Error", "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY", "Public key is not valid for specified curve")
      }
      defer { EC_POINT_free(peer) }
      let size = (Int(EC_GROUP_get_degree(EC_KEY_get0_group(key))) + 7) / 8
      var out = [UInt8](repeating: 0, count: size)
      guard ECDH_compute_key(&out, size, peer, key, nil) > 0 else { throw CryptoFailure.openssl() }
      return call.scope.bytes(out)
    },
    Op("op_crypto_curves") { _, call in
      let n = EC_get_builtin_curves(nil, 0)
      var curves = [EC_builtin_curve](repeating: EC_builtin_curve(nid: 0, comment: nil), count: n)
      _ = EC_get_builtin_curves(&curves, n)
      call.returns(call.scope.make(.array(curves.map { .string(String(cString: OBJ_nid2sn($0.nid))) })))
    },
  ]

  /// RFC 2409/3526 groups by Node's names (getDiffieHellman, generateKeyPair's `group`).
  static func groupPrime(_ name: String) -> [UInt8]? {
    let make: ((OpaquePointer?) -> OpaquePointer?)?
    switch name {
    case "modp1": make = BN_get_rfc2409_prime_768
    case "modp2": make = BN_get_rfc2409_prime_1024
    case "modp5": make = BN_get_rfc3526_prime_1536
    case "modp14": make = BN_get_rfc3526_prime_2048
    case "modp15": make = BN_get_rfc3526_prime_3072
    case "modp16": make = BN_get_rfc3526_prime_4096
    case "modp17": make = BN_get_rfc3526_prime_6144
    case "modp18": make = BN_get_rfc3526_prime_8192
    default: make = nil
    }
    guard let make, let bn = make(nil) else { return nil }
    defer { BN_free(bn) }
    return BigNum.bytes(bn)
  }

  static func make(prime: [UInt8], generator: [UInt8]) throws -> OpaquePointer {
    guard let dh = DH_new(), let p = BigNum.make(prime), let g = BigNum.make(generator) else { throw CryptoFailure.openssl() }
    DH_set0_pqg(dh, p, nil, g)
    return dh
  }

  static func ecKey(_ curve: String) throws -> OpaquePointer {
    let nid = OBJ_sn2nid(curve)
    guard nid != NID_undef, let key = EC_KEY_new_by_curve_name(nid) else {
      throw CryptoFailure("TypeError", "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name")
    }
    return key
  }

  static func privateBytes(_ key: OpaquePointer) -> [UInt8] {
    let size = (Int(EC_GROUP_get_degree(EC_KEY_get0_group(key))) + 7) / 8
    return BigNum.bytes(EC_KEY_get0_private_key(key), pad: size)
  }

  static func point(_ key: OpaquePointer, _ p: OpaquePointer?, _ form: point_conversion_form_t) throws -> [UInt8] {
    let group = EC_KEY_get0_group(key)
    let n = EC_POINT_point2oct(group, p, form, nil, 0, nil)
    guard n > 0 else { throw CryptoFailure.openssl() }
    var out = [UInt8](repeating: 0, count: n)
    _ = EC_POINT_point2oct(group, p, form, &out, n, nil)
    return out
  }

  static func parsePoint(_ key: OpaquePointer, _ bytes: [UInt8]) throws -> OpaquePointer {
    let group = EC_KEY_get0_group(key)
    guard let p = EC_POINT_new(group) else { throw CryptoFailure.openssl() }
    guard EC_POINT_oct2point(group, p, bytes, bytes.count, nil) == 1 else {
      EC_POINT_free(p)
      ERR_clear_error()
      throw CryptoFailure("Error", "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY", "Public key is not valid for specified curve")
    }
    return p
  }
}
