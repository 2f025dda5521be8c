import CCrypto
import FeEngine

/// Ops behind createCipheriv/createDecipheriv: one EVP_CIPHER_CTX per cipher object, held in
/// the resource table (a cipher is a stream JS feeds piecewise).
enum CipherOps {
  static let all: [Op] = [
    Op.crypto("op_crypto_cipher_new") { rt, call in
      // ({name, key, iv (null for none), encrypt, authTagLength}) → id
      let cipher = try Cipher(call.value(0))
      return call.scope.number(Double(rt.resources.add(cipher)))
    },
    Op.crypto("op_crypto_cipher_update") { rt, call in
      // (id, bytes) → bytes
      let c = try cipher(rt, call)
      return call.scope.bytes(try call.scope.withBytes(call.arg(1)) { try c.update($0) })
    },
    Op.crypto("op_crypto_cipher_final") { rt, call in
      // (id) → the last bytes (the tag, when encrypting with AEAD, is read after; JS frees the id)
      let c = try cipher(rt, call)
      return call.scope.bytes(try c.final())
    },
    Op.crypto("op_crypto_cipher_set_aad") { rt, call in
      // (id, bytes, plaintextLength or -1) → true
      let c = try cipher(rt, call)
      try c.setAAD(call.bytes(1), plaintextLength: call.int(2))
      return call.scope.bool(true)
    },
    Op.crypto("op_crypto_cipher_get_tag") { rt, call in
      let c = try cipher(rt, call)
      return c.tag.map { call.scope.bytes($0) } ?? call.scope.undefined
    },
    Op.crypto("op_crypto_cipher_set_tag") { rt, call in
      let c = try cipher(rt, call)
      return call.scope.bool(c.setTag(call.bytes(1)))
    },
    Op.crypto("op_crypto_cipher_set_padding") { rt, call in
      let c = try cipher(rt, call)
      return call.scope.bool(EVP_CIPHER_CTX_set_padding(c.ctx, call.bool(1) ? 1 : 0) == 1)
    },
    Op("op_crypto_cipher_free") { rt, call in _ = rt.resources.take(call.int(0), as: Cipher.self) },
    Op.crypto("op_crypto_cipher_info") { _, call in
      // (name or nid, keyLength or -1, ivLength or -1) → {name, nid, blockSize, ivLength, keyLength, mode} or undefined
      let a = call.arg(0)
      let c: OpaquePointer? =
        call.scope.type(a) == .number ? OBJ_nid2sn(Int32(call.int(0))).flatMap { EVP_get_cipherbyname($0) } : EVP_get_cipherbyname(call.string(0))
      guard let c else { return call.scope.undefined }
      return call.scope.make(try info(c, keyLength: call.int(1), ivLength: call.int(2)))
    },
    Op("op_crypto_cipher_list") { _, call in
      call.returns(call.scope.make(.array(names(fe_list_ciphers).map(JSValue.string))))
    },
    Op("op_crypto_digest_list") { _, call in
      call.returns(call.scope.make(.array(names(fe_list_digests).map(JSValue.string))))
    },
  ]

  static func cipher(_ rt: Runtime, _ call: OpCall) throws -> Cipher {
    guard let c = rt.resources.get(call.int(0), as: Cipher.self) else { throw CryptoFailure("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state") }
    return c
  }

  static func names(_ walk: (UnsafeMutablePointer<fe_name_list>?) -> Void) -> [String] {
    var list = fe_name_list(names: nil, count: 0, capacity: 0)
    walk(&list)
    defer { fe_name_list_free(&list) }
    return (0..<Int(list.count)).compactMap { list.names[$0].map { String(cString: $0) } }
  }

  static let modes: [Int32: String] = [
    EVP_CIPH_CBC_MODE: "cbc", EVP_CIPH_CCM_MODE: "ccm", EVP_CIPH_CFB_MODE: "cfb", EVP_CIPH_CTR_MODE: "ctr",
    EVP_CIPH_ECB_MODE: "ecb", EVP_CIPH_GCM_MODE: "gcm", EVP_CIPH_OCB_MODE: "ocb", EVP_CIPH_OFB_MODE: "ofb",
    EVP_CIPH_STREAM_CIPHER: "stream", EVP_CIPH_WRAP_MODE: "wrap", EVP_CIPH_XTS_MODE: "xts",
  ]

