import FeBasics
import FoundationEssentials

/// npm's registry signatures (pacote): each `dist.signatures` entry is an ECDSA P-256 signature
/// of `<name>@<version>:<dist.integrity>` by a key the registry publishes. A present signature
/// that does not verify, or names a key the registry does not publish (or one that expired),
/// fails the install (65); an unsigned package passes unless signatures are required.
enum SignatureCheck {
  static func verify(_ m: Manifest, keys: RegistryKeys?, require: Bool, now: Date = Date()) throws {
    let hint =
      "nothing was installed; the registry served a package its keys do not vouch for — do not use it, and tell the registry's maintainers"
    guard !m.dist.signatures.isEmpty else {
      if require {
        throw FeError(
          .integrity, "\(m.id) has no registry signature, and signatures are required",
          hint: "unset FE_NPM_REQUIRE_SIGNATURES to accept unsigned packages from this registry")
      }
      return
    }
    guard let keys, !keys.keys.isEmpty else {
      if require {
        throw FeError(
          .integrity, "\(m.id) is signed, but its registry publishes no signing keys (-/npm/v1/keys)",
          hint: "unset FE_NPM_REQUIRE_SIGNATURES to install from registries without keys")
      }
      return
    }
    guard let integrity = m.dist.integrity else {
      throw FeError(.integrity, "\(m.id) is signed but has no dist.integrity to check the signature against", hint: hint)
    }
    let message = Array("\(m.name)@\(m.version):\(integrity)".utf8)
    for s in m.dist.signatures {
      guard let key = keys.key(s.keyid) else {
        throw FeError(
          .integrity, "\(m.id) is signed with key \(s.keyid), which \(keys.registry) does not publish",
          hint: hint + "; if the registry rotated its keys, retry once its key list is current")
      }
      if let expires = key.expires, expires < now {
        throw FeError(.integrity, "\(m.id) is signed with key \(s.keyid), which expired on \(expires.formatted(.iso8601))", hint: hint)
      }
      guard let sig = Data(base64Encoded: s.sig).map(Array.init), key.pkey.verify(sig, of: message) else {
        throw FeError(.integrity, "the registry signature of \(m.id) does not verify with key \(s.keyid)", hint: hint)
      }
    }
  }
}
