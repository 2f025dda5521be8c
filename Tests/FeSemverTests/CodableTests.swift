import FeSemver
import FoundationEssentials
import Testing

/// Versions and ranges travel through config and lock files as plain strings.
private let versionJSON: [(String, String)] = [
  ("\"1.2.3\"", "1.2.3"),
  ("\"v1.2.3-beta.1+b5\"", "1.2.3-beta.1+b5"),
]

@Test(arguments: versionJSON)
func versionRoundTripsAsString(json: String, printed: String) throws {
  let version = try JSONDecoder().decode(Version.self, from: Data(json.utf8))
  #expect(version.description == printed)
  let encoded = try JSONEncoder().encode(version)
  #expect(String(decoding: encoded, as: UTF8.self) == "\"\(printed)\"")
}

@Test func rangeRoundTripsAsString() throws {
  let range = try JSONDecoder().decode(VersionRange.self, from: Data("\"^2.1.0 || 3.x\"".utf8))
  #expect(range.desugared() == ">=2.1.0 <3.0.0-0||>=3.0.0 <4.0.0-0")
  #expect(String(decoding: try JSONEncoder().encode(range), as: UTF8.self) == "\"^2.1.0 || 3.x\"")
}

@Test func invalidStringsFailToDecode() {
  #expect(throws: DecodingError.self) {
    _ = try JSONDecoder().decode(Version.self, from: Data("\"1.2\"".utf8))
  }
  #expect(throws: DecodingError.self) {
    _ = try JSONDecoder().decode(VersionRange.self, from: Data("\"^2.x.y\"".utf8))
  }
}