  /// getCipherInfo: undefined when the asked key or IV length does not fit the cipher.
  static func info(_ c: OpaquePointer, keyLength: Int, ivLength: Int) throws -> JSValue {
    let mode = Int32(EVP_CIPHER_get_mode(c))
    var keyLen = Int(EVP_CIPHER_get_key_length(c))
    var ivLen = Int(EVP_CIPHER_get_iv_length(c))
    if keyLength >= 0 || ivLength >= 0 {
      guard let ctx = EVP_CIPHER_CTX_new() else { throw CryptoFailure.openssl() }
      defer { EVP_CIPHER_CTX_free(ctx) }
      guard EVP_CipherInit_ex(ctx, c, nil, nil, nil, 1) == 1 else { return .undefined }
      if keyLength >= 0 {
        if EVP_CIPHER_CTX_set_key_length(ctx, Int32(keyLength)) != 1 { return .undefined }
        keyLen = keyLength
      }
      if ivLength >= 0 {
        switch mode {
        case EVP_CIPH_CCM_MODE: if ivLength < 7 || ivLength > 13 { return .undefined }
        case EVP_CIPH_GCM_MODE: if ivLength == 0 { return .undefined }
        case EVP_CIPH_OCB_MODE: if EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, Int32(ivLength), nil) != 1 { return .undefined }
        default: if ivLength != ivLen { return .undefined }
        }
        ivLen = ivLength
      }
    }
    var out: [(String, JSValue)] = []
    if let m = modes[mode] { out.append(("mode", .string(m))) }
    out.append(("name", .string(String(cString: OBJ_nid2sn(EVP_CIPHER_get_nid(c))).lowercased())))
    out.append(("nid", .number(Double(EVP_CIPHER_get_nid(c)))))
    if mode != EVP_CIPH_STREAM_CIPHER { out.append(("blockSize", .number(Double(EVP_CIPHER_get_block_size(c))))) }
    if ivLen != 0 { out.append(("ivLength", .number(Double(ivLen)))) }
    out.append(("keyLength", .number(Double(keyLen))))
    return .object(out)
  }
}

/// One cipher in progress. AEAD modes keep Node's rules: CCM needs its message length before any
/// data and at most one update; the tag is set before final when decrypting.
final class Cipher: Resource {
  let ctx: OpaquePointer
  let encrypt: Bool
  let mode: Int32
  let authTagLength: Int
  private(set) var tag: [UInt8]? = nil
  private var pendingTag: [UInt8]? = nil
  private var ccmLengthSet = false

  init(_ o: JSValue) throws {
    let name = o.str("name") ?? ""
    guard let c = EVP_get_cipherbyname(name) else {
      throw CryptoFailure("Error", "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher")
    }
    guard let ctx = EVP_CIPHER_CTX_new() else { throw CryptoFailure.openssl() }
    self.ctx = ctx
    encrypt = o["encrypt"]?.bool ?? true
    mode = Int32(EVP_CIPHER_get_mode(c))
    let key = o["key"]?.bytes ?? []
    let iv = o["iv"]?.bytes
    let isAEAD = mode == EVP_CIPH_GCM_MODE || mode == EVP_CIPH_CCM_MODE || mode == EVP_CIPH_OCB_MODE
      || EVP_CIPHER_get_nid(c) == NID_chacha20_poly1305
    var tagLen = o["authTagLength"]?.int ?? -1
    let expectedIV = Int(EVP_CIPHER_get_iv_length(c))
    if let iv {
      let ok: Bool
      switch mode {
      case EVP_CIPH_GCM_MODE: ok = iv.count > 0
      case EVP_CIPH_CCM_MODE: ok = iv.count >= 7 && iv.count <= 13
      case EVP_CIPH_OCB_MODE: ok = iv.count >= 1 && iv.count <= 15
      default: ok = EVP_CIPHER_get_nid(c) == NID_chacha20_poly1305 ? iv.count >= 1 && iv.count <= 12 : iv.count == expectedIV
      }
      if !ok {
        EVP_CIPHER_CTX_free(ctx)
        throw CryptoFailure("TypeError", "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector")
      }
    } else if expectedIV != 0 {
      EVP_CIPHER_CTX_free(ctx)
      throw CryptoFailure("TypeError", "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector")
    }
    guard EVP_CipherInit_ex(ctx, c, nil, nil, nil, encrypt ? 1 : 0) == 1 else {
      EVP_CIPHER_CTX_free(ctx)
      throw CryptoFailure.openssl()
    }
    if isAEAD {
      if let iv, iv.count != expectedIV, EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, Int32(iv.count), nil) != 1 {
        EVP_CIPHER_CTX_free(ctx)
        throw CryptoFailure("TypeError", "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector")
      }
      if mode == EVP_CIPH_CCM_MODE || (mode == EVP_CIPH_OCB_MODE && tagLen >= 0)
        || (EVP_CIPHER_get_nid(c) == NID_chacha20_poly1305 && tagLen >= 0)
      {
        if tagLen < 0 {
          EVP_CIPHER_CTX_free(ctx)
          throw CryptoFailure("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "authTagLength required for \(name)")
        }
        if EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, Int32(tagLen), nil) != 1 {
          EVP_CIPHER_CTX_free(ctx)
          throw CryptoFailure("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "Invalid authentication tag length: \(tagLen)")
        }
      } else if mode == EVP_CIPH_GCM_MODE && tagLen >= 0 {
        if ![4, 8, 12, 13, 14, 15, 16].contains(tagLen) {
          EVP_CIPHER_CTX_free(ctx)
          throw CryptoFailure("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "Invalid authentication tag length: \(tagLen)")
        }
      }
      if tagLen < 0 { tagLen = 16 }
    }
    authTagLength = tagLen
    // Fully initialised from here: a throw runs deinit, which frees the context.
    if key.count != Int(EVP_CIPHER_get_key_length(c)) && EVP_CIPHER_CTX_set_key_length(ctx, Int32(key.count)) != 1 {
      throw CryptoFailure("RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length")
    }
    let ok = key.withUnsafeBufferPointer { k in
      (iv ?? []).withUnsafeBufferPointer { i in
        EVP_CipherInit_ex(ctx, nil, nil, k.baseAddress, iv == nil ? nil : i.baseAddress, encrypt ? 1 : 0) == 1
      }
    }
    if !ok { throw CryptoFailure.openssl() }
  }

  deinit { EVP_CIPHER_CTX_free(ctx) }

  private var isCCM: Bool { mode == EVP_CIPH_CCM_MODE }

  func setAAD(_ aad: [UInt8], plaintextLength: Int) throws {
    if isCCM {
      guard plaintextLength >= 0 else {
        throw CryptoFailure("Error", "ERR_CRYPTO_INVALID_MESSAGELEN", "options.plaintextLength required for CCM mode with AAD")
      }
      try setCCMLength(plaintextLength)
    }
    var outl: Int32 = 0
    let ok = aad.withUnsafeBufferPointer { EVP_CipherUpdate(ctx, nil, &outl, $0.baseAddress ?? UnsafePointer(bitPattern: 1), Int32(aad.count)) }
    guard ok == 1 else { throw CryptoFailure("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state for operation setAAD") }
  }

  private func setCCMLength(_ n: Int) throws {
    if !encrypt, let t = pendingTag {
      guard t.withUnsafeBufferPointer({ EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, Int32(t.count), UnsafeMutableRawPointer(mutating: $0.baseAddress)) }) == 1
      else { throw CryptoFailure.openssl() }
    }
    var outl: Int32 = 0
    guard EVP_CipherUpdate(ctx, nil, &outl, nil, Int32(n)) == 1 else {
      throw CryptoFailure("RangeError", "ERR_CRYPTO_INVALID_MESSAGELEN", "Invalid message length")
    }
    ccmLengthSet = true
  }

