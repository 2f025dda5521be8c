import FeSemver
import Testing

/// node-semver's test/ranges/max-satisfying.js (the loose `2.0.0b1` spellings written strictly),
/// plus prerelease, empty and tie cases.
private let maxSatisfying: [([String], String, Bool, String?)] = [
  // (versions, range, includePrerelease, highest)
  (["1.2.3", "1.2.4"], "1.2", false, "1.2.4"),
  (["1.2.4", "1.2.3"], "1.2", false, "1.2.4"),
  (["1.2.3", "1.2.4", "1.2.5", "1.2.6"], "~1.2.3", false, "1.2.6"),
  (
    ["1.1.0", "1.2.0", "1.2.1", "1.3.0", "2.0.0-b1", "2.0.0-b2", "2.0.0-b3", "2.0.0", "2.1.0"],
    "~2.0.0", false, "2.0.0"
  ),
  (["2.0.0", "2.1.0", "2.1.5", "2.10.1", "3.0.0"], "^2.1.0", false, "2.10.1"),
  (["0.2.0", "0.2.9", "0.3.0"], "^0.2.3", false, "0.2.9"),
  (["1.0.0", "2.0.0-rc.1"], "*", false, "1.0.0"),
  (["1.0.0", "2.0.0-rc.1"], "*", true, "2.0.0-rc.1"),
  (["3.0.0-rc.1", "2.9.0", "3.0.0-rc.0"], ">=3.0.0-rc.0", false, "3.0.0-rc.1"),
  (["3.0.0-rc.1", "3.1.0-rc.1"], ">=3.0.0-rc.0", false, "3.0.0-rc.1"),
  (["1.0.0", "1.5.0"], "^2", false, nil),
  ([], "*", false, nil),
  (["1.0.0+a", "1.0.0+b"], "1.0.0", false, "1.0.0+a"),
  (["18.20.4", "20.17.0", "22.9.0", "16.20.2"], "18 || 20", false, "20.17.0"),
]

@Test(arguments: maxSatisfying)
func highestSatisfyingVersion(
  versions: [String], range: String, includePrerelease: Bool, highest: String?
) throws {
  var candidates: [Version] = []
  for text in versions { candidates.append(try Version(parsing: text)) }
  let found = try VersionRange(parsing: range)
    .highest(in: candidates, includePrerelease: includePrerelease)
  // Compare the printed form so a build-metadata tie is told apart.
  #expect(found?.description == highest)
}

@Test func highestAcceptsAnySequence() throws {
  let range = try VersionRange(parsing: "^1.2")
  let versions: Set<Version> = [
    try Version(parsing: "1.1.0"), try Version(parsing: "1.9.0"), try Version(parsing: "2.0.0"),
  ]
  #expect(range.highest(in: versions) == (try Version(parsing: "1.9.0")))
  #expect(range.highest(in: versions.lazy.filter { $0.minor < 9 }) == nil)
}
