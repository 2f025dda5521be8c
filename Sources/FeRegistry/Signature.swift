import CCrypto
import FeBasics
import FoundationEssentials

/// An Ed25519 key held by OpenSSL (EVP_PKEY): a trusted public key from the config or
/// FE_TRUSTED_KEYS, or a publisher's private key from a PEM file.
public final class Ed25519Key: @unchecked Sendable {
  private let pkey: OpaquePointer

  private init(_ pkey: OpaquePointer) {
    self.pkey = pkey
  }

  deinit { EVP_PKEY_free(pkey) }

  /// A public key as users write it: base64 of the 32 raw bytes (optionally `ed25519:`-prefixed,
  /// what `fe blobs publish --sign-key` prints), or a PEM `PUBLIC KEY` block.
  public static func publicKey(_ text: String) throws -> Ed25519Key {
    switch parsePublicKey(text) {
    case .success(let key): return key
    case .failure(let problem):
      throw FeError(.config, "the trusted key \"\(TrustedKeys.display(text))\" cannot be used: \(problem.why)", hint: TrustedKeys.hint)
    }
  }

  /// Why a text is not a public key, for TrustedKeys to put in one error naming the key.
  struct KeyProblem: Error {
    let why: String
  }

  static func parsePublicKey(_ text: String) -> Result<Ed25519Key, KeyProblem> {
    let trimmed = text.trimmed(of: " \t\r\n")
    if trimmed.hasPrefix("-----BEGIN") {
      guard let key = withBIO(Array(trimmed.utf8), { PEM_read_bio_PUBKEY($0, nil, nil, nil) }) else {
        return .failure(KeyProblem(why: "it is not a PEM public key"))
      }
      let wrapped = Ed25519Key(key)
      guard EVP_PKEY_get_base_id(key) == EVP_PKEY_ED25519 else { return .failure(KeyProblem(why: "it is not an Ed25519 key")) }
      return .success(wrapped)
    }
    let b64 = trimmed.hasPrefix("ed25519:") ? String(trimmed.dropFirst("ed25519:".count)) : trimmed
    guard let raw = Data(base64Encoded: b64).map(Array.init), raw.count == 32 else {
      return .failure(KeyProblem(why: "it is not the base64 of a 32-byte Ed25519 public key"))
    }
    guard let key = raw.withUnsafeBufferPointer({ EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, $0.baseAddress, 32) }) else {
      return .failure(KeyProblem(why: "OpenSSL rejects it"))
    }
    return .success(Ed25519Key(key))
  }

  /// A private key from a PEM file (`openssl genpkey -algorithm ed25519 -out key.pem`).
  public static func privateKey(pem: [UInt8], path: String) throws -> Ed25519Key {
    guard let key = withBIO(pem, { PEM_read_bio_PrivateKey($0, nil, nil, nil) }) else {
      throw FeError(
        .usage, "\(path) is not an unencrypted PEM private key",
        hint: "make one with `openssl genpkey -algorithm ed25519 -out \(Path.basename(path))`")
    }
    let wrapped = Ed25519Key(key)
    guard EVP_PKEY_get_base_id(key) == EVP_PKEY_ED25519 else {
      throw FeError(.usage, "\(path) is not an Ed25519 key", hint: "make one with `openssl genpkey -algorithm ed25519`")
    }
    return wrapped
  }

  /// The 32 raw public-key bytes.
  public var rawPublicKey: [UInt8] {
    var out = [UInt8](repeating: 0, count: 32)
    var length = 32
    _ = EVP_PKEY_get_raw_public_key(pkey, &out, &length)
    return Array(out.prefix(length))
  }

  /// `ed25519:<base64>`: how fe prints a public key, and one way to write it in `trustedKeys`.
  public var publicKeyText: String { "ed25519:" + Data(rawPublicKey).base64EncodedString() }

  /// Whether `signature` is this key's signature of `message`.
  public func verify(_ signature: [UInt8], of message: [UInt8]) -> Bool {
    guard signature.count == 64, let ctx = EVP_MD_CTX_new() else { return false }
    defer { EVP_MD_CTX_free(ctx) }
    guard EVP_DigestVerifyInit(ctx, nil, nil, nil, pkey) == 1 else { return false }
    return EVP_DigestVerify(ctx, signature, 64, message, message.count) == 1
  }

  /// This (private) key's signature of `message`: 64 bytes.
  public func sign(_ message: [UInt8]) throws -> [UInt8] {
    guard let ctx = EVP_MD_CTX_new() else { throw FeError(.internalError, "OpenSSL could not allocate a context") }
    defer { EVP_MD_CTX_free(ctx) }
    var signature = [UInt8](repeating: 0, count: 64)
    var length = 64
    guard EVP_DigestSignInit(ctx, nil, nil, nil, pkey) == 1,
      EVP_DigestSign(ctx, &signature, &length, message, message.count) == 1, length == 64
    else {
      throw FeError(.usage, "OpenSSL could not sign with this key", hint: "pass an Ed25519 private key (PEM) to --sign-key")
    }
    return signature
  }

  private static func withBIO(_ bytes: [UInt8], _ body: (OpaquePointer) -> OpaquePointer?) -> OpaquePointer? {
    bytes.withUnsafeBytes { buffer -> OpaquePointer? in
      guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
      defer { BIO_free(bio) }
      return body(bio)
    }
  }
}

