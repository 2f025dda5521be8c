import CCrypto
import FeBasics
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// A package's expected digest: the strongest entry of its SRI `dist.integrity` (`sha512-…`,
/// possibly several, space-separated), or its hex sha1 `shasum` when the registry has nothing
/// else (old packages), which callers warn about: sha1 is no longer collision-resistant.
public struct Integrity: Sendable, Equatable, CustomStringConvertible {
  public enum Algorithm: String, Sendable, Comparable, CaseIterable {
    case sha1, sha256, sha384, sha512

    var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: Algorithm, b: Algorithm) -> Bool { a.rank < b.rank }
  }

  public let algorithm: Algorithm
  public let digest: [UInt8]

  /// The strongest usable entry of `dist`, nil when it has none.
  init?(integrity: String?, shasum: String?) {
    var best: Integrity?
    for entry in (integrity ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
      guard let dash = entry.firstIndex(of: "-"), let algo = Algorithm(rawValue: String(entry[..<dash]).lowercased()) else { continue }
      var b64 = String(entry[entry.index(after: dash)...])
      if let q = b64.firstIndex(of: "?") { b64 = String(b64[..<q]) }  // SRI options
      guard let bytes = Data(base64Encoded: b64).map(Array.init), bytes.count == algo.length else { continue }
      if best.map({ $0.algorithm < algo }) ?? true { best = Integrity(algorithm: algo, digest: bytes) }
    }
    if let best {
      self = best
      return
    }
    guard let shasum, let bytes = Self.hex(shasum), bytes.count == 20 else { return nil }
    self = Integrity(algorithm: .sha1, digest: bytes)
  }

  init(algorithm: Algorithm, digest: [UInt8]) {
    self.algorithm = algorithm
    self.digest = digest
  }

  /// `sha512-<base64>`, as lock files and npm print it.
  public var description: String { "\(algorithm.rawValue)-\(Data(digest).base64EncodedString())" }

  /// The digest in hex, a file name in the content-addressed cache.
  public var hex: String { digest.map { String(format2: $0) }.joined() }

  static func hex(_ text: String) -> [UInt8]? {
    let chars = Array(text.lowercased().utf8)
    guard chars.count % 2 == 0 else { return nil }
    var out: [UInt8] = []
    var i = 0
    while i < chars.count {
      guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
      out.append(hi << 4 | lo)
      i += 2
    }
    return out
  }

  private static func nibble(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    default: return nil
    }
  }

  /// Whether the file at `path` has this digest (read in 1 MiB pieces).
  func matches(file path: String) throws -> Bool {
    try Self.digest(of: path, algorithm) == digest
  }

  static func digest(of path: String, _ algorithm: Algorithm) throws -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FileSystem.ioError("cannot read \(path)") }
    defer { close(fd) }
    guard let ctx = EVP_MD_CTX_new() else { throw FeError(.internalError, "OpenSSL could not allocate a digest context") }
    defer { EVP_MD_CTX_free(ctx) }
    guard EVP_DigestInit_ex(ctx, algorithm.md, nil) == 1 else { throw FeError(.internalError, "OpenSSL has no \(algorithm.rawValue)") }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw FileSystem.ioError("cannot read \(path)")
      }
      if n == 0 { break }
      _ = buffer.withUnsafeBytes { EVP_DigestUpdate(ctx, $0.baseAddress, n) }
    }
    var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    EVP_DigestFinal_ex(ctx, &out, &length)
    return Array(out.prefix(Int(length)))
  }
}

extension Integrity.Algorithm {
  var length: Int {
    switch self {
    case .sha1: return 20
    case .sha256: return 32
    case .sha384: return 48
    case .sha512: return 64
    }
  }

  var md: OpaquePointer? {
    switch self {
    case .sha1: return EVP_sha1()
    case .sha256: return EVP_sha256()
    case .sha384: return EVP_sha384()
    case .sha512: return EVP_sha512()
    }
  }
}

extension String {
  /// Two lowercase hex digits.
  init(format2 byte: UInt8) {
    let digits = Array("0123456789abcdef")
    self = String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
  }
}
