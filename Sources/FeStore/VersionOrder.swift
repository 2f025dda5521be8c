/// Semver precedence for sorting validated version strings (the CLI resolves ranges with
/// FeSemver; the store only needs an order for listings).
public enum VersionOrder {
  /// Whether `a` sorts before `b`: semver precedence, then the spelling, so the order is total.
  public static func less(_ a: String, _ b: String) -> Bool {
    let c = compare(a, b)
    return c != 0 ? c < 0 : a < b
  }

  /// -1, 0 or 1 by semver precedence (build metadata ignored).
  public static func compare(_ a: String, _ b: String) -> Int {
    let (coreA, preA) = split(a)
    let (coreB, preB) = split(b)
    for (x, y) in zip(coreA, coreB) where x != y { return compareIdentifiers(x, y) }
    if coreA.count != coreB.count { return coreA.count < coreB.count ? -1 : 1 }
    // A pre-release sorts before its release.
    switch (preA.isEmpty, preB.isEmpty) {
    case (true, true): return 0
    case (true, false): return 1
    case (false, true): return -1
    case (false, false): break
    }
    for (x, y) in zip(preA, preB) where x != y { return compareIdentifiers(x, y) }
    return preA.count == preB.count ? 0 : (preA.count < preB.count ? -1 : 1)
  }

  private static func split(_ v: String) -> (core: [Substring], pre: [Substring]) {
    let noBuild = v.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    let halves = noBuild.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
    let core = (halves.first ?? "").split(separator: ".", omittingEmptySubsequences: false)
    let pre = halves.count > 1 ? halves[1].split(separator: ".", omittingEmptySubsequences: false) : []
    return (core, pre)
  }

  /// Numeric identifiers compare as numbers and sort before alphanumeric ones (semver §11).
  private static func compareIdentifiers(_ x: Substring, _ y: Substring) -> Int {
    let xNum = !x.isEmpty && x.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    let yNum = !y.isEmpty && y.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    switch (xNum, yNum) {
    case (true, true):
      // Without leading zeros, a longer number is larger; equal lengths compare as text.
      if x.count != y.count { return x.count < y.count ? -1 : 1 }
      return x == y ? 0 : (x < y ? -1 : 1)
    case (true, false): return -1
    case (false, true): return 1
    case (false, false): return x == y ? 0 : (x < y ? -1 : 1)
    }
  }
}
