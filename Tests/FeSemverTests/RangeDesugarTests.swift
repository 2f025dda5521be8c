import FeSemver
import Testing

/// Each example from node-semver's README ("Advanced Range Syntax"), as npm's `validRange`
/// prints it: upper bounds carry `-0` so they exclude prereleases of the bound, and `>=0.0.0`
/// is simplified away.
private let readmeDesugarings: [(String, String)] = [
  // Hyphen ranges.
  ("1.2.3 - 2.3.4", ">=1.2.3 <=2.3.4"),
  ("1.2 - 2.3.4", ">=1.2.0 <=2.3.4"),
  ("1.2.3 - 2.3", ">=1.2.3 <2.4.0-0"),
  ("1.2.3 - 2", ">=1.2.3 <3.0.0-0"),
  // X-ranges.
  ("*", "*"),
  ("1.x", ">=1.0.0 <2.0.0-0"),
  ("1.2.x", ">=1.2.0 <1.3.0-0"),
  ("", "*"),
  ("1", ">=1.0.0 <2.0.0-0"),
  ("1.2", ">=1.2.0 <1.3.0-0"),
  // Tilde ranges.
  ("~1.2.3", ">=1.2.3 <1.3.0-0"),
  ("~1.2", ">=1.2.0 <1.3.0-0"),
  ("~1", ">=1.0.0 <2.0.0-0"),
  ("~0.2.3", ">=0.2.3 <0.3.0-0"),
  ("~0.2", ">=0.2.0 <0.3.0-0"),
  ("~0", "<1.0.0-0"),
  ("~1.2.3-beta.2", ">=1.2.3-beta.2 <1.3.0-0"),
  // Caret ranges.
  ("^1.2.3", ">=1.2.3 <2.0.0-0"),
  ("^0.2.3", ">=0.2.3 <0.3.0-0"),
  ("^0.0.3", ">=0.0.3 <0.0.4-0"),
  ("^1.2.3-beta.2", ">=1.2.3-beta.2 <2.0.0-0"),
  ("^0.0.3-beta", ">=0.0.3-beta <0.0.4-0"),
  ("^1.2.x", ">=1.2.0 <2.0.0-0"),
  ("^0.0.x", "<0.1.0-0"),
  ("^0.0", "<0.1.0-0"),
  ("^1.x", ">=1.0.0 <2.0.0-0"),
  ("^0.x", "<1.0.0-0"),
]

