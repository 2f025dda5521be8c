import FeBasics
import Testing

@testable import FeRegistry

@Suite struct RegistryLocationTests {
  static let spellings: [(String, RegistryLocation)] = [
    ("https://blobs.example.com", .http("https://blobs.example.com")),
    ("https://blobs.example.com/", .http("https://blobs.example.com")),
    ("HTTP://127.0.0.1:8080/reg//", .http("HTTP://127.0.0.1:8080/reg")),
    ("file:///srv/reg", .directory("/srv/reg")),
    ("file://localhost/srv/reg", .directory("/srv/reg")),
    ("file:///srv/my%20reg/", .directory("/srv/my reg")),
    ("/srv/reg/", .directory("/srv/reg")),
    ("reg", .directory("/work/reg")),
    ("../reg", .directory("/reg")),
  ]

  @Test(arguments: 0..<spellings.count)
  func parses(_ i: Int) throws {
    let (text, expected) = Self.spellings[i]
    #expect(try RegistryLocation(parsing: text, cwd: "/work") == expected, "\(text)")
  }

  @Test func refusesWhatItCannotFetch() {
    for text in ["ftp://example.com/reg", "s3://bucket/reg", "https://", "https://host/reg?x=1", "file://host/reg", ""] {
      let error = try? #require(throws: FeError.self) { try RegistryLocation(parsing: text, cwd: "/") }
      #expect(error?.kind == .usage, "\(text)")
    }
  }

  @Test func locatesFilesUnderTheToolDirectory() {
    #expect(
      RegistryLocation.http("https://r.example/base").locate(tool: "fe", "2.1.0/source.js.zst")
        == "https://r.example/base/fe/2.1.0/source.js.zst")
    #expect(RegistryLocation.directory("/srv/reg").locate(tool: "fe", "index.json") == "/srv/reg/fe/index.json")
  }

  static let origins: [(String, String?)] = [
    ("https://Blobs.Example.com/fe/index.json", "https://blobs.example.com"),
    ("https://blobs.example.com:443/x", "https://blobs.example.com"),
    ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
    ("http://user:pw@host:81/x?y#z", "http://host:81"),
    ("http://[::1]:9000/x", "http://[::1]:9000"),
    ("ftp://host/x", nil),
    ("not a url", nil),
    ("http://host:99999/", nil),
  ]

  @Test(arguments: 0..<origins.count)
  func origins(_ i: Int) {
    let (url, expected) = Self.origins[i]
    #expect(URLOrigin(url)?.description == expected, "\(url)")
  }

  @Test func sameServerWhateverThePortSpelling() {
    #expect(URLOrigin("https://h/x") == URLOrigin("https://H:443/y"))
    #expect(URLOrigin("https://h/x") != URLOrigin("http://h/x"))
    #expect(URLOrigin("https://h/x") != URLOrigin("https://h:8443/x"))
    #expect(URLOrigin("http://127.0.0.1:80/") != URLOrigin("http://localhost:80/"))
  }
}
