import CCrypto
import FeEngine

/// A failed crypto op as Node reports it: the error's class, its `code` and message, and for
/// OpenSSL's own errors the library and reason. Ops return it to JS as `{__cryptoError: [...]}`
/// (as sync fs ops return `__feError`), and `cryptoCall` in 17-crypto.js throws it there, so
/// the error is made by the runtime's `nodeError` like every other Node error. An empty code is
/// a plain error (Node throws a few without one).
struct CryptoFailure: Error {
  var kind = "Error"
  var code: String
  var message: String
  var library: String? = nil
  var reason: String? = nil

  init(_ kind: String = "Error", _ code: String, _ message: String) {
    self.kind = kind
    self.code = code
    self.message = message
  }

  /// The earliest error on OpenSSL's queue, named as Node names it (crypto_util.cc: the reason
  /// upper-cased as ERR_OSSL_<LIB>_<REASON>); the queue is cleared.
  static func openssl(_ fallback: String = "OpenSSL operation failed") -> CryptoFailure {
    let err = ERR_get_error()
    ERR_clear_error()
    guard err != 0 else { return CryptoFailure("Error", "ERR_CRYPTO_OPERATION_FAILED", fallback) }
    return from(err)
  }

  static func from(_ err: UInt) -> CryptoFailure {
    var buf = [CChar](repeating: 0, count: 256)
    ERR_error_string_n(err, &buf, buf.count)
    var f = CryptoFailure("Error", "ERR_OSSL_UNKNOWN", String(cString: buf))
    let lib = ERR_lib_error_string(err).map { String(cString: $0) }
    let reasonText = ERR_reason_error_string(err).map { String(cString: $0) }
    f.library = lib
    f.reason = reasonText
    if let r = reasonText {
      let upper = String(r.map { $0 == " " ? "_" : Character($0.uppercased()) })
      let libName = libNames[Int32(ERR_GET_LIB(err))]
      if libName == "SSL" {
        f.code = "ERR_SSL_\(upper)"
      } else if let l = libName {
        f.code = "ERR_OSSL_\(l)_\(upper)"
      } else {
        f.code = "ERR_OSSL_\(upper)"
      }
    }
    return f
  }

  private static let libNames: [Int32: String] = [
    ERR_LIB_SYS: "SYS", ERR_LIB_BN: "BN", ERR_LIB_RSA: "RSA", ERR_LIB_DH: "DH", ERR_LIB_EVP: "EVP",
    ERR_LIB_BUF: "BUF", ERR_LIB_OBJ: "OBJ", ERR_LIB_PEM: "PEM", ERR_LIB_DSA: "DSA", ERR_LIB_X509: "X509",
    ERR_LIB_ASN1: "ASN1", ERR_LIB_CONF: "CONF", ERR_LIB_CRYPTO: "CRYPTO", ERR_LIB_EC: "EC", ERR_LIB_SSL: "SSL",
    ERR_LIB_BIO: "BIO", ERR_LIB_PKCS7: "PKCS7", ERR_LIB_X509V3: "X509V3", ERR_LIB_PKCS12: "PKCS12",
    ERR_LIB_RAND: "RAND", ERR_LIB_DSO: "DSO", ERR_LIB_ENGINE: "ENGINE", ERR_LIB_OCSP: "OCSP", ERR_LIB_UI: "UI",
    ERR_LIB_COMP: "COMP", ERR_LIB_ECDSA: "ECDSA", ERR_LIB_ECDH: "ECDH", ERR_LIB_OSSL_STORE: "OSSL_STORE",
    ERR_LIB_FIPS: "FIPS", ERR_LIB_CMS: "CMS", ERR_LIB_TS: "TS", ERR_LIB_HMAC: "HMAC", ERR_LIB_CT: "CT",
    ERR_LIB_ASYNC: "ASYNC", ERR_LIB_KDF: "KDF", ERR_LIB_SM2: "SM2", ERR_LIB_USER: "USER",
  ]

  var json: JSValue {
    .object([
      ("__cryptoError", .array([.string(kind), .string(code), .string(message), library.map(JSValue.string) ?? .undefined,
        reason.map(JSValue.string) ?? .undefined])),
    ])
  }
}

