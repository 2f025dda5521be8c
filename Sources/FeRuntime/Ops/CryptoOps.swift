import CCrypto
import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Ops for `crypto`: random bytes, and hashes and HMACs through OpenSSL's EVP interface.
/// A hash in progress is a resource: JS holds its id, the runtime's resource table the
/// context, and `digest` frees it.
enum CryptoOps {
  static let all: [Op] = [
    Op("op_crypto_random") { _, call in
      // (length) → bytes from the OS's CSPRNG via OpenSSL
      let n = max(0, call.int(0))
      var buf = [UInt8](repeating: 0, count: n)
      if n > 0 && buf.withUnsafeMutableBytes({ RAND_bytes($0.baseAddress, Int32(n)) }) != 1 {
        return call.throwing(call.scope.error("OpenSSL could not produce random bytes"))
      }
      buf.withUnsafeBytes { call.returns(bytes: $0) }
    },
    Op("op_crypto_hash_new") { rt, call in
      // (algorithm, key bytes or null) → id, or -1 for an algorithm OpenSSL does not know
      let name = call.string(0)
      let key: [UInt8]? = call.isNullish(1) ? nil : call.bytes(1)
      guard let digest = Digest(algorithm: name, hmacKey: key) else { return call.returns(-1.0) }
      call.returns(Double(rt.resources.add(digest)))
    },
    Op("op_crypto_hash_update") { rt, call in
      // (id, string as UTF-8 or bytes) → whether the id was live
      guard let digest = rt.resources.get(call.int(0), as: Digest.self) else { return call.returns(false) }
      let data = call.arg(1)
      if call.scope.type(data) == .string {
        var s = call.scope.string(data)
        s.withUTF8 { digest.update(UnsafeRawBufferPointer($0)) }
      } else {
        call.scope.withBytes(data) { digest.update($0) }
      }
      call.returns(true)
    },
    Op("op_crypto_hash_digest") { rt, call in
      // (id, encoding) → the digest as a 'hex', 'base64' or 'base64url' string, else its
      // bytes; the context is freed
      guard let digest = rt.resources.take(call.int(0), as: Digest.self) else { return call.returns(call.scope.null) }
      let out = digest.finish()
      switch call.count > 1 && call.scope.type(call.arg(1)) == .string ? call.string(1) : "" {
      case "hex": call.returns(hex(out))
      case "base64": call.returns(base64(out, url: false))
      case "base64url": call.returns(base64(out, url: true))
      default: out.withUnsafeBytes { call.returns(bytes: $0) }
      }
    },
    Op("op_crypto_hash_copy") { rt, call in
      // (id) → a new id whose context continues from the same state
      guard let digest = rt.resources.get(call.int(0), as: Digest.self), let copy = digest.copy() else { return call.returns(-1.0) }
      call.returns(Double(rt.resources.add(copy)))
    },
    Op("op_crypto_hash_free") { rt, call in
      _ = rt.resources.take(call.int(0), as: Digest.self)
    },
    Op("op_crypto_openssl_version") { _, call in
      // OpenSSL's version number as Node prints it in process.versions ('3.0.13')
      call.returns(String(cString: OpenSSL_version(OPENSSL_VERSION_STRING)))
    },
    Op("op_crypto_hash_xof") { rt, call in
      // (id, length) → that many bytes of an extendable-output digest (shake); the context is freed
      guard let digest = rt.resources.take(call.int(0), as: Digest.self) else { return call.returns(call.scope.null) }
      digest.finish(length: call.int(1)).withUnsafeBytes { call.returns(bytes: $0) }
    },
  ] + CipherOps.all + KdfOps.all + KeyOps.all + SignOps.all + DHOps.all + X509Ops.all
}