/// node-semver's test/fixtures/range-parse.js (non-loose rows, including 7.8's build-metadata
/// ones), plus prefixes, operator spacing, duplicate and wildcard comparators.
private let fixtureDesugarings: [(String, String)] = [
  ("1.0.0 - 2.0.0", ">=1.0.0 <=2.0.0"),
  ("1 - 2", ">=1.0.0 <3.0.0-0"),
  ("1.0 - 2.0", ">=1.0.0 <2.1.0-0"),
  ("1.0.0", "1.0.0"),
  (">=*", "*"),
  (">=1.0.0", ">=1.0.0"),
  (">1.0.0", ">1.0.0"),
  ("<=2.0.0", "<=2.0.0"),
  ("<2.0.0", "<2.0.0"),
  (">= 1.0.0", ">=1.0.0"),
  (">=  1.0.0", ">=1.0.0"),
  (">=   1.0.0", ">=1.0.0"),
  ("> 1.0.0", ">1.0.0"),
  (">  1.0.0", ">1.0.0"),
  ("<=   2.0.0", "<=2.0.0"),
  ("<= 2.0.0", "<=2.0.0"),
  ("<    2.0.0", "<2.0.0"),
  ("<\t2.0.0", "<2.0.0"),
  (">=0.1.97", ">=0.1.97"),
  ("0.1.20 || 1.2.4", "0.1.20||1.2.4"),
  (">=0.2.3 || <0.0.1", ">=0.2.3||<0.0.1"),
  ("||", "*"),
  ("2.x.x", ">=2.0.0 <3.0.0-0"),
  ("1.2.x || 2.x", ">=1.2.0 <1.3.0-0||>=2.0.0 <3.0.0-0"),
  ("x", "*"),
  ("X", "*"),
  ("2.*.*", ">=2.0.0 <3.0.0-0"),
  ("1.2.*", ">=1.2.0 <1.3.0-0"),
  ("1.2.* || 2.*", ">=1.2.0 <1.3.0-0||>=2.0.0 <3.0.0-0"),
  ("2", ">=2.0.0 <3.0.0-0"),
  ("2.3", ">=2.3.0 <2.4.0-0"),
  ("~2.4", ">=2.4.0 <2.5.0-0"),
  ("~>3.2.1", ">=3.2.1 <3.3.0-0"),
  ("~>1", ">=1.0.0 <2.0.0-0"),
  ("~> 1", ">=1.0.0 <2.0.0-0"),
  ("~1.0", ">=1.0.0 <1.1.0-0"),
  ("~ 1.0", ">=1.0.0 <1.1.0-0"),
  ("^0", "<1.0.0-0"),
  ("^ 1", ">=1.0.0 <2.0.0-0"),
  ("^0.1", ">=0.1.0 <0.2.0-0"),
  ("^1.0", ">=1.0.0 <2.0.0-0"),
  ("^1.2", ">=1.2.0 <2.0.0-0"),
  ("^0.0.1", ">=0.0.1 <0.0.2-0"),
  ("^0.0.1-beta", ">=0.0.1-beta <0.0.2-0"),
  ("^0.1.2", ">=0.1.2 <0.2.0-0"),
  ("^1.2.3-beta.4", ">=1.2.3-beta.4 <2.0.0-0"),
  ("<1", "<1.0.0-0"),
  ("< 1", "<1.0.0-0"),
  (">=1", ">=1.0.0"),
  (">= 1", ">=1.0.0"),
  ("<1.2", "<1.2.0-0"),
  ("< 1.2", "<1.2.0-0"),
  ("^ 1.2 ^ 1", ">=1.2.0 <2.0.0-0 >=1.0.0"),
  ("1.2 - 3.4.5", ">=1.2.0 <=3.4.5"),
  ("1.2.3 - 3.4", ">=1.2.3 <3.5.0-0"),
  ("1.2 - 3.4", ">=1.2.0 <3.5.0-0"),
  (">1", ">=2.0.0"),
  (">1.2", ">=1.3.0"),
  (">X", "<0.0.0-0"),
  ("<X", "<0.0.0-0"),
  ("<x <* || >* 2.x", "<0.0.0-0"),
  (">x 2.x || * || <x", "*"),
  ("<=0.7.x", "<0.8.0-0"),
  (">=0.7.x", ">=0.7.0"),
  ("=0.7.x", ">=0.7.0 <0.8.0-0"),
  ("<0.7.x", "<0.7.0-0"),
  (">0.7.x", ">=0.8.0"),
  ("<=7.x", "<8.0.0-0"),
  ("x - 1.0.0", "<=1.0.0"),
  ("1.0.0 - x", ">=1.0.0"),
  ("* - *", "*"),
  ("~x", "*"),
  ("^*", "*"),
  (">=0.0.0", "*"),
  ("^1.2.3+build", ">=1.2.3 <2.0.0-0"),
  ("1.2.3+asdf - 2.4.3+asdf", ">=1.2.3 <=2.4.3"),
  ("1.2.3-pre+asdf - 2.4.3-pre+asdf", ">=1.2.3-pre <=2.4.3-pre"),
  (">=1.x.x-alpha+build <2.x.x+build", ">=1.0.0 <2.0.0-0"),
  ("1.x.x-alpha+build || 2.x.x+build", ">=1.0.0 <2.0.0-0||>=2.0.0 <3.0.0-0"),
  ("4.17.0+" + String(repeating: "a", count: 250) + "3", "4.17.0"),
  ("1.2+foo", ">=1.2.0 <1.3.0-0"),
  ("1.2.3 +build", "1.2.3"),
  ("1.2.3+a+b", "1.2.3"),
  ("^1.x.99999999999999999999999", ">=1.0.0 <2.0.0-0"),
  ("=1.2.3", "1.2.3"),
  ("v1.2.3", "1.2.3"),
  ("=v1.2.3", "1.2.3"),
  (">=v1.2.3", ">=1.2.3"),
  ("~v0.5.4-pre", ">=0.5.4-pre <0.6.0-0"),
  ("==1.2", ">=1.2.0 <1.3.0-0"),
  ("> =1", ">=1.0.0"),
  ("~ >1", ">=1.0.0 <2.0.0-0"),
  ("~ > 1.2", ">=1.2.0 <1.3.0-0"),
  ("~> >1.2", ">=1.2.0 <1.3.0-0"),
  ("^ =1.2.3", ">=1.2.3 <2.0.0-0"),
  ("~= 1.2.3", ">=1.2.3 <1.3.0-0"),
  ("= v1.2.3", "1.2.3"),
  ("1.2.3 1.2.3", "1.2.3"),
  ("* 1.2.3", "1.2.3"),
  ("  ^1.2.3   <1.5.0  ", ">=1.2.3 <2.0.0-0 <1.5.0"),
  (">=1.2.3 <2.0.0 || 3.x", ">=1.2.3 <2.0.0||>=3.0.0 <4.0.0-0"),
]

