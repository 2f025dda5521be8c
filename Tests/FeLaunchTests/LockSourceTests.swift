// How fe.lock names where a blob came from when no registry was asked (LockSource).
import Testing

@testable import FeLaunch

@Suite struct LockSourceTests {
  @Test(arguments: [
    ("https://blobs.example.com/fe/2.1.0/source.js.zst", "https://blobs.example.com"),
    ("/srv/registry/fe/2.1.0/source.js.zst", "/srv/registry"),
    ("/home/dev/src/fe", "local:/home/dev/src/fe"),
    ("/home/dev/tool.js", "local:/home/dev/tool.js"),
    ("", "local:"),
  ])
  func describesTheOrigin(origin: String, expected: String) {
    #expect(LockSource.describe(origin: origin, tool: "fe", version: "2.1.0") == expected)
  }

  @Test func noOriginIsLocal() {
    #expect(LockSource.describe(origin: nil, tool: "fe", version: "2.1.0") == "local:")
  }
}
