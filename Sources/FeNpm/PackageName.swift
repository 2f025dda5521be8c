import FeBasics

/// An npm package name as the registry accepts it: `name` or `@scope/name`, lowercase,
/// URL-safe, at most 214 characters (npm's validate-npm-package-name, new-package rules minus
/// the lowercase rule, which old packages break).
public struct PackageName: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let text: String

  public init?(_ text: String) {
    guard !text.isEmpty, text.utf8.count <= 214, !text.hasPrefix("."), !text.hasPrefix("_"), text.trimmed() == text else { return nil }
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    if text.hasPrefix("@") {
      guard parts.count == 2, parts[0].count > 1, !parts[1].isEmpty else { return nil }
    } else {
      guard parts.count == 1 else { return nil }
    }
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~@/!*'()")
    guard text.allSatisfy({ allowed.contains($0) }) else { return nil }
    self.text = text
  }

  /// A name fe makes up itself (the tree's root), not checked.
  init(trusted text: String) {
    self.text = text
  }

  public var scope: String? {
    text.hasPrefix("@") ? String(text.split(separator: "/")[0]) : nil
  }

  /// The name in a registry URL: a scoped name's `/` escaped (`@scope%2fname`), as npm sends it.
  public var urlPath: String { text.replacing("/", with: "%2f") }

  public var description: String { text }
  public static func < (a: PackageName, b: PackageName) -> Bool { a.text < b.text }
}

extension StringProtocol {
  /// Without leading and trailing whitespace.
  func trimmed() -> String {
    var s = Substring(self)
    while let c = s.first, c.isWhitespace { s = s.dropFirst() }
    while let c = s.last, c.isWhitespace { s = s.dropLast() }
    return String(s)
  }
}
