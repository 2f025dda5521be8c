/// An npm version range: `^2.1.0`, `~1.2`, `>=1.2.3 <2`, `1.x || >=3.0.0-rc.1`, `1.2 - 2.3.4`,
/// `*`, or an exact version like `1.2.3`, with node-semver's meaning.
///
/// A range is a list of comparator sets joined by `||`; a version is contained if it
/// satisfies every comparator of at least one set. A prerelease version is only contained if
/// that set also names a prerelease of the same `[major, minor, patch]`, unless the caller opts
/// into prereleases.
///
/// Checked against node-semver 7.8 (default, non-loose mode) on the fixtures of its test
/// suite and on fuzzed spellings. Deliberate differences, all about malformed input: a `*`
/// glued to a version (`1.2.3*`, which npm reads as `1.2.3`) is refused, numeric prerelease
/// identifiers must fit in a `UInt64`, and validity is decided as npm decides it without
/// `includePrerelease`.
///
/// Two ranges are equal when they are written the same, up to whitespace.
public struct VersionRange: Hashable, Sendable, CustomStringConvertible {
  /// The range as written, with whitespace trimmed and collapsed.
  public let description: String
  /// The desugared comparator sets, simplified the way npm does.
  public let comparatorSets: [[Comparator]]
  /// The same for `includePrerelease`, where lower bounds also admit prereleases.
  let prereleaseComparatorSets: [[Comparator]]

  /// Parses npm's range grammar (non-loose). The empty string means any version.
  public init(parsing text: String) throws(SemverError) {
    let terms: [[RangeTerm]]
    do {
      terms = try RangeParser.parse(text)
    } catch {
      throw SemverError(input: text, subject: .range, reason: error.reason)
    }
    let sets = VersionRange.desugar(terms, includePrerelease: false)
    if VersionRange.exceedsSafeIntegers(sets) {
      // npm checks the limit on the desugared comparators: `^9007199254740991.0.0` fails
      // because its upper bound would, while `^1.x.99999999999999999999` is just `^1.x`.
      throw SemverError(
        input: text, subject: .range,
        reason: "it needs a version number larger than \(Scanner.maxSafeInteger)")
    }
    description = RangeParser.normalizedSpelling(text)
    comparatorSets = VersionRange.simplify(sets, includePrerelease: false)
    prereleaseComparatorSets = VersionRange.simplify(
      VersionRange.desugar(terms, includePrerelease: true), includePrerelease: true)
  }

  /// Whether `version` satisfies the range (npm's `satisfies`).
  ///
  /// With `includePrerelease`, prereleases are treated like any other version, so `^1.0.0`
  /// contains `1.1.0-rc.1`.
  public func contains(_ version: Version, includePrerelease: Bool = false) -> Bool {
    if includePrerelease {
      return prereleaseComparatorSets.contains { set in set.allSatisfy { $0.matches(version) } }
    }
    return comparatorSets.contains { set in
      set.allSatisfy { $0.matches(version) } && VersionRange.allowsPrerelease(of: version, in: set)
    }
  }

  /// The highest version that satisfies the range (npm's `maxSatisfying`); among versions of
  /// equal precedence, the first one wins.
  public func highest(
    in versions: some Sequence<Version>, includePrerelease: Bool = false
  ) -> Version? {
    var best: Version?
    for version in versions where contains(version, includePrerelease: includePrerelease) {
      if let current = best, !(current < version) { continue }
      best = version
    }
    return best
  }

  /// The comparators this range stands for, spelled as npm's `validRange` prints them:
  /// `^1.2.3` gives `>=1.2.3 <2.0.0-0`, `*` gives `*`.
  public func desugared(includePrerelease: Bool = false) -> String {
    let sets = includePrerelease ? prereleaseComparatorSets : comparatorSets
    return sets.map { set in set.map(\.description).joined(separator: " ") }
      .joined(separator: "||")
  }

  /// Whether the range pins a single version, e.g. `1.2.3` or `=v1.2.3`, and which.
  public var exactVersion: Version? {
    guard comparatorSets.count == 1, comparatorSets[0].count == 1,
      case .bound(.equal, let version) = comparatorSets[0][0]
    else { return nil }
    return version
  }

  private static func exceedsSafeIntegers(_ sets: [[Comparator]]) -> Bool {
    sets.joined().contains { comparator in
      guard let version = comparator.version else { return false }
      return max(version.major, version.minor, version.patch) > Scanner.maxSafeInteger
    }
  }

  /// npm's prerelease rule: a prerelease only satisfies a set that names a prerelease of the
  /// same `[major, minor, patch]`, so `^1.2.3-beta.1` admits `1.2.3-beta.2` but not `1.2.4-alpha`.
  private static func allowsPrerelease(of version: Version, in set: [Comparator]) -> Bool {
    guard version.isPrerelease else { return true }
    return set.contains { comparator in
      guard let bound = comparator.version else { return false }
      return bound.isPrerelease && bound.hasSameCore(as: version)
    }
  }

  private static func desugar(_ terms: [[RangeTerm]], includePrerelease: Bool) -> [[Comparator]] {
    terms.map { set in set.flatMap { $0.desugared(includePrerelease: includePrerelease) } }
  }

  /// npm's simplifications, which change the spelling but not the meaning: `>=0.0.0` becomes
  /// any, a set containing `<0.0.0-0` is just that, duplicates and redundant anys go, and an
  /// any set swallows the others.
  private static func simplify(
    _ desugared: [[Comparator]], includePrerelease: Bool
  ) -> [[Comparator]] {
    // `>=0.0.0` (`>=0.0.0-0` with prereleases) admits everything.
    let zero = Version(
      major: 0, minor: 0, patch: 0, prerelease: includePrerelease ? [.numeric(0)] : [])
    var sets: [[Comparator]] = desugared.map { set in
      var comparators: [Comparator] = []
      for comparator in set {
        if comparator == .nullSet { return [Comparator.nullSet] }
        let simplified =
          comparator == .bound(.greaterThanOrEqual, zero) ? Comparator.any : comparator
        if !comparators.contains(simplified) { comparators.append(simplified) }
      }
      if comparators.count > 1 { comparators.removeAll { $0 == .any } }
      return comparators
    }
    if sets.count > 1 {
      let first = sets[0]
      sets.removeAll { $0.first == Comparator.nullSet }
      if sets.isEmpty {
        sets = [first]
      } else if sets.count > 1, let anySet = sets.first(where: { $0 == [.any] }) {
        sets = [anySet]
      }
    }
    return sets
  }
}

extension VersionRange: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    do {
      self = try VersionRange(parsing: text)
    } catch {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
