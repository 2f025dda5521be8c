import FeSemver
import Testing

/// semver.org's example chain, lowest first.
private let semverOrgChain = [
  "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
  "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1",
]

@Test(arguments: Array(zip(semverOrgChain, semverOrgChain.dropFirst())))
func semverOrgChainIsAscending(lower: String, higher: String) throws {
  let low = try Version(parsing: lower)
  let high = try Version(parsing: higher)
  #expect(low < high)
  #expect(!(high < low))
  #expect(low != high)
}

@Test func sortingRestoresTheSemverOrgChain() throws {
  var versions: [Version] = []
  for text in semverOrgChain.reversed() { versions.append(try Version(parsing: text)) }
  #expect(versions.sorted().map(\.description) == semverOrgChain)
}

/// node-semver's test/fixtures/comparisons.js: the first is greater than the second.
private let comparisons: [(String, String)] = [
  ("0.0.0", "0.0.0-foo"),
  ("0.0.1", "0.0.0"),
  ("1.0.0", "0.9.9"),
  ("0.10.0", "0.9.0"),
  ("0.99.0", "0.10.0"),
  ("2.0.0", "1.2.3"),
  ("v0.0.0", "0.0.0-foo"),
  ("v0.0.1", "0.0.0"),
  ("v1.0.0", "0.9.9"),
  ("v0.10.0", "0.9.0"),
  ("v0.99.0", "0.10.0"),
  ("v2.0.0", "1.2.3"),
  ("0.0.0", "v0.0.0-foo"),
  ("0.0.1", "v0.0.0"),
  ("1.0.0", "v0.9.9"),
  ("0.10.0", "v0.9.0"),
  ("0.99.0", "v0.10.0"),
  ("2.0.0", "v1.2.3"),
  ("1.2.3", "1.2.3-asdf"),
  ("1.2.3", "1.2.3-4"),
  ("1.2.3", "1.2.3-4-foo"),
  ("1.2.3-5-foo", "1.2.3-5"),
  ("1.2.3-5", "1.2.3-4"),
  ("1.2.3-5-foo", "1.2.3-5-Foo"),
  ("3.0.0", "2.7.2+asdf"),
  ("1.2.3-a.10", "1.2.3-a.5"),
  ("1.2.3-a.b", "1.2.3-a.5"),
  ("1.2.3-a.b", "1.2.3-a"),
  ("1.2.3-a.b.c.10.d.5", "1.2.3-a.b.c.5.d.100"),
  ("1.2.3-r2", "1.2.3-r100"),
  ("1.2.3-r100", "1.2.3-R2"),
  ("1.2.3-alpha", "1.2.3-999"),
  ("1.2.3-20240102000000", "1.2.3-20240101999999"),
]

@Test(arguments: comparisons)
func greaterVersionComparesGreater(greater: String, lesser: String) throws {
  let high = try Version(parsing: greater)
  let low = try Version(parsing: lesser)
  #expect(high > low)
  #expect(low < high)
  #expect(high != low)
  #expect(max(high, low) == high)
}

/// node-semver's test/fixtures/equality.js (the non-loose spellings): equal precedence,
/// build metadata ignored.
private let equalities: [(String, String)] = [
  ("1.2.3", "v1.2.3"),
  ("1.2.3", "=1.2.3"),
  ("1.2.3", " v1.2.3"),
  ("1.2.3", " =1.2.3"),
  ("1.2.3", "v 1.2.3"),
  ("1.2.3", "= 1.2.3"),
  ("1.2.3", " v 1.2.3"),
  ("1.2.3", " = 1.2.3"),
  ("1.2.3-0", "v1.2.3-0"),
  ("1.2.3-0", "=1.2.3-0"),
  ("1.2.3-0", " v1.2.3-0"),
  ("1.2.3-0", " =1.2.3-0"),
  ("1.2.3-1", "v1.2.3-1"),
  ("1.2.3-1", "=1.2.3-1"),
  ("1.2.3-beta", "v1.2.3-beta"),
  ("1.2.3-beta", "=1.2.3-beta"),
  ("1.2.3-beta", " v1.2.3-beta"),
  ("1.2.3-beta", " = 1.2.3-beta"),
  ("1.2.3-beta+build", "1.2.3-beta+otherbuild"),
  ("1.2.3+build", "1.2.3+otherbuild"),
  ("  v1.2.3+build", "1.2.3+otherbuild"),
  ("1.2.3", "1.2.3+build"),
]

@Test(arguments: equalities)
func equivalentVersionsAreEqual(first: String, second: String) throws {
  let a = try Version(parsing: first)
  let b = try Version(parsing: second)
  #expect(a == b)
  #expect(!(a < b) && !(b < a))
  #expect(Set([a, b]).count == 1)
}

@Test func identifierKindsOrder() {
  #expect(PrereleaseIdentifier.numeric(2) < .numeric(11))
  #expect(PrereleaseIdentifier.numeric(999) < .alphanumeric("0a"))
  #expect(PrereleaseIdentifier.alphanumeric("Beta") < .alphanumeric("alpha"))
  #expect(!(PrereleaseIdentifier.alphanumeric("b") < .numeric(1)))
}
