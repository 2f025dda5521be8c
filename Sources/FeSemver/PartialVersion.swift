/// A version as written inside a range, where trailing parts may be missing or wildcards:
/// `1`, `1.2`, `1.x`, `1.2.*`, `*`, `1.2.3-beta`.
///
/// A missing part and a wildcard mean the same thing in npm's grammar, so both are nil.
struct PartialVersion: Hashable, Sendable {
  var major: Int?
  var minor: Int?
  var patch: Int?
  /// Only ever set when all three parts were written (npm ignores it after a wildcard patch).
  var prerelease: [PrereleaseIdentifier] = []

  /// All three parts are numbers: the partial is a plain version.
  var isFull: Bool { major != nil && minor != nil && patch != nil }

  /// A number after a wildcard (`x.2`, `1.x.3`). npm rejects these for plain comparators but
  /// lets `~`, `^` and hyphen ranges through, treating the number as a wildcard.
  var hasNumberAfterWildcard: Bool {
    (major == nil && minor != nil) || (minor == nil && patch != nil)
  }
}

extension Scanner {
  /// `xr ( '.' xr ( '.' xr ( '-' pre )? )? )?` where `xr` is a number, `x`, `X` or `*`.
  /// Well-formed build metadata was stripped from the range already; a `+` still here is
  /// malformed and is read only to say why.
  mutating func partialVersion() throws(ParseFailure) -> PartialVersion {
    guard let major = try versionPart() else {
      throw ParseFailure(isAtEnd ? "expected a version" : "expected a version, not \"\(rest)\"")
    }
    var partial = PartialVersion(major: major.number)
    if take(UInt8(ascii: ".")) {
      partial.minor = try requiredPart().number
      if take(UInt8(ascii: ".")) {
        partial.patch = try requiredPart().number
        if take(UInt8(ascii: "-")) {
          let prerelease = try prereleaseIdentifiers()
          // npm's grammar allows `1.2.x-beta` but desugars it as plain `1.2.x`.
          if partial.patch != nil { partial.prerelease = prerelease }
        }
      }
    }
    if take(UInt8(ascii: "+")) { _ = try buildIdentifiers() }
    return partial
  }

  private enum Part {
    case number(Int)
    case wildcard

    var number: Int? {
      if case .number(let value) = self { return value }
      return nil
    }
  }

  private mutating func versionPart() throws(ParseFailure) -> Part? {
    if let number = try numericIdentifier(clampingLargeValues: true) { return .number(number) }
    if take(UInt8(ascii: "x")) || take(UInt8(ascii: "X")) || take(UInt8(ascii: "*")) {
      return .wildcard
    }
    return nil
  }

  private mutating func requiredPart() throws(ParseFailure) -> Part {
    guard let part = try versionPart() else {
      let found = isAtEnd ? "" : ", not \"\(rest)\""
      throw ParseFailure("expected a number, \"x\" or \"*\" after \".\"\(found)")
    }
    return part
  }

  /// Explains why bytes are left over after a partial version.
  func trailingReason(after partial: PartialVersion) -> String {
    let tail = rest
    guard let byte = peek else { return "unexpected end" }
    if partial.patch == nil && byte == UInt8(ascii: "-") {
      return "a prerelease tag needs a full major.minor.patch version before \"\(tail)\""
    }
    if byte == UInt8(ascii: ".") {
      return "a version has at most three parts, unexpected \"\(tail)\""
    }
    if Scanner.isLetter(byte) && partial.prerelease.isEmpty {
      return "unexpected \"\(tail)\"; a prerelease tag starts with \"-\""
    }
    return "unexpected \"\(tail)\""
  }
}
