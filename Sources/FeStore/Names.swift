import FeBasics

/// Checks tool names and version strings before they become path components, so a name like
/// `../x` or `a/b` can never reach the file system.
public enum Names {
  /// npm's limit on package name length.
  public static let maxToolNameLength = 214
  /// Generous, but keeps a version well inside a file name's 255 bytes.
  public static let maxVersionLength = 128

  static let toolHint =
    "tool names are lowercase letters, digits, `.`, `_` and `-`, starting with a letter or digit "
    + "(like `tsc` or `my-tool`)"
  static let versionHint = "write an exact semver version, like `1.2.3` or `2.0.0-beta.1`"

  /// Throws a usage error saying what is wrong with `name` as a tool name.
  public static func validateTool(_ name: String) throws {
    if let problem = toolProblem(name) { throw FeError(.usage, problem, hint: toolHint) }
  }

  /// Throws a usage error saying what is wrong with `version` as an exact version.
  public static func validateVersion(_ version: String) throws {
    if let problem = versionProblem(version) { throw FeError(.usage, problem, hint: versionHint) }
  }

  /// Whether `name` is a valid tool name.
  public static func isValidTool(_ name: String) -> Bool { toolProblem(name) == nil }

  /// Whether `version` is a semver-shaped exact version.
  public static func isValidVersion(_ version: String) -> Bool { versionProblem(version) == nil }

  static func toolProblem(_ name: String) -> String? {
    let bytes = Array(name.utf8)
    let quoted = "tool name \"\(name)\""
    if bytes.isEmpty { return "the tool name is empty" }
    if bytes.count > maxToolNameLength {
      return "\(quoted.prefix(40))…\" is longer than \(maxToolNameLength) characters"
    }
    if bytes.contains(UInt8(ascii: "/")) { return "\(quoted) contains `/`" }
    if name.contains("..") { return "\(quoted) contains `..`" }
    for b in bytes where b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { return "\(quoted) has uppercase letters" }
    for b in bytes
    where !(isLowerAlnum(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")) {
      return "\(quoted) contains \(describe(b))"
    }
    guard let first = bytes.first, isLowerAlnum(first) else { return "\(quoted) must start with a letter or digit" }
    return nil
  }

  static func versionProblem(_ version: String) -> String? {
    let quoted = "version \"\(version)\""
    if version.isEmpty { return "the version is empty" }
    if version.utf8.count > maxVersionLength {
      return "version \"\(version.prefix(40))…\" is longer than \(maxVersionLength) characters"
    }
    if version.hasPrefix("v") || version.hasPrefix("V") {
      return "\(quoted) starts with `v`: write \(version.dropFirst())"
    }
    let bytes = Array(version.utf8)
    // Split off `+build`, then `-pre` (only at the first `-`: pre-release identifiers may contain `-`).
    let plus = bytes.firstIndex(of: UInt8(ascii: "+"))
    let main = plus.map { Array(bytes[..<$0]) } ?? bytes
    let build = plus.map { Array(bytes[($0 + 1)...]) }
    let dash = main.firstIndex(of: UInt8(ascii: "-"))
    let core = dash.map { Array(main[..<$0]) } ?? main
    let pre = dash.map { Array(main[($0 + 1)...]) }

    let parts = core.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count == 3 else {
      return "\(quoted) is not a full MAJOR.MINOR.PATCH version"
    }
    for part in parts {
      if part.isEmpty || !part.allSatisfy(isDigit) { return "\(quoted) is not a full MAJOR.MINOR.PATCH version" }
      if part.count > 1 && part.first == UInt8(ascii: "0") { return "\(quoted) has a number with a leading zero" }
      if part.count > 18 { return "\(quoted) has a number too large" }
    }
    if let pre {
      if let problem = identifiersProblem(pre, numericLeadingZeros: false) {
        return "\(quoted) has \(problem) in its pre-release part"
      }
    }
    if let build {
      if let problem = identifiersProblem(build, numericLeadingZeros: true) {
        return "\(quoted) has \(problem) in its build part"
      }
    }
    return nil
  }

  /// Dot-separated, non-empty `[0-9A-Za-z-]` identifiers (semver 2.0.0 §9, §10).
  private static func identifiersProblem(_ bytes: [UInt8], numericLeadingZeros: Bool) -> String? {
    for id in bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
      if id.isEmpty { return "an empty identifier" }
      for b in id where !(isDigit(b) || isAlpha(b) || b == UInt8(ascii: "-")) { return describe(b) }
      if !numericLeadingZeros && id.count > 1 && id.allSatisfy(isDigit) && id.first == UInt8(ascii: "0") {
        return "a number with a leading zero"
      }
    }
    return nil
  }

  private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
  private static func isAlpha(_ b: UInt8) -> Bool {
    (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
  }
  private static func isLowerAlnum(_ b: UInt8) -> Bool {
    isDigit(b) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
  }
  private static func describe(_ b: UInt8) -> String {
    if b >= 0x21 && b < 0x7F { return "the character `\(Character(Unicode.Scalar(b)))`" }
    if b == 0x20 { return "a space" }
    return b < 0x80 ? "a control character" : "non-ASCII characters"
  }
}
