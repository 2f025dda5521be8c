/// A cursor over the UTF-8 bytes of one version or range token.
///
/// The semver grammar is pure ASCII, so bytes are enough; anything else is simply unexpected.
struct Scanner {
  /// node-semver refuses numbers above JavaScript's `Number.MAX_SAFE_INTEGER`; so do we, so a
  /// range npm rejects is not accepted here.
  static let maxSafeInteger = 9_007_199_254_740_991

  let bytes: [UInt8]
  var index = 0

  init(_ text: some StringProtocol) {
    bytes = Array(text.utf8)
  }

  var isAtEnd: Bool { index == bytes.count }

  var peek: UInt8? { isAtEnd ? nil : bytes[index] }

  /// The unread remainder, for error messages.
  var rest: String { String(decoding: bytes[index...], as: UTF8.self) }

  func text(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  mutating func take(_ byte: UInt8) -> Bool {
    guard peek == byte else { return false }
    index += 1
    return true
  }

  /// Consumes bytes while `predicate` holds and returns their positions.
  mutating func take(while predicate: (UInt8) -> Bool) -> Range<Int> {
    let start = index
    while let byte = peek, predicate(byte) { index += 1 }
    return start..<index
  }

  /// `0|[1-9][0-9]*`, or nil (consuming nothing) when no digit is next.
  ///
  /// With `clampingLargeValues`, numbers above `maxSafeInteger` come back as
  /// `maxSafeInteger + 1` instead of failing: in a range npm only checks the limit on the
  /// comparators it ends up with, so a huge number after a wildcard is simply ignored.
  mutating func numericIdentifier(clampingLargeValues: Bool = false) throws(ParseFailure) -> Int? {
    let digits = take(while: Scanner.isDigit)
    guard !digits.isEmpty else { return nil }
    let spelled = text(digits)
    if digits.count > 1 && bytes[digits.lowerBound] == UInt8(ascii: "0") {
      throw ParseFailure("\"\(spelled)\" has a leading zero")
    }
    guard let value = Int(spelled), value <= Scanner.maxSafeInteger else {
      if clampingLargeValues { return Scanner.maxSafeInteger + 1 }
      throw ParseFailure("\(spelled) is larger than \(Scanner.maxSafeInteger)")
    }
    return value
  }

  /// Dot-separated prerelease identifiers; the leading `-` has already been read.
  mutating func prereleaseIdentifiers() throws(ParseFailure) -> [PrereleaseIdentifier] {
    var identifiers: [PrereleaseIdentifier] = []
    repeat {
      let range = take(while: Scanner.isIdentifierByte)
      guard !range.isEmpty else { throw ParseFailure(emptyIdentifierReason("prerelease")) }
      let spelled = text(range)
      if bytes[range].allSatisfy(Scanner.isDigit) {
        if range.count > 1 && bytes[range.lowerBound] == UInt8(ascii: "0") {
          throw ParseFailure("numeric prerelease identifier \"\(spelled)\" has a leading zero")
        }
        guard let value = UInt64(spelled) else {
          throw ParseFailure("prerelease identifier \(spelled) is too large")
        }
        identifiers.append(.numeric(value))
      } else {
        identifiers.append(.alphanumeric(spelled))
      }
    } while take(UInt8(ascii: "."))
    return identifiers
  }

  /// Dot-separated build identifiers; the leading `+` has already been read.
  mutating func buildIdentifiers() throws(ParseFailure) -> [String] {
    var identifiers: [String] = []
    repeat {
      let range = take(while: Scanner.isIdentifierByte)
      guard !range.isEmpty else { throw ParseFailure(emptyIdentifierReason("build")) }
      identifiers.append(text(range))
    } while take(UInt8(ascii: "."))
    return identifiers
  }

  private func emptyIdentifierReason(_ kind: String) -> String {
    if let byte = peek, byte != UInt8(ascii: ".") {
      return "\(kind) identifiers may only contain letters, digits and \"-\", not \"\(rest)\""
    }
    return "\(kind) identifiers must not be empty"
  }

  static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }

  static func isIdentifierByte(_ byte: UInt8) -> Bool {
    isDigit(byte) || isLetter(byte) || byte == UInt8(ascii: "-")
  }
}
