import FeSemver
import Testing

/// node-semver's test/fixtures/valid-versions.js, semver.org examples, and npm's `clean` spellings.
private let validVersions: [(String, Int, Int, Int, [PrereleaseIdentifier], [String])] = [
  ("1.0.0", 1, 0, 0, [], []),
  ("2.1.0", 2, 1, 0, [], []),
  ("3.2.1", 3, 2, 1, [], []),
  ("0.0.0", 0, 0, 0, [], []),
  ("v1.2.3", 1, 2, 3, [], []),
  ("=1.2.3", 1, 2, 3, [], []),
  ("=v1.2.3", 1, 2, 3, [], []),
  ("  =v1.2.3   ", 1, 2, 3, [], []),
  ("v 1.2.3", 1, 2, 3, [], []),
  (" = 1.2.3", 1, 2, 3, [], []),
  ("= v1.2.3", 1, 2, 3, [], []),
  ("\t1.2.3\n", 1, 2, 3, [], []),
  ("1.2.3-0", 1, 2, 3, [.numeric(0)], []),
  ("1.2.3-123", 1, 2, 3, [.numeric(123)], []),
  ("1.2.3-1.2.3", 1, 2, 3, [.numeric(1), .numeric(2), .numeric(3)], []),
  ("1.2.3-1a", 1, 2, 3, [.alphanumeric("1a")], []),
  ("1.2.3-a1", 1, 2, 3, [.alphanumeric("a1")], []),
  ("1.2.3-alpha", 1, 2, 3, [.alphanumeric("alpha")], []),
  ("1.2.3-alpha.1", 1, 2, 3, [.alphanumeric("alpha"), .numeric(1)], []),
  ("1.2.3-alpha-1", 1, 2, 3, [.alphanumeric("alpha-1")], []),
  ("1.2.3-alpha-.-beta", 1, 2, 3, [.alphanumeric("alpha-"), .alphanumeric("-beta")], []),
  (
    "1.0.0-0A.is.legal", 1, 0, 0,
    [.alphanumeric("0A"), .alphanumeric("is"), .alphanumeric("legal")], []
  ),
  ("1.2.3-20240101123456", 1, 2, 3, [.numeric(20_240_101_123_456)], []),
  ("1.2.3+456", 1, 2, 3, [], ["456"]),
  ("1.2.3+build", 1, 2, 3, [], ["build"]),
  ("1.2.3+new-build", 1, 2, 3, [], ["new-build"]),
  ("1.2.3+build.1", 1, 2, 3, [], ["build", "1"]),
  ("1.2.3+build.1a", 1, 2, 3, [], ["build", "1a"]),
  ("1.2.3+build.alpha.beta", 1, 2, 3, [], ["build", "alpha", "beta"]),
  ("1.2.3+001", 1, 2, 3, [], ["001"]),
  ("1.2.3-alpha+build", 1, 2, 3, [.alphanumeric("alpha")], ["build"]),
  ("1.0.0-beta+exp.sha.5114f85", 1, 0, 0, [.alphanumeric("beta")], ["exp", "sha", "5114f85"]),
  ("1.0.0+21AF26D3----117B344092BD", 1, 0, 0, [], ["21AF26D3----117B344092BD"]),
  ("9007199254740991.0.0", 9_007_199_254_740_991, 0, 0, [], []),
  ("10.20.30", 10, 20, 30, [], []),
]

@Test(arguments: validVersions)
func parsesValidVersion(
  text: String, major: Int, minor: Int, patch: Int,
  prerelease: [PrereleaseIdentifier], build: [String]
) throws {
  let version = try Version(parsing: text)
  #expect(version.major == major)
  #expect(version.minor == minor)
  #expect(version.patch == patch)
  #expect(version.prerelease == prerelease)
  #expect(version.build == build)
  #expect(version.isPrerelease == !prerelease.isEmpty)
}

