import FeSemver
import Testing

/// Pins that are dist-tags, and the tag each names.
private let tags: [(String, String)] = [
  ("latest", "latest"),
  ("next", "next"),
  ("beta", "beta"),
  ("canary-2", "canary-2"),
  ("release_1.x", "release_1.x"),
  ("  lts  ", "lts"),
  ("v", "v"),
]

@Test(arguments: tags)
func parsesTagSelector(text: String, tag: String) throws {
  #expect(try VersionSelector(parsing: text) == .tag(tag))
  #expect(try VersionSelector(parsing: text).description == tag)
}

/// Pins that are ranges, and what they desugar to; letters that spell a range stay ranges.
private let rangeSelectors: [(String, String)] = [
  ("^1", ">=1.0.0 <2.0.0-0"),
  ("1.2.3", "1.2.3"),
  ("v1.2.3", "1.2.3"),
  ("x", "*"),
  ("X", "*"),
  ("v1", ">=1.0.0 <2.0.0-0"),
  ("", "*"),
  ("*", "*"),
  (">=1 <2", ">=1.0.0 <2.0.0-0"),
  ("~2.1 || ^3", ">=2.1.0 <2.2.0-0||>=3.0.0 <4.0.0-0"),
]

@Test(arguments: rangeSelectors)
func parsesRangeSelector(text: String, meaning: String) throws {
  guard case .range(let range) = try VersionSelector(parsing: text) else {
    Issue.record("\"\(text)\" should be a range")
    return
  }
  #expect(range.desugared() == meaning)
  #expect(try VersionSelector(parsing: text) == .range(VersionRange(parsing: text)))
}

/// Neither a range nor tag-like: the error says so and carries the range parser's reason.
private let invalidSelectors: [(String, String)] = [
  ("1.2.3beta", "a prerelease tag starts with \"-\""),
  ("@next", "expected a version, not \"@next\""),
  ("1latest", "unexpected \"latest\""),
  ("la test", "expected a version, not \"la\""),
  ("lts/iron", "expected a version, not \"lts/iron\""),
  ("^latest", "expected a version, not \"latest\""),
]

@Test(arguments: invalidSelectors)
func rejectsInvalidSelector(text: String, reason: String) {
  #expect {
    _ = try VersionSelector(parsing: text)
  } throws: { error in
    guard let error = error as? SemverError else { return false }
    return error.input == text && error.subject == .selector && error.reason.contains(reason)
      && error.description.hasPrefix("\"\(text)\" is not a valid version range or dist-tag: ")
  }
}