  func update(_ data: UnsafeRawBufferPointer) throws -> [UInt8] {
    if isCCM && !ccmLengthSet { try setCCMLength(data.count) }
    if isCCM && !encrypt, pendingTag == nil {
      throw CryptoFailure("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state for operation update")
    }
    // OpenSSL counts in int: larger input cannot be passed in one call.
    guard data.count <= Int(Int32.max) - Int(EVP_CIPHER_CTX_get_block_size(ctx)) - 16 else {
      throw CryptoFailure("Error", "ERR_CRYPTO_INVALID_STATE", "Trying to add data in unsupported state")
    }
    var out = [UInt8](repeating: 0, count: data.count + Int(EVP_CIPHER_CTX_get_block_size(ctx)) + 16)
    var outl: Int32 = 0
    let ok = EVP_CipherUpdate(ctx, &out, &outl, data.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1), Int32(data.count))
    if ok != 1 {
      // CCM decryption verifies the tag in its one update: a failure there is final's "Unsupported state".
      if isCCM && !encrypt {
        ccmFailed = true
        ERR_clear_error()
        return []
      }
      throw CryptoFailure("Error", "ERR_CRYPTO_INVALID_STATE", "Trying to add data in unsupported state")
    }
    out.removeLast(out.count - Int(outl))
    return out
  }
  private var ccmFailed = false

  func setTag(_ t: [UInt8]) -> Bool {
    pendingTag = t
    if isCCM { return true }
    return t.withUnsafeBufferPointer {
      EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, Int32(t.count), UnsafeMutableRawPointer(mutating: $0.baseAddress))
    } == 1
  }

  func final() throws -> [UInt8] {
    if isCCM && !encrypt {
      if ccmFailed { throw CryptoFailure("Error", "", "Unsupported state or unable to authenticate data") }
      return []
    }
    var out = [UInt8](repeating: 0, count: Int(EVP_CIPHER_CTX_get_block_size(ctx)) + 16)
    var outl: Int32 = 0
    if EVP_CipherFinal_ex(ctx, &out, &outl) != 1 {
      if authTagLength >= 0 && !encrypt {
        ERR_clear_error()
        throw CryptoFailure("Error", "", "Unsupported state or unable to authenticate data")
      }
      throw CryptoFailure.openssl()
    }
    out.removeLast(out.count - Int(outl))
    if encrypt && authTagLength >= 0 {
      var t = [UInt8](repeating: 0, count: authTagLength)
      if EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, Int32(authTagLength), &t) == 1 { tag = t }
    }
    return out
  }
}
