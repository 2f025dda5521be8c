/// What the user typed as a pin: a range (exact versions are ranges too) or a dist-tag like
/// `latest`.
public enum VersionSelector: Hashable, Sendable, CustomStringConvertible {
  case range(VersionRange)
  case tag(String)

  /// Reads a range when the text is one; otherwise a tag-like word (a letter followed by
  /// letters, digits, `-`, `_` and `.`) is a dist-tag. npm refuses dist-tags that parse as
  /// ranges, so trying the range first loses nothing: `x` and `v1` are ranges, `latest` is a tag.
  public init(parsing text: String) throws(SemverError) {
    let range: VersionRange
    do {
      range = try VersionRange(parsing: text)
    } catch {
      let trimmed = text.trimmingWhitespace()
      guard VersionSelector.isTagLike(trimmed) else {
        throw SemverError(input: text, subject: .selector, reason: error.reason)
      }
      self = .tag(String(trimmed))
      return
    }
    self = .range(range)
  }

  public var description: String {
    switch self {
    case .range(let range): return range.description
    case .tag(let tag): return tag
    }
  }

  private static func isTagLike(_ text: Substring) -> Bool {
    guard let first = text.utf8.first, Scanner.isLetter(first) else { return false }
    return text.utf8.allSatisfy { byte in
      Scanner.isIdentifierByte(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }
  }
}
