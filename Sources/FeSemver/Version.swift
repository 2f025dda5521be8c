/// A semver 2.0.0 version such as `1.2.3`, `1.0.0-beta.2` or `2.0.0+build.5`.
///
/// Equality, hashing and ordering follow semver precedence, which ignores build metadata:
/// `1.0.0+a == 1.0.0+b`. Swift's `Comparable` needs `==` to agree with `<`, and npm's `eq`
/// behaves the same way. `description` keeps the build so a version round-trips through text.
public struct Version: Comparable, Hashable, Sendable, CustomStringConvertible {
  public var major: Int
  public var minor: Int
  public var patch: Int
  public var prerelease: [PrereleaseIdentifier]
  public var build: [String]

  public init(
    major: Int, minor: Int, patch: Int,
    prerelease: [PrereleaseIdentifier] = [], build: [String] = []
  ) {
    self.major = major
    self.minor = minor
    self.patch = patch
    self.prerelease = prerelease
    self.build = build
  }

  /// Parses a full version, `major.minor.patch[-prerelease][+build]`.
  ///
  /// Like npm's `semver.clean`, surrounding whitespace and a leading run of `v` and `=`
  /// (`v1.2.3`, `=1.2.3`, `=v1.2.3`, `v 1.2.3`) are accepted; the rest must be strict semver.
  public init(parsing text: String) throws(SemverError) {
    do {
      self = try Version.parse(text)
    } catch {
      throw SemverError(input: text, subject: .version, reason: error.reason)
    }
  }

  public var isPrerelease: Bool { !prerelease.isEmpty }

  public var description: String {
    var text = precedenceDescription
    if !build.isEmpty { text += "+" + build.joined(separator: ".") }
    return text
  }

  /// The version without build metadata, as npm prints it in ranges.
  var precedenceDescription: String {
    var text = "\(major).\(minor).\(patch)"
    if !prerelease.isEmpty { text += "-" + prerelease.map(\.description).joined(separator: ".") }
    return text
  }

  public static func == (lhs: Version, rhs: Version) -> Bool {
    lhs.major == rhs.major && lhs.minor == rhs.minor && lhs.patch == rhs.patch
      && lhs.prerelease == rhs.prerelease
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(major)
    hasher.combine(minor)
    hasher.combine(patch)
    hasher.combine(prerelease)
  }

  public static func < (lhs: Version, rhs: Version) -> Bool {
    if lhs.major != rhs.major { return lhs.major < rhs.major }
    if lhs.minor != rhs.minor { return lhs.minor < rhs.minor }
    if lhs.patch != rhs.patch { return lhs.patch < rhs.patch }
    // A release outranks any of its prereleases.
    switch (lhs.prerelease.isEmpty, rhs.prerelease.isEmpty) {
    case (true, true), (true, false): return false
    case (false, true): return true
    case (false, false):
      // Identifier by identifier; when one list is a prefix of the other, the shorter is lower.
      return lhs.prerelease.lexicographicallyPrecedes(rhs.prerelease)
    }
  }

  /// Whether `self` and `other` share `[major, minor, patch]`, the tuple npm's prerelease rule
  /// looks at.
  func hasSameCore(as other: Version) -> Bool {
    major == other.major && minor == other.minor && patch == other.patch
  }
}

extension Version {
  /// npm rejects longer version strings outright, which also bounds the work done on them.
  static let maxLength = 256

  static func parse(_ text: String) throws(ParseFailure) -> Version {
    // npm's `clean`: trim, drop leading `=`/`v`, then parse, which trims again and allows
    // one more `v` (so `v 1.2.3` and `= v1.2.3` are fine).
    let shape = "expected three dot-separated numbers, major.minor.patch"
    let outer = text.trimmingWhitespace()
    guard !outer.isEmpty else { throw ParseFailure("it is empty") }
    let unprefixed = outer.drop { $0 == "v" || $0 == "=" }
    guard unprefixed.utf8.count <= maxLength else {
      throw ParseFailure("it is longer than \(maxLength) characters")
    }
    var scanner = Scanner(unprefixed.trimmingWhitespace())
    _ = scanner.take(UInt8(ascii: "v"))

    guard let major = try scanner.numericIdentifier(), scanner.take(UInt8(ascii: ".")),
      let minor = try scanner.numericIdentifier(), scanner.take(UInt8(ascii: ".")),
      let patch = try scanner.numericIdentifier()
    else { throw ParseFailure(shape) }

    var version = Version(major: major, minor: minor, patch: patch)
    if scanner.take(UInt8(ascii: "-")) { version.prerelease = try scanner.prereleaseIdentifiers() }
    if scanner.take(UInt8(ascii: "+")) { version.build = try scanner.buildIdentifiers() }
    guard scanner.isAtEnd else {
      throw ParseFailure(unexpectedTail(scanner, after: version))
    }
    return version
  }

  private static func unexpectedTail(_ scanner: Scanner, after version: Version) -> String {
    let tail = scanner.rest
    if let byte = scanner.peek, Scanner.isLetter(byte), version.prerelease.isEmpty,
      version.build.isEmpty
    {
      return "unexpected \"\(tail)\" after \(version); a prerelease tag starts with \"-\""
    }
    return "unexpected \"\(tail)\" after \(version)"
  }
}

extension Version: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    do {
      self = try Version(parsing: text)
    } catch {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension StringProtocol {
  /// Without Foundation there is no `trimmingCharacters(in:)`.
  func trimmingWhitespace() -> Substring {
    let string = Substring(self)
    guard let first = string.firstIndex(where: { !$0.isWhitespace }),
      let last = string.lastIndex(where: { !$0.isWhitespace })
    else { return string[string.endIndex...] }
    return string[first...last]
  }
}