@Test(arguments: readmeDesugarings + fixtureDesugarings)
func desugarsRange(range: String, meaning: String) throws {
  #expect(try VersionRange(parsing: range).desugared() == meaning)
}

/// With prerelease versions included, lower bounds gain `-0` (node-semver's includePrerelease
/// rows in range-parse.js, and its current tilde/caret/x-range code).
private let prereleaseDesugarings: [(String, String)] = [
  ("1.0.0 - 2.0.0", ">=1.0.0-0 <2.0.1-0"),
  ("1 - 2", ">=1.0.0-0 <3.0.0-0"),
  ("1.0 - 2.0", ">=1.0.0-0 <2.1.0-0"),
  ("1.0.0-rc.1 - 2.0.0-rc.1", ">=1.0.0-rc.1 <=2.0.0-rc.1"),
  ("1.x", ">=1.0.0-0 <2.0.0-0"),
  (">=1.2", ">=1.2.0-0"),
  (">1.2", ">=1.3.0-0"),
  ("<1.2", "<1.2.0-0"),
  ("~1.2", ">=1.2.0-0 <1.3.0-0"),
  ("~1.2.3", ">=1.2.3 <1.3.0-0"),
  ("^1.2", ">=1.2.0-0 <2.0.0-0"),
  ("^1.2.3", ">=1.2.3 <2.0.0-0"),
  ("^0.0.1", ">=0.0.1 <0.0.2-0"),
  ("^0.x", "<1.0.0-0"),
  ("*", "*"),
  (">=0.0.0", ">=0.0.0"),
]

@Test(arguments: prereleaseDesugarings)
func desugarsRangeIncludingPrereleases(range: String, meaning: String) throws {
  #expect(try VersionRange(parsing: range).desugared(includePrerelease: true) == meaning)
}

/// How a range prints: as written, with whitespace trimmed and collapsed.
private let rangeSpellings: [(String, String)] = [
  ("^2.1.0", "^2.1.0"),
  ("  >=  1.2.3\t<2 ", ">= 1.2.3 <2"),
  ("1.x||2.x", "1.x||2.x"),
]

@Test(arguments: rangeSpellings)
func printsRangeAsWritten(range: String, printed: String) throws {
  #expect(try VersionRange(parsing: range).description == printed)
}

private let exactRanges: [(String, String?)] = [
  ("1.2.3", "1.2.3"),
  ("=v1.2.3-beta.1", "1.2.3-beta.1"),
  ("1.2.3 1.2.3", "1.2.3"),
  ("^1.2.3", nil),
  ("1.2", nil),
  ("1.2.3 || 1.2.4", nil),
  (">=1.2.3", nil),
]

@Test(arguments: exactRanges)
func recognisesExactVersions(range: String, exact: String?) throws {
  #expect(try VersionRange(parsing: range).exactVersion?.description == exact)
}