extension Op {
  /// An op whose body may fail with a `CryptoFailure` (returned to JS as `__cryptoError`).
  /// OpenSSL's error queue is per thread: it is cleared first so an old error is never reported.
  static func crypto(_ name: String, _ body: @escaping (Runtime, OpCall) throws -> Local) -> Op {
    Op(name) { rt, call in
      ERR_clear_error()
      do {
        call.returns(try body(rt, call))
      } catch let f as CryptoFailure {
        call.returns(call.scope.make(f.json))
      } catch {
        call.returns(call.scope.make(CryptoFailure("Error", "ERR_CRYPTO_OPERATION_FAILED", "\(error)").json))
      }
    }
  }

  /// A crypto op with a sync form and an `_async` form whose work runs on the worker pool (key
  /// generation, key derivation): `parse` reads the arguments on the JS thread, the work it
  /// returns produces plain data. A failure settles the promise with the `__cryptoError` record.
  static func cryptoDual(_ name: String, _ parse: @escaping (JSValue) -> () throws -> JSValue) -> [Op] {
    func run(_ work: () throws -> JSValue) -> JSValue {
      ERR_clear_error()
      do { return try work() } catch let f as CryptoFailure { return f.json } catch {
        return CryptoFailure("Error", "ERR_CRYPTO_OPERATION_FAILED", "\(error)").json
      }
    }
    return [
      Op(name) { _, call in
        call.returns(call.scope.make(run(parse(call.scope.toSwift(call.arg(0))))))
      },
      Op(name + "_async") { rt, call in
        let id = call.number(0)
        let work = parse(call.scope.toSwift(call.arg(1)))
        rt.loop.retain()
        WorkerPool.shared.submit {
          let result = run(work)
          rt.loop.post { s in
            try s.callCore(.settle, [s.number(id), s.bool(true), s.make(result)])
          }
        }
      },
    ]
  }
}

extension JSValue {
  var bytes: [UInt8]? {
    switch self {
    case .bytes(let b): return b
    case .string(let s): return Array(s.utf8)
    default: return nil
    }
  }
  var number: Double? {
    if case .number(let d) = self { return d }
    return nil
  }
  var int: Int? { number.flatMap { $0.isFinite ? Int($0) : nil } }
  var bool: Bool {
    if case .bool(let b) = self { return b }
    return false
  }
  var isNullish: Bool {
    switch self {
    case .undefined, .null: return true
    default: return false
    }
  }
  /// A member that is a string (nil when missing or of another type).
  func str(_ key: String) -> String? { self[key]?.stringValue }
}

extension OpCall {
  /// The argument as Swift data (options records, byte arrays).
  func value(_ i: Int) -> JSValue { scope.toSwift(arg(i)) }
}

/// OpenSSL memory BIOs as Swift values.
enum MemBIO {
  /// A read-only BIO over `data`, alive while `body` runs.
  static func reading<T>(_ data: [UInt8], _ body: (OpaquePointer) throws -> T) throws -> T {
    try data.withUnsafeBytes { raw in
      guard let bio = BIO_new_mem_buf(raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(data.count)) else {
        throw CryptoFailure.openssl()
      }
      defer { BIO_free(bio) }
      return try body(bio)
    }
  }

  /// What `body` writes into a fresh memory BIO.
  static func writing(_ body: (OpaquePointer) throws -> Bool) throws -> [UInt8] {
    guard let bio = BIO_new(BIO_s_mem()) else { throw CryptoFailure.openssl() }
    defer { BIO_free(bio) }
    guard try body(bio) else { throw CryptoFailure.openssl() }
    var p: UnsafePointer<UInt8>? = nil
    let n = fe_bio_mem(bio, &p)
    guard let p, n > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: p, count: n))
  }
}

/// Big numbers in and out of OpenSSL (big-endian bytes, as JWK and Node use them).
enum BigNum {
  static func bytes(_ bn: OpaquePointer?, pad: Int = 0) -> [UInt8] {
    guard let bn else { return [] }
    let n = max((Int(BN_num_bits(bn)) + 7) / 8, pad)
    var out = [UInt8](repeating: 0, count: n)
    _ = BN_bn2binpad(bn, &out, Int32(n))
    return out
  }
  /// A new BIGNUM the caller frees (or hands to OpenSSL).
  static func make(_ bytes: [UInt8]) -> OpaquePointer? {
    BN_bin2bn(bytes, Int32(bytes.count), nil)
  }
}

/// Owns an EVP_PKEY.
final class PKey {
  let raw: OpaquePointer
  init(_ raw: OpaquePointer) { self.raw = raw }
  deinit { EVP_PKEY_free(raw) }
}