/// Invalid spellings and a fragment of the reason each must report.
private let invalidVersions: [(String, String)] = [
  ("", "it is empty"),
  ("   ", "it is empty"),
  ("1", "expected three dot-separated numbers"),
  ("1.2", "expected three dot-separated numbers"),
  ("1.2.", "expected three dot-separated numbers"),
  ("a.b.c", "expected three dot-separated numbers"),
  ("hello, world", "expected three dot-separated numbers"),
  ("x.1.2", "expected three dot-separated numbers"),
  ("1.x.0", "expected three dot-separated numbers"),
  ("-1.2.3", "expected three dot-separated numbers"),
  ("v", "expected three dot-separated numbers"),
  ("v-1.2.3", "expected three dot-separated numbers"),
  ("v v 1.2.3", "expected three dot-separated numbers"),
  ("^1.2.3", "expected three dot-separated numbers"),
  (">=1.2.3", "expected three dot-separated numbers"),
  ("01.2.3", "\"01\" has a leading zero"),
  ("1.02.3", "\"02\" has a leading zero"),
  ("1.2.03", "\"03\" has a leading zero"),
  ("1.2.3-01", "\"01\" has a leading zero"),
  ("1.2.3.4", "unexpected \".4\" after 1.2.3"),
  ("1.2.3beta", "a prerelease tag starts with \"-\""),
  ("1.2.3 4", "unexpected \" 4\""),
  ("1.2.3-", "prerelease identifiers must not be empty"),
  ("1.2.3-a..b", "prerelease identifiers must not be empty"),
  ("1.2.3-beta_1", "unexpected \"_1\""),
  ("1.2.3-α", "prerelease identifiers may only contain letters, digits and \"-\""),
  ("1.2.3+", "build identifiers must not be empty"),
  ("1.2.3+a+b", "unexpected \"+b\""),
  ("9007199254740992.0.0", "is larger than 9007199254740991"),
  ("0.90071992547409910.0", "is larger than 9007199254740991"),
  ("0.0.90071992547409910", "is larger than 9007199254740991"),
  ("1.2.3-99999999999999999999999", "is too large"),
  (String(repeating: "1", count: 255) + ".0.0", "longer than 256 characters"),
]

@Test(arguments: invalidVersions)
func rejectsInvalidVersion(text: String, reason: String) {
  #expect {
    _ = try Version(parsing: text)
  } throws: { error in
    guard let error = error as? SemverError else { return false }
    return error.input == text && error.subject == .version && error.reason.contains(reason)
  }
}

@Test func versionErrorQuotesTheInput() {
  #expect(
    throws: SemverError(
      input: "1.2", subject: .version,
      reason: "expected three dot-separated numbers, major.minor.patch")
  ) {
    _ = try Version(parsing: "1.2")
  }
  let error = SemverError(input: "1.2", subject: .version, reason: "expected three numbers")
  #expect(error.description == "\"1.2\" is not a valid version: expected three numbers")
}

/// How a parsed version prints: prefixes and whitespace go, build metadata stays.
private let versionSpellings: [(String, String)] = [
  ("1.2.3", "1.2.3"),
  ("v1.2.3", "1.2.3"),
  (" =v1.2.3 ", "1.2.3"),
  ("1.2.3-alpha.1", "1.2.3-alpha.1"),
  ("1.2.3-alpha.1+build.5", "1.2.3-alpha.1+build.5"),
  ("1.2.3+001", "1.2.3+001"),
]

@Test(arguments: versionSpellings)
func printsVersion(text: String, printed: String) throws {
  #expect(try Version(parsing: text).description == printed)
}

@Test func memberwiseVersionPrintsLikeParsedOne() throws {
  let built = Version(
    major: 1, minor: 0, patch: 0, prerelease: [.alphanumeric("rc"), .numeric(2)], build: ["b7"])
  #expect(built.description == "1.0.0-rc.2+b7")
  #expect(try Version(parsing: "1.0.0-rc.2+b7") == built)
}
