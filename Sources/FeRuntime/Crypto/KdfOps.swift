import CCrypto
import FeEngine

/// Key derivation (pbkdf2, scrypt, hkdf) through OpenSSL's EVP_KDF, and prime numbers. Each has
/// a sync op and an `_async` op run on the worker pool, as Node runs them on its thread pool.
enum KdfOps {
  static let all: [Op] =
    Op.cryptoDual("op_crypto_pbkdf2") { o in
      let pass = o["password"]?.bytes ?? [], salt = o["salt"]?.bytes ?? []
      let iterations = o["iterations"]?.int ?? 1, length = o["keylen"]?.int ?? 0, digest = o.str("digest") ?? ""
      return {
        guard let md = DigestAlgorithms.shared.md(digest) else {
          throw CryptoFailure("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: \(digest)")
        }
        var out = [UInt8](repeating: 0, count: length)
        if length == 0 { return .bytes([]) }
        let ok = pass.withUnsafeBufferPointer { p in
          PKCS5_PBKDF2_HMAC(
            UnsafeRawPointer(p.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self), Int32(pass.count),
            salt, Int32(salt.count), Int32(iterations), md, Int32(length), &out)
        }
        guard ok == 1 else { throw CryptoFailure.openssl() }
        return .bytes(out)
      }
    }
    + Op.cryptoDual("op_crypto_scrypt") { o in
      let pass = o["password"]?.bytes ?? [], salt = o["salt"]?.bytes ?? []
      let n = UInt64(o["N"]?.number ?? 16384), r = UInt64(o["r"]?.number ?? 8), p = UInt64(o["p"]?.number ?? 1)
      let maxmem = UInt64(o["maxmem"]?.number ?? Double(32 << 20)), length = o["keylen"]?.int ?? 0
      return {
        var out = [UInt8](repeating: 0, count: length)
        let ok = pass.withUnsafeBufferPointer { pb in
          EVP_PBE_scrypt(
            UnsafeRawPointer(pb.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self), pass.count,
            salt, salt.count, n, r, p, maxmem, &out, length)
        }
        guard ok == 1 else { throw CryptoFailure.openssl("Invalid scrypt params") }
        return .bytes(out)
      }
    }
    + Op.cryptoDual("op_crypto_hkdf") { o in
      let key = o["key"]?.bytes ?? [], salt = o["salt"]?.bytes ?? [], info = o["info"]?.bytes ?? []
      let length = o["keylen"]?.int ?? 0, digest = o.str("digest") ?? ""
      return { .bytes(try hkdf(digest: digest, key: key, salt: salt, info: info, length: length)) }
    }
    + Op.cryptoDual("op_crypto_prime_generate") { o in
      let bits = o["bits"]?.int ?? 0, safe = o["safe"]?.bool ?? false
      let add = o["add"]?.bytes, rem = o["rem"]?.bytes
      return {
        guard let prime = BN_new() else { throw CryptoFailure.openssl() }
        defer { BN_free(prime) }
        let addBN = add.flatMap(BigNum.make), remBN = rem.flatMap(BigNum.make)
        defer {
          BN_free(addBN)
          BN_free(remBN)
        }
        if let addBN {
          // OpenSSL would loop forever or fail obscurely on these; Node checks them first.
          if BN_num_bits(addBN) > Int32(bits) {
            throw CryptoFailure("RangeError", "ERR_OUT_OF_RANGE", "invalid options.add")
          }
          if let remBN, BN_cmp(addBN, remBN) <= 0 {
            throw CryptoFailure("RangeError", "ERR_OUT_OF_RANGE", "invalid options.rem")
          }
        }
        guard BN_generate_prime_ex(prime, Int32(bits), safe ? 1 : 0, addBN, remBN, nil) == 1 else { throw CryptoFailure.openssl() }
        return .bytes(BigNum.bytes(prime))
      }
    }
    + Op.cryptoDual("op_crypto_prime_check") { o in
      let candidate = o["candidate"]?.bytes ?? [], checks = o["checks"]?.int ?? 0
      return {
        guard let bn = BigNum.make(candidate), let ctx = BN_CTX_new() else { throw CryptoFailure.openssl() }
        defer {
          BN_free(bn)
          BN_CTX_free(ctx)
        }
        let r = BN_is_prime_ex(bn, Int32(checks), ctx, nil)
        guard r >= 0 else { throw CryptoFailure.openssl() }
        return .bool(r == 1)
      }
    }

  static func hkdf(digest: String, key: [UInt8], salt: [UInt8], info: [UInt8], length: Int) throws -> [UInt8] {
    guard let md = DigestAlgorithms.shared.md(digest) else {
      throw CryptoFailure("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: \(digest)")
    }
    var out = [UInt8](repeating: 0, count: length)
    let ok = fe_hkdf(EVP_MD_get0_name(md), key, key.count, salt, salt.count, info, info.count, &out, length)
    guard ok == 1 else { throw CryptoFailure.openssl() }
    return out
  }
}