/// Ranges npm refuses in its default mode, and a fragment of the reason each must report.
private let invalidRanges: [(String, String)] = [
  (">01.02.03", "\"01\" has a leading zero"),
  ("~1.2.3beta", "a prerelease tag starts with \"-\""),
  ("^2.x.y", "expected a number, \"x\" or \"*\" after \".\", not \"y\""),
  ("1.", "expected a number, \"x\" or \"*\" after \".\""),
  ("1.2.3.4", "a version has at most three parts"),
  ("1.2-beta", "a prerelease tag needs a full major.minor.patch version"),
  ("foo", "expected a version, not \"foo\""),
  ("latest", "expected a version, not \"latest\""),
  (">=1.2.3 || foo", "expected a version, not \"foo\" in \"foo\""),
  ("1 | 2", "expected a version, not \"|\""),
  (">=~1.2", "expected a version, not \"~1.2\""),
  (">=", "\">=\" is not followed by a version"),
  ("1.2.3 <", "\"<\" is not followed by a version"),
  ("~", "\"~\" is not followed by a version"),
  ("^", "\"^\" is not followed by a version"),
  ("1.2.3 -", "a hyphen range is"),
  ("- 1.2.3", "a hyphen range is"),
  ("1 - 2 - 3", "a hyphen range is"),
  (">=1.2.3 - 2.0.0", "at the start of a hyphen range"),
  ("1.2.3 - ^2", "at the end of a hyphen range"),
  ("=1.2.3 - 2.0.0", "unexpected \"=\" before \"=1.2.3\""),
  ("1.2.3 - =2.0.0", "unexpected \"=\" before \"=2.0.0\""),
  ("==1.2.3", "unexpected \"=\" before the version"),
  ("vv1.2.3", "unexpected \"vv\" before the version"),
  ("v=1.2.3", "unexpected \"v=\" before the version"),
  ("1.x.3", "a wildcard can only be followed by more wildcards"),
  ("x.1", "a wildcard can only be followed by more wildcards"),
  (">=*.1", "a wildcard can only be followed by more wildcards"),
  ("1.2.3-", "prerelease identifiers must not be empty"),
  ("^1.2.3-01", "numeric prerelease identifier \"01\" has a leading zero"),
  ("9007199254740992", "larger than 9007199254740991"),
  ("^9007199254740991.0.0", "larger than 9007199254740991"),
  ("~1.9007199254740991", "larger than 9007199254740991"),
  ("x - 9007199254740991", "larger than 9007199254740991"),
  ("< 10.9007199254740992 || *", "larger than 9007199254740991"),
  ("> = 1", "\"> =\" is not an operator"),
  ("<== 10", "\"<==\" is not an operator"),
  ("~ >= = 1", "\"~ >= =\" is not an operator"),
  ("1.2.3+", "build identifiers must not be empty"),
  // npm's regex pipeline happens to accept a `*` glued to a version (`1.2.3*` is `1.2.3`,
  // `1*0.0.0` is `10.0.0`); fe refuses such typos.
  ("1.2.3*", "unexpected \"*\""),
  ("1*0.0.0", "unexpected \"*0.0.0\""),
]

@Test(arguments: invalidRanges)
func rejectsInvalidRange(range: String, reason: String) {
  #expect {
    _ = try VersionRange(parsing: range)
  } throws: { error in
    guard let error = error as? SemverError else { return false }
    return error.input == range && error.subject == .range && error.reason.contains(reason)
  }
}

@Test func rangeErrorQuotesTheInput() {
  #expect(
    throws: SemverError(
      input: "^2.x.y", subject: .range,
      reason: "expected a number, \"x\" or \"*\" after \".\", not \"y\" in \"^2.x.y\"")
  ) {
    _ = try VersionRange(parsing: "^2.x.y")
  }
  let error = SemverError(input: "^2.x.y", subject: .range, reason: "bad")
  #expect(error.description == "\"^2.x.y\" is not a valid version range: bad")
}