extension CryptoOps {
  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8](repeating: 0, count: bytes.count * 2)
    for (i, b) in bytes.enumerated() {
      out[2 * i] = digits[Int(b >> 4)]
      out[2 * i + 1] = digits[Int(b & 15)]
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Base64 with padding, or base64url without, as Node writes them.
  static func base64(_ bytes: [UInt8], url: Bool) -> String {
    let table = Array(
      (url
        ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/").utf8)
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var i = 0
    while i + 3 <= bytes.count {
      let n = Int(bytes[i]) << 16 | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2])
      out += [table[n >> 18], table[(n >> 12) & 63], table[(n >> 6) & 63], table[n & 63]]
      i += 3
    }
    let rest = bytes.count - i
    if rest > 0 {
      let n = Int(bytes[i]) << 16 | (rest == 2 ? Int(bytes[i + 1]) << 8 : 0)
      out += [table[n >> 18], table[(n >> 12) & 63]]
      if rest == 2 { out.append(table[(n >> 6) & 63]) }
      if !url { out += Array(repeating: UInt8(ascii: "="), count: 3 - rest) }
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// Message digests by the name JS gave, fetched from OpenSSL's provider once: an implicit fetch
/// on every EVP_DigestInit_ex is OpenSSL 3's slow path.
final class DigestAlgorithms: @unchecked Sendable {
  static let shared = DigestAlgorithms()
  private let lock = Mutex()
  private var fetched: [String: OpaquePointer] = [:]

  func md(_ name: String) -> OpaquePointer? {
    if let md = lock.withLock({ fetched[name] }) { return md }
    guard let legacy = EVP_get_digestbyname(name) else { return nil }
    guard let md = EVP_MD_fetch(nil, EVP_MD_get0_name(legacy), nil) else { return legacy }
    return lock.withLock {
      if let existing = fetched[name] {
        EVP_MD_free(md)
        return existing
      }
      fetched[name] = md
      return md
    }
  }
}

/// One hash or HMAC computation in progress; frees its OpenSSL context when it goes.
final class Digest: Resource {
  private enum Context {
    case hash(OpaquePointer)
    case hmac(OpaquePointer)
  }
  private let context: Context

  /// nil when OpenSSL has no digest of that name (or cannot key an HMAC with it).
  init?(algorithm: String, hmacKey: [UInt8]?) {
    guard let md = DigestAlgorithms.shared.md(algorithm) else { return nil }
    if let key = hmacKey {
      guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else { return nil }
      defer { EVP_MAC_free(mac) }
      guard let ctx = EVP_MAC_CTX_new(mac) else { return nil }
      let mdName = String(cString: EVP_MD_get0_name(md))
      // OSSL_PARAM keeps pointers to its key and value: both must outlive EVP_MAC_init.
      let ok = "digest".withCString { keyPtr in
        mdName.withCString { namePtr -> Bool in
          let params = [
            OSSL_PARAM_construct_utf8_string(keyPtr, UnsafeMutablePointer(mutating: namePtr), 0),
            OSSL_PARAM_construct_end(),
          ]
          // An empty key is allowed (as in Node); OpenSSL needs a non-null pointer for it.
          var k = key.isEmpty ? [0] : key
          return k.withUnsafeMutableBufferPointer { EVP_MAC_init(ctx, $0.baseAddress, key.count, params) } == 1
        }
      }
      guard ok else {
        EVP_MAC_CTX_free(ctx)
        return nil
      }
      context = .hmac(ctx)
    } else {
      guard let ctx = EVP_MD_CTX_new() else { return nil }
      guard EVP_DigestInit_ex(ctx, md, nil) == 1 else {
        EVP_MD_CTX_free(ctx)
        return nil
      }
      context = .hash(ctx)
    }
  }

  private init(context: Context) { self.context = context }

  deinit {
    switch context {
    case .hash(let ctx): EVP_MD_CTX_free(ctx)
    case .hmac(let ctx): EVP_MAC_CTX_free(ctx)
    }
  }

  func update(_ data: UnsafeRawBufferPointer) {
    guard let base = data.baseAddress, !data.isEmpty else { return }
    switch context {
    case .hash(let ctx): EVP_DigestUpdate(ctx, base, data.count)
    case .hmac(let ctx): EVP_MAC_update(ctx, base.assumingMemoryBound(to: UInt8.self), data.count)
    }
  }

  /// The digest; `length` asks an extendable-output function (shake) for that many bytes.
  func finish(length: Int? = nil) -> [UInt8] {
    if let length, case .hash(let ctx) = context {
      var out = [UInt8](repeating: 0, count: length)
      if length > 0 { EVP_DigestFinalXOF(ctx, &out, length) }
      return out
    }
    var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    switch context {
    case .hash(let ctx):
      var len: UInt32 = 0
      EVP_DigestFinal_ex(ctx, &out, &len)
      out.removeLast(out.count - Int(len))
    case .hmac(let ctx):
      var len = 0
      let capacity = out.count
      EVP_MAC_final(ctx, &out, &len, capacity)
      out.removeLast(out.count - len)
    }
    return out
  }

  func copy() -> Digest? {
    switch context {
    case .hash(let ctx):
      guard let dup = EVP_MD_CTX_new() else { return nil }
      guard EVP_MD_CTX_copy_ex(dup, ctx) == 1 else {
        EVP_MD_CTX_free(dup)
        return nil
      }
      return Digest(context: .hash(dup))
    case .hmac(let ctx):
      return EVP_MAC_CTX_dup(ctx).map { Digest(context: .hmac($0)) }
    }
  }
}
