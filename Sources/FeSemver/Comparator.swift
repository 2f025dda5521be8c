/// A primitive constraint, what every range desugars to: `>=1.2.3`, `<2.0.0-0`, `1.2.3`, or any.
public enum Comparator: Hashable, Sendable, CustomStringConvertible {
  public enum Operator: String, Hashable, Sendable, CaseIterable {
    case lessThan = "<"
    case lessThanOrEqual = "<="
    case greaterThan = ">"
    case greaterThanOrEqual = ">="
    /// Spelled `=` or nothing at all.
    case equal = "="
  }

  /// Matches every version; what `*`, `x` and the empty range become.
  case any
  case bound(Operator, Version)

  /// `<0.0.0-0`: nothing is lower than `0.0.0-0`, so this matches no version. npm produces it
  /// for `<*` and `>*` and then treats it specially when simplifying ranges.
  static let nullSet = Comparator.bound(
    .lessThan, Version(major: 0, minor: 0, patch: 0, prerelease: [.numeric(0)]))

  /// The comparator's version, or nil for `any`.
  public var version: Version? {
    if case .bound(_, let version) = self { return version }
    return nil
  }

  public func matches(_ candidate: Version) -> Bool {
    guard case .bound(let op, let version) = self else { return true }
    switch op {
    case .lessThan: return candidate < version
    case .lessThanOrEqual: return candidate <= version
    case .greaterThan: return candidate > version
    case .greaterThanOrEqual: return candidate >= version
    case .equal: return candidate == version
    }
  }

  /// npm's canonical spelling: equality has no operator, build metadata is dropped.
  public var description: String {
    switch self {
    case .any: return "*"
    case .bound(.equal, let version): return version.precedenceDescription
    case .bound(let op, let version): return op.rawValue + version.precedenceDescription
    }
  }
}
