import CCrypto
import FeBasics
import FoundationEssentials

/// A registry's signing keys (`GET <registry>/-/npm/v1/keys`), each an ECDSA P-256 public key
/// with its id and expiry; cached per registry so an offline install still checks signatures.
public struct RegistryKeys: @unchecked Sendable {
  public struct Key {
    public let keyid: String
    /// Nil: does not expire.
    public let expires: Date?
    let pkey: PublicKey
  }

  public let registry: String
  public let keys: [Key]

  /// Parses the keys document; keys fe cannot use (other types, bad DER) are left out.
  init(registry: String, bytes: [UInt8]) throws {
    self.registry = registry
    guard let list = JSONValue.parse(bytes)?["keys"]?.array else {
      throw FeError(
        .integrity, "\(registry)-/npm/v1/keys is not a list of signing keys",
        hint: "the registry's key document is malformed; tell its maintainers")
    }
    var keys: [Key] = []
    for k in list {
      guard let keyid = k["keyid"]?.string, let b64 = k["key"]?.string, let der = Data(base64Encoded: b64).map(Array.init),
        let pkey = PublicKey(der: der)
      else { continue }
      let expires = k["expires"]?.string.flatMap { try? Date($0, strategy: .iso8601) }
      keys.append(Key(keyid: keyid, expires: expires, pkey: pkey))
    }
    self.keys = keys
  }

  func key(_ id: String) -> Key? { keys.first { $0.keyid == id } }
}

/// An OpenSSL public key read from DER SubjectPublicKeyInfo, freed with its owner.
final class PublicKey: @unchecked Sendable {
  private let pkey: OpaquePointer

  init?(der: [UInt8]) {
    var parsed: OpaquePointer?
    der.withUnsafeBufferPointer { buf in
      var p: UnsafePointer<UInt8>? = buf.baseAddress
      parsed = d2i_PUBKEY(nil, &p, buf.count)
    }
    guard let parsed else { return nil }
    guard EVP_PKEY_get_base_id(parsed) == EVP_PKEY_EC else {
      EVP_PKEY_free(parsed)
      return nil
    }
    pkey = parsed
  }

  deinit { EVP_PKEY_free(pkey) }

  /// Whether `signature` (DER ECDSA) signs SHA-256 of `message` with this key.
  func verify(_ signature: [UInt8], of message: [UInt8]) -> Bool {
    guard let ctx = EVP_MD_CTX_new() else { return false }
    defer { EVP_MD_CTX_free(ctx) }
    guard EVP_DigestVerifyInit(ctx, nil, EVP_sha256(), nil, pkey) == 1 else { return false }
    return EVP_DigestVerify(ctx, signature, signature.count, message, message.count) == 1
  }
}
