/// One dot-separated part of a prerelease tag, e.g. `beta` and `2` in `1.0.0-beta.2`.
///
/// Semver 2.0.0 orders numeric identifiers numerically and below every alphanumeric one, and
/// alphanumeric ones by ASCII order, so the two kinds are kept apart rather than as strings.
public enum PrereleaseIdentifier: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Digits only, without leading zeros.
  case numeric(UInt64)
  /// Letters, digits and hyphens with at least one non-digit.
  case alphanumeric(String)

  public var description: String {
    switch self {
    case .numeric(let value): return String(value)
    case .alphanumeric(let text): return text
    }
  }

  public static func < (lhs: PrereleaseIdentifier, rhs: PrereleaseIdentifier) -> Bool {
    switch (lhs, rhs) {
    case (.numeric(let a), .numeric(let b)): return a < b
    case (.numeric, .alphanumeric): return true
    case (.alphanumeric, .numeric): return false
    case (.alphanumeric(let a), .alphanumeric(let b)):
      // Byte order, not Unicode collation: identifiers are ASCII and npm compares code units.
      return a.utf8.lexicographicallyPrecedes(b.utf8)
    }
  }
}
