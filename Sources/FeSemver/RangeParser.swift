/// Turns range text into comparator sets of `RangeTerm`s, accepting what node-semver accepts
/// in its default (non-loose) mode.
///
/// node-semver works by successive regex rewrites; this follows the same steps on tokens:
/// collapse whitespace, split on `||`, recognise a whole-set hyphen range, glue operators to
/// the version after them (`>= 1.2.3` is `>=1.2.3`), then read each token.
enum RangeParser {
  static func parse(_ text: String) throws(ParseFailure) -> [[RangeTerm]] {
    let normalized = normalizedSpelling(text)
    var sets: [[RangeTerm]] = []
    for alternative in splitOnOr(normalized) {
      let stripped = strippingBuildMetadata(alternative.trimmingWhitespace())
      sets.append(try parseSet(stripped.trimmingWhitespace()))
    }
    return sets
  }

  /// The text with whitespace trimmed and collapsed, as npm keeps it in `range.raw`.
  static func normalizedSpelling(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Splits on every `||`, keeping empty alternatives: npm reads `1.2.3 ||` as `1.2.3 || *`.
  private static func splitOnOr(_ text: String) -> [Substring] {
    var parts: [Substring] = []
    var start = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      let next = text.index(after: index)
      if text[index] == "|" && next < text.endIndex && text[next] == "|" {
        parts.append(text[start..<index])
        index = text.index(after: next)
        start = index
      } else {
        index = next
      }
    }
    parts.append(text[start...])
    return parts
  }