/// Trusted public keys as users hold them: one parser for `trustedKeys` in fe.config.js and for
/// FE_TRUSTED_KEYS, so both take the same forms. A text holds one or more keys, each either
/// `ed25519:<base64>` (or the bare base64 of the 32 bytes) or a PEM `PUBLIC KEY` block exactly as
/// `openssl pkey -pubout` prints it. A PEM block runs from its `-----BEGIN` line to its `-----END
/// …-----` line, newlines and all; outside PEM blocks, keys are separated by commas or
/// whitespace (neither occurs inside a key, and a comma cannot clash with PEM's armour).
/// An unusable key is one config error (78) naming where it was written and which key it is.
public enum TrustedKeys {
  static let hint =
    "write each key as `fe blobs publish --sign-key` prints it (ed25519:<base64 of 32 bytes>) or as a PEM public key "
    + "(`openssl pkey -in key.pem -pubout`); separate several with commas or whitespace"

  /// The keys in `text`, in order; `source` says where it was written (`FE_TRUSTED_KEYS`,
  /// or "<config>: `trustedKeys[1]`") for the error about an unusable one.
  public static func parse(_ text: String, source: String) throws -> [Ed25519Key] {
    let texts = split(text)
    var keys: [Ed25519Key] = []
    for (i, keyText) in texts.enumerated() {
      switch Ed25519Key.parsePublicKey(keyText) {
      case .success(let key): keys.append(key)
      case .failure(let problem):
        let which = texts.count > 1 ? "key \(i + 1) of \(texts.count), " : ""
        throw FeError(.config, "\(source): \(which)\"\(display(keyText))\" cannot be used as a trusted key: \(problem.why)", hint: hint)
      }
    }
    if keys.isEmpty {
      throw FeError(.config, "\(source) holds no key", hint: hint)
    }
    return keys
  }

  /// The key texts in `text`: each PEM block whole, the rest split at commas and whitespace.
  public static func split(_ text: String) -> [String] {
    var out: [String] = []
    var rest = Substring(text)
    func words(_ part: Substring) {
      out += part.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
    }
    while let begin = find("-----BEGIN", in: rest) {
      words(rest[..<begin.lowerBound])
      // The block ends after the `-----` that closes its END line (or at the end of the text:
      // an unterminated block is one key, reported as not a PEM public key).
      var end = rest.endIndex
      if let endLine = find("-----END", in: rest[begin.upperBound...]), let close = find("-----", in: rest[endLine.upperBound...]) {
        end = close.upperBound
      }
      out.append(String(rest[begin.lowerBound..<end]))
      rest = rest[end...]
    }
    words(rest)
    return out
  }

  /// Where `needle` first occurs in `text`.
  private static func find(_ needle: String, in text: Substring) -> Range<Substring.Index>? {
    var i = text.startIndex
    while i < text.endIndex {
      if text[i...].hasPrefix(needle) { return i..<text.index(i, offsetBy: needle.count) }
      i = text.index(after: i)
    }
    return nil
  }

  /// A key on one line for messages: whitespace runs as one space, at most 80 characters.
  static func display(_ text: String) -> String {
    let oneLine = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    let printable = String(oneLine.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
    return printable.count > 80 ? printable.prefix(80) + "…" : printable
  }
}

/// `index.json.sig`, the detached signature beside an index: one or more lines, each the
/// base64 of a 64-byte Ed25519 signature of index.json's exact bytes (several lines let a
/// publisher sign with an old and a new key while clients rotate). A file of exactly 64 raw
/// bytes is read as one signature too.
public enum IndexSignature {
  public static let fileName = "index.json.sig"

  /// The signatures in a .sig file.
  public static func parse(_ bytes: [UInt8]) -> [[UInt8]] {
    var out: [[UInt8]] = []
    for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) {
      if let sig = Data(base64Encoded: line.trimmed(of: " \t")).map(Array.init), sig.count == 64 { out.append(sig) }
    }
    if out.isEmpty && bytes.count == 64 { out.append(bytes) }
    return out
  }

  /// A .sig file holding `signatures`, one base64 line each.
  public static func encode(_ signatures: [[UInt8]]) -> [UInt8] {
    Array(signatures.map { Data($0).base64EncodedString() + "\n" }.joined().utf8)
  }

  /// Checks `index` against its .sig file (nil when there is none) and the trusted keys. With
  /// no trusted keys nothing is required; with some, one signature must verify with one key.
  public static func verify(index: [UInt8], signature: [UInt8]?, trusted: [Ed25519Key], origin: String) throws {
    guard !trusted.isEmpty else { return }
    guard let signature else {
      throw FeError(
        .integrity, "the registry index \(origin) is not signed, and trusted keys are configured",
        hint: "the registry must publish \(fileName) beside its index (fe blobs publish --sign-key); "
          + "or remove the keys from `trustedKeys` / FE_TRUSTED_KEYS to accept unsigned registries")
    }
    let signatures = parse(signature)
    for sig in signatures {
      for key in trusted where key.verify(sig, of: index) { return }
    }
    throw FeError(
      .integrity,
      signatures.isEmpty
        ? "the signature of \(origin) is not base64 of a 64-byte Ed25519 signature"
        : "the registry index \(origin) is not signed by any trusted key",
      hint:
        "the index may have been tampered with; if the registry rotated its key, add the new public key to `trustedKeys` or FE_TRUSTED_KEYS"
    )
  }
}
