import FeBasics
import Testing

@testable import FeStore

@Suite struct NamesTests {
  @Test(arguments: [
    "fe", "tsc", "terser", "my-tool", "a", "0x", "lodash.merge", "a_b", "vue3",
    "x" + String(repeating: "y", count: 213),
  ])
  func goodToolNames(_ name: String) throws {
    #expect(Names.isValidTool(name))
    try Names.validateTool(name)
  }

  @Test(arguments: [
    ("", "empty"), ("../x", "`/`"), ("a/b", "`/`"), ("..", "`..`"), (".", "start with"), ("a..b", "`..`"),
    ("A", "uppercase"), ("Tsc", "uppercase"), (".hidden", "start with"), ("-x", "start with"), ("_x", "start with"),
    ("a b", "a space"), ("a:b", "`:`"), ("@scope/x", "`/`"), ("é", "non-ASCII"), ("a\u{0}b", "control"),
    ("x" + String(repeating: "y", count: 214), "longer than 214"),
  ])
  func badToolNames(_ name: String, _ why: String) {
    #expect(!Names.isValidTool(name))
    let error = feError { try Names.validateTool(name) }
    #expect(error?.kind == .usage)
    #expect(error?.message.contains(why) == true, "\(error?.message ?? "no error")")
    #expect(error?.hint?.contains("lowercase") == true)
  }

  @Test(arguments: [
    "0.0.0", "1.2.3", "10.20.30", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7", "1.0.0-x.7.z.92",
    "1.0.0-alpha+001", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85", "1.0.0-x-y-z.--", "2.0.0-rc.1+build.01",
  ])
  func goodVersions(_ version: String) throws {
    #expect(Names.isValidVersion(version))
    try Names.validateVersion(version)
  }

  @Test(arguments: [
    ("", "empty"), ("1.2", "MAJOR.MINOR.PATCH"), ("1", "MAJOR.MINOR.PATCH"), ("1.2.3.4", "MAJOR.MINOR.PATCH"),
    ("01.2.3", "leading zero"), ("1.02.3", "leading zero"), ("1.2.03", "leading zero"), ("v1.2.3", "starts with `v`"),
    ("1.2.x", "MAJOR.MINOR.PATCH"), ("^1.2.3", "MAJOR.MINOR.PATCH"), ("1.2.3-", "empty identifier"),
    ("1.2.3-a..b", "empty identifier"), ("1.2.3-01", "leading zero"), ("1.2.3+", "empty identifier"),
    ("1.2.3-a_b", "`_`"), ("../1.2.3", "MAJOR.MINOR.PATCH"), ("1.2.3/x", "MAJOR.MINOR.PATCH"),
    (" 1.2.3", "MAJOR.MINOR.PATCH"),
    ("1.2.3-" + String(repeating: "a", count: 130), "longer than"), ("1.2.12345678901234567890", "too large"),
  ])
  func badVersions(_ version: String, _ why: String) {
    #expect(!Names.isValidVersion(version))
    let error = feError { try Names.validateVersion(version) }
    #expect(error?.kind == .usage)
    #expect(error?.message.contains(why) == true, "\(error?.message ?? "no error")")
    #expect(error?.hint?.contains("1.2.3") == true)
  }

  @Test func versionOrderFollowsSemverPrecedence() {
    let sorted = [
      "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
      "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0", "10.0.0",
    ]
    #expect(sorted.reversed().sorted(by: VersionOrder.less) == sorted)
    #expect(VersionOrder.compare("1.0.0+a", "1.0.0+b") == 0, "build metadata has no precedence")
    #expect(VersionOrder.less("1.0.0+a", "1.0.0+b"), "but the order is still total")
  }
}
