/// One space-separated piece of a comparator set, before desugaring.
///
/// Desugaring is kept separate from parsing because npm desugars differently when prereleases
/// are included (lower bounds gain `-0`), and `contains` takes that as a per-call option.
enum RangeTerm: Hashable, Sendable {
  /// `>=1.2.3`, `<1.2`, `1.x`, `=1.2.3`, `*`; no operator and `=` are the same here.
  case primitive(Comparator.Operator, PartialVersion)
  /// `~1.2.3`, `~>1.2`.
  case tilde(PartialVersion)
  /// `^1.2.3`, `^0.x`.
  case caret(PartialVersion)
  /// `1.2.3 - 2.3.4`; only ever the sole term of its set.
  case hyphen(PartialVersion, PartialVersion)

  /// The primitive comparators this term stands for, following node-semver's `replaceXRange`,
  /// `replaceTilde`, `replaceCaret` and `hyphenReplace` case by case.
  func desugared(includePrerelease: Bool) -> [Comparator] {
    let desugar = Desugar(includePrerelease: includePrerelease)
    switch self {
    case .primitive(let op, let partial): return desugar.primitive(op, partial)
    case .tilde(let partial): return desugar.tilde(partial)
    case .caret(let partial): return desugar.caret(partial)
    case .hyphen(let from, let to): return desugar.hyphen(from, to)
    }
  }
}

/// The case analysis itself. Upper bounds end in `-0` so that `<2.0.0-0` excludes `2.0.0-beta`;
/// lower bounds end in `-0` only when prereleases are included, so they admit `1.2.0-alpha`.
private struct Desugar {
  var includePrerelease: Bool

  /// `-0`, the lowest prerelease of a version.
  private static let lowest: [PrereleaseIdentifier] = [.numeric(0)]

  /// The `-0` npm appends to lower bounds when prereleases are included.
  private var lowerSuffix: [PrereleaseIdentifier] { includePrerelease ? Desugar.lowest : [] }

  private func version(
    _ major: Int, _ minor: Int, _ patch: Int, _ prerelease: [PrereleaseIdentifier] = []
  ) -> Version {
    Version(major: major, minor: minor, patch: patch, prerelease: prerelease)
  }

  private func atLeast(_ major: Int, _ minor: Int, _ patch: Int) -> Comparator {
    .bound(.greaterThanOrEqual, version(major, minor, patch, lowerSuffix))
  }

  private func below(_ major: Int, _ minor: Int, _ patch: Int) -> Comparator {
    .bound(.lessThan, version(major, minor, patch, Desugar.lowest))
  }

  func primitive(_ op: Comparator.Operator, _ partial: PartialVersion) -> [Comparator] {
    guard let major = partial.major else {
      // `>*` and `<*` exclude everything; `*`, `>=*`, `<=*` allow everything.
      return op == .greaterThan || op == .lessThan ? [Comparator.nullSet] : [.any]
    }
    guard let minor = partial.minor, let patch = partial.patch else {
      let minor = partial.minor
      switch op {
      case .equal:
        // `1` := `>=1.0.0 <2.0.0-0`, `1.2` := `>=1.2.0 <1.3.0-0`.
        if let minor { return [atLeast(major, minor, 0), below(major, minor + 1, 0)] }
        return [atLeast(major, 0, 0), below(major + 1, 0, 0)]
      case .greaterThan:
        // `>1` := `>=2.0.0`, `>1.2` := `>=1.3.0`.
        if let minor { return [atLeast(major, minor + 1, 0)] }
        return [atLeast(major + 1, 0, 0)]
      case .greaterThanOrEqual:
        return [atLeast(major, minor ?? 0, 0)]
      case .lessThanOrEqual:
        // `<=1.2` := `<1.3.0-0`: every 1.2.x is allowed.
        if let minor { return [below(major, minor + 1, 0)] }
        return [below(major + 1, 0, 0)]
      case .lessThan:
        return [below(major, minor ?? 0, 0)]
      }
    }
    return [.bound(op, version(major, minor, patch, partial.prerelease))]
  }

  func tilde(_ partial: PartialVersion) -> [Comparator] {
    guard let major = partial.major else { return [.any] }
    guard let minor = partial.minor else {
      return [atLeast(major, 0, 0), below(major + 1, 0, 0)]
    }
    guard let patch = partial.patch else {
      return [atLeast(major, minor, 0), below(major, minor + 1, 0)]
    }
    // A written version is its own lower bound, prerelease included, never with `-0` added.
    let lower = Comparator.bound(
      .greaterThanOrEqual, version(major, minor, patch, partial.prerelease))
    return [lower, below(major, minor + 1, 0)]
  }

  func caret(_ partial: PartialVersion) -> [Comparator] {
    guard let major = partial.major else { return [.any] }
    guard let minor = partial.minor else {
      return [atLeast(major, 0, 0), below(major + 1, 0, 0)]
    }
    guard let patch = partial.patch else {
      // `^0.2` and `^0.0` keep the minor; `^1.2` keeps the major.
      if major == 0 { return [atLeast(0, minor, 0), below(0, minor + 1, 0)] }
      return [atLeast(major, minor, 0), below(major + 1, 0, 0)]
    }
    let lower = Comparator.bound(
      .greaterThanOrEqual, version(major, minor, patch, partial.prerelease))
    // The left-most non-zero part may not change.
    if major != 0 { return [lower, below(major + 1, 0, 0)] }
    if minor != 0 { return [lower, below(0, minor + 1, 0)] }
    return [lower, below(0, 0, patch + 1)]
  }

  func hyphen(_ from: PartialVersion, _ to: PartialVersion) -> [Comparator] {
    var result: [Comparator] = []
    // A partial start is filled with zeros: `1.2 - …` := `>=1.2.0 …`.
    if let major = from.major {
      if let minor = from.minor, let patch = from.patch {
        let prerelease = from.prerelease.isEmpty ? lowerSuffix : from.prerelease
        result.append(.bound(.greaterThanOrEqual, version(major, minor, patch, prerelease)))
      } else {
        result.append(atLeast(major, from.minor ?? 0, 0))
      }
    }
    // A partial end allows everything it starts: `… - 2.3` := `… <2.4.0-0`.
    if let major = to.major {
      if let minor = to.minor, let patch = to.patch {
        if !to.prerelease.isEmpty {
          result.append(.bound(.lessThanOrEqual, version(major, minor, patch, to.prerelease)))
        } else if includePrerelease {
          result.append(below(major, minor, patch + 1))
        } else {
          result.append(.bound(.lessThanOrEqual, version(major, minor, patch)))
        }
      } else if let minor = to.minor {
        result.append(below(major, minor + 1, 0))
      } else {
        result.append(below(major + 1, 0, 0))
      }
    }
    return result.isEmpty ? [.any] : result
  }
}