  /// Removes every `+identifier(.identifier)*`, wherever it is: npm strips build metadata
  /// from a set's text before anything else, as it never affects which versions match.
  private static func strippingBuildMetadata(_ text: Substring) -> String {
    let bytes = Array(text.utf8)
    var kept: [UInt8] = []
    var index = 0
    while index < bytes.count {
      let start = index + 1
      var end = start
      if bytes[index] == UInt8(ascii: "+") {
        // One identifier, then more only after a dot that is followed by one.
        while end < bytes.count && Scanner.isIdentifierByte(bytes[end]) { end += 1 }
        while end > start && end + 1 < bytes.count && bytes[end] == UInt8(ascii: ".")
          && Scanner.isIdentifierByte(bytes[end + 1])
        {
          end += 1
          while end < bytes.count && Scanner.isIdentifierByte(bytes[end]) { end += 1 }
        }
      }
      if end > start {
        index = end
      } else {
        kept.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: kept, as: UTF8.self)
  }

  private static func parseSet(_ text: Substring) throws(ParseFailure) -> [RangeTerm] {
    // An empty set is `*`.
    guard !text.isEmpty else { return [.primitive(.equal, PartialVersion())] }
    let tokens = text.split(separator: " ")

    if tokens.count == 3 && tokens[1] == "-" {
      return [try parseHyphen(from: tokens[0], to: tokens[2])]
    }
    if tokens.contains("-") {
      throw ParseFailure(
        "a hyphen range is \"<version> - <version>\" alone between \"||\", not \"\(text)\"")
    }

    var terms: [RangeTerm] = []
    // Operators written apart from their version, glued back on: npm drops the space after a
    // whole operator (`>= 1.2.3`, `~> 1`, `^ 1`, `~ >1`), not inside one (`> = 1` fails).
    var pending = ""
    var pendingAsWritten: [Substring] = []
    var pendingTakesVersionOnly = false
    for token in tokens {
      guard let op = OperatorToken(token) else {
        terms.append(try parseTerm(pending + token))
        pending = ""
        pendingAsWritten = []
        pendingTakesVersionOnly = false
        continue
      }
      pendingAsWritten.append(token)
      if pendingTakesVersionOnly || !op.isWellFormed {
        throw ParseFailure("\"\(pendingAsWritten.joined(separator: " "))\" is not an operator")
      }
      pending += op.glued
      pendingTakesVersionOnly = op.endsInComparison
    }
    if !pending.isEmpty {
      throw ParseFailure(
        "\"\(pendingAsWritten.joined(separator: " "))\" is not followed by a version")
    }
    return terms
  }

  /// A token made only of operator characters, e.g. `>=` in `>= 1.2.3`.
  private struct OperatorToken {
    /// `~>`, `~` or `^`, optionally followed by one of `<`, `<=`, `>`, `>=`, `=`.
    var isWellFormed: Bool
    /// Whether it ends in a comparison operator, after which only a version may follow.
    var endsInComparison: Bool
    /// The text to prepend to the next token. A lone `~>` is glued as `~`, as npm does, so
    /// `~> >1` reads like `~>1`.
    var glued: String

    init?(_ token: Substring) {
      let bytes = Array(token.utf8)
      let operatorBytes: [UInt8] = Array("<>=~^".utf8)
      guard bytes.allSatisfy(operatorBytes.contains) else { return nil }
      var index = 0
      if bytes.first == UInt8(ascii: "~") {
        index = bytes.count > 1 && bytes[1] == UInt8(ascii: ">") ? 2 : 1
      } else if bytes.first == UInt8(ascii: "^") {
        index = 1
      }
      let comparison = bytes[index...]
      endsInComparison = !comparison.isEmpty
      let spelled = String(decoding: comparison, as: UTF8.self)
      isWellFormed = comparison.isEmpty || ["<", "<=", ">", ">=", "="].contains(spelled)
      glued = token == "~>" ? "~" : String(token)
    }
  }

  /// One comparator-set token: `^…`, `~…`, `~>…`, or an optional `<`, `<=`, `>`, `>=`, `=`
  /// followed by a partial version.
  private static func parseTerm(_ token: String) throws(ParseFailure) -> RangeTerm {
    var scanner = Scanner(token)
    do throws(ParseFailure) {
      if scanner.take(UInt8(ascii: "^")) {
        return .caret(try readPartial(&scanner))
      }
      if scanner.take(UInt8(ascii: "~")) {
        _ = scanner.take(UInt8(ascii: ">"))
        return .tilde(try readPartial(&scanner))
      }
      let op = readOperator(&scanner)
      let prefix = readPrefix(&scanner)
      let partial = try readVersion(&scanner)
      if partial.isFull && !(prefix.isEmpty || prefix == "v") {
        // npm's comparator grammar allows exactly one optional `v` before a full version.
        throw ParseFailure("unexpected \"\(prefix)\" before the version")
      }
      if partial.hasNumberAfterWildcard {
        throw ParseFailure("a wildcard can only be followed by more wildcards")
      }
      return .primitive(op, partial)
    } catch {
      throw ParseFailure("\(error.reason) in \"\(token)\"")
    }
  }

  private static func parseHyphen(
    from: Substring, to: Substring
  ) throws(ParseFailure) -> RangeTerm {
    let start = try parseHyphenEnd(from, where: "start")
    let end = try parseHyphenEnd(to, where: "end")
    // npm copies a full start, and a full end without prerelease, verbatim into `>=` / `<=`
    // comparators, which then allow only a single `v` in front.
    if start.partial.isFull && !(start.prefix.isEmpty || start.prefix == "v") {
      throw ParseFailure("unexpected \"\(start.prefix)\" before \"\(from)\"")
    }
    if end.partial.isFull && end.partial.prerelease.isEmpty
      && !(end.prefix.isEmpty || end.prefix == "v")
    {
      throw ParseFailure("unexpected \"\(end.prefix)\" before \"\(to)\"")
    }
    return .hyphen(start.partial, end.partial)
  }

  private static func parseHyphenEnd(
    _ token: Substring, where side: String
  ) throws(ParseFailure) -> (prefix: String, partial: PartialVersion) {
    var scanner = Scanner(token)
    do throws(ParseFailure) {
      let prefix = readPrefix(&scanner)
      return (prefix, try readVersion(&scanner))
    } catch {
      throw ParseFailure("\(error.reason) in \"\(token)\" at the \(side) of a hyphen range")
    }
  }

  private static func readOperator(_ scanner: inout Scanner) -> Comparator.Operator {
    if scanner.take(UInt8(ascii: "<")) {
      return scanner.take(UInt8(ascii: "=")) ? .lessThanOrEqual : .lessThan
    }
    if scanner.take(UInt8(ascii: ">")) {
      return scanner.take(UInt8(ascii: "=")) ? .greaterThanOrEqual : .greaterThan
    }
    _ = scanner.take(UInt8(ascii: "="))
    return .equal
  }

  /// The `v` and `=` npm tolerates before a version (`v1.2.3`, `=1.2`, `~v1.2`).
  private static func readPrefix(_ scanner: inout Scanner) -> String {
    scanner.text(scanner.take { $0 == UInt8(ascii: "v") || $0 == UInt8(ascii: "=") })
  }

  private static func readPartial(
    _ scanner: inout Scanner
  ) throws(ParseFailure) -> PartialVersion {
    _ = readPrefix(&scanner)
    return try readVersion(&scanner)
  }

  private static func readVersion(
    _ scanner: inout Scanner
  ) throws(ParseFailure) -> PartialVersion {
    let partial = try scanner.partialVersion()
    guard scanner.isAtEnd else { throw ParseFailure(scanner.trailingReason(after: partial)) }
    return partial
  }
}
