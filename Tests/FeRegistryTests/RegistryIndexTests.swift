import FeBasics
import FeSemver
import FeStore
import Foundation
import Testing

@testable import FeRegistry

/// A valid release entry for `version`.
func release(_ version: String, snapshots: [String: RegistryIndex.Snapshot] = [:]) -> RegistryIndex.Release {
  RegistryIndex.Release(
    source: "\(version)/source.js.zst", sha256: String(repeating: "a", count: 64), size: 10,
    sourceSha256: String(repeating: "b", count: 64), sourceSize: 20, published: nil, snapshots: snapshots)
}

func index(_ versions: [String], tags: [String: String] = [:]) -> RegistryIndex {
  var index = RegistryIndex(name: "fe")
  for v in versions { index.versions[v] = release(v) }
  index.tags = tags
  return index
}

@Suite struct RegistryIndexTests {
  @Test func roundTripsThroughJSON() throws {
    var original = index(["1.4.2", "2.1.0"], tags: ["latest": "2.1.0"])
    original.versions["2.1.0"]?.snapshots["v8-10.2.154.26-0123456789abcdef"] = RegistryIndex.Snapshot(
      path: "2.1.0/v8-10.2.154.26-0123456789abcdef.blob.zst", sha256: String(repeating: "c", count: 64), size: 5,
      blobSha256: String(repeating: "d", count: 64), blobSize: 200, kind: "fe-native")
    let decoded = try RegistryIndex.decode(original.encoded(), tool: "fe", origin: "test")
    #expect(decoded == original)
    #expect(original.encoded() == decoded.encoded(), "encoding is deterministic")
  }

  @Test func optionalFieldsMayBeMissing() throws {
    let text = """
      {"schema":1,"name":"fe","versions":{"1.0.0":{"source":"1.0.0/source.js.zst","sha256":"\(String(repeating: "a", count: 64))",
      "size":1,"sourceSha256":"\(String(repeating: "b", count: 64))","sourceSize":2}}}
      """
    let decoded = try RegistryIndex.decode(Array(text.utf8), tool: "fe", origin: "test")
    #expect(decoded.tags.isEmpty && decoded.versions["1.0.0"]?.snapshots.isEmpty == true)
  }

  static let malformed: [(String, (inout RegistryIndex) -> Void, String)] = [
    ("schema", { $0.schema = 2 }, "schema 2"),
    ("name", { $0.name = "tsc" }, "not fe"),
    ("version key", { $0.versions["../x"] = release("1.0.0") }, "not a valid version"),
    ("v-prefixed version", { $0.versions["v1.0.0"] = release("1.0.0") }, "not a valid version"),
    ("absolute path", { $0.versions["1.0.0"]?.source = "/etc/passwd" }, "absolute"),
    ("dot-dot path", { $0.versions["1.0.0"]?.source = "1.0.0/../../x" }, "`..`"),
    ("URL path", { $0.versions["1.0.0"]?.source = "https://evil.example/x" }, "characters"),
    ("empty component", { $0.versions["1.0.0"]?.source = "1.0.0//x" }, "empty"),
    ("bad sha", { $0.versions["1.0.0"]?.sha256 = "ABC" }, "sha256"),
    ("negative size", { $0.versions["1.0.0"]?.size = -1 }, "impossible size"),
    ("huge size", { $0.versions["1.0.0"]?.sourceSize = 1 << 40 }, "impossible size"),
    (
      "engine id with slash",
      {
        $0.versions["1.0.0"]?.snapshots["../v8"] = RegistryIndex.Snapshot(
          path: "1.0.0/x.blob.zst", sha256: String(repeating: "c", count: 64), size: 1,
          blobSha256: String(repeating: "d", count: 64), blobSize: 200, kind: "fe-native")
      }, "not an engine id"
    ),
    (
      "unknown kind",
      {
        $0.versions["1.0.0"]?.snapshots["v8-1"] = RegistryIndex.Snapshot(
          path: "1.0.0/x.blob.zst", sha256: String(repeating: "c", count: 64), size: 1,
          blobSha256: String(repeating: "d", count: 64), blobSize: 200, kind: "python")
      }, "unknown snapshot kind"
    ),
    ("dangling tag", { $0.tags["latest"] = "9.9.9" }, "not in the index"),
    ("image with snapshots", { withImage(&$0) { _ in }; $0.versions["1.0.0"]?.snapshots["v8-1"] = aSnapshot }, "prebuilt snapshots"),
    ("image path outside", { withImage(&$0) { $0.path = "../image.zst" } }, "`..` component"),
    ("image bad sha", { withImage(&$0) { $0.sha256 = "nope" } }, "image.zst"),
    ("image impossible archive size", { withImage(&$0) { $0.archiveSize = -5 } }, "impossible size"),
    ("image without digest", { withImage(&$0) { $0.digest = "" } }, "no valid digest"),
    ("image absolute entry", { withImage(&$0) { $0.entry = "/etc/passwd" } }, "image entry"),
    ("image entry escaping", { withImage(&$0) { $0.entry = "node_modules/../../x.js" } }, "image entry"),
    (
      "image native outside",
      { withImage(&$0) { $0.native = NativeExecutable(path: "../../bin/sh", package: "x@1.0.0") } },
      "native path is not inside the image"
    ),
  ]

  static let aSnapshot = RegistryIndex.Snapshot(
    path: "1.0.0/x.blob.zst", sha256: String(repeating: "c", count: 64), size: 1, blobSha256: String(repeating: "d", count: 64),
    blobSize: 200, kind: "cjs")

  /// 1.0.0 with a valid package image, then `mutate`d.
  static func withImage(_ index: inout RegistryIndex, _ mutate: (inout RegistryIndex.Image) -> Void) {
    var image = RegistryIndex.Image(
      path: "1.0.0/image.zst", sha256: String(repeating: "e", count: 64), size: 10, archiveSha256: String(repeating: "f", count: 64),
      archiveSize: 100, digest: String(repeating: "1", count: 64), entry: "node_modules/terser/bin/terser")
    mutate(&image)
    index.versions["1.0.0"]?.image = image
  }

  @Test func aValidImageEntryIsAccepted() throws {
    var idx = index(["1.0.0"])
    Self.withImage(&idx) { _ in }
    let decoded = try RegistryIndex.decode(idx.encoded(), tool: "fe", origin: "test")
    #expect(decoded.versions["1.0.0"]?.image?.entry == "node_modules/terser/bin/terser")
  }

  @Test(arguments: 0..<malformed.count)
  func malformedIndexesAreIntegrityErrors(_ i: Int) throws {
    let (name, mutate, needle) = Self.malformed[i]
    var idx = index(["1.0.0"])
    mutate(&idx)
    do {
      _ = try RegistryIndex.decode(idx.encoded(), tool: "fe", origin: "https://r.example/fe/index.json")
      Issue.record("\(name): accepted")
    } catch let error as FeError {
      #expect(error.kind == .integrity, "\(name)")
      #expect(error.message.contains(needle), "\(name): \(error.message)")
      #expect(error.message.contains("https://r.example/fe/index.json"), "\(name) names the index")
    }
  }

  @Test func notJSONIsAnIntegrityError() {
    for text in ["", "<html>", "[]", "{\"schema\":1}"] {
      #expect(throws: FeError.self) { try RegistryIndex.decode(Array(text.utf8), tool: "fe", origin: "x") }
    }
  }

  static let resolutions: [(versions: [String], tags: [String: String], selector: String, expected: String?)] = [
    (["1.4.2", "2.0.0", "2.1.0"], [:], "^2", "2.1.0"),
    (["1.4.2", "2.0.0", "2.1.0"], [:], "~1.4", "1.4.2"),
    (["1.4.2", "2.0.0", "2.1.0"], [:], "2.0.0", "2.0.0"),
    (["1.4.2", "2.0.0", "2.1.0"], [:], "^3", nil),
    (["1.4.2", "2.0.0", "2.1.0"], [:], ">=1 <2 || >=2.0.0 <2.1.0", "2.0.0"),
    (["1.4.2", "2.1.0", "3.0.0-beta.1"], [:], "latest", "2.1.0"),
    (["1.4.2", "2.1.0", "3.0.0-beta.1"], ["latest": "1.4.2"], "latest", "1.4.2"),
    (["1.4.2", "2.1.0", "3.0.0-beta.1"], ["next": "3.0.0-beta.1"], "next", "3.0.0-beta.1"),
    (["1.4.2", "2.1.0", "3.0.0-beta.1"], [:], "next", nil),
    (["1.4.2", "2.1.0", "3.0.0-beta.1"], [:], "*", "2.1.0"),
    (["1.4.2", "2.1.0", "3.0.0-beta.1"], [:], "^3.0.0-beta.0", "3.0.0-beta.1"),
    (["1.4.2", "2.1.0", "3.0.0-beta.1"], [:], "^3", nil),
    ([], [:], "latest", nil),
  ]

  @Test(arguments: 0..<resolutions.count)
  func resolvesTheHighestMatchOrTheTag(_ i: Int) throws {
    let c = Self.resolutions[i]
    let idx = index(c.versions, tags: c.tags)
    #expect(idx.resolve(try VersionSelector(parsing: c.selector)) == c.expected, "\(c.selector) in \(c.versions)")
  }

  @Test func latestIsTheHighestRelease() {
    #expect(RegistryIndex.latest(of: ["1.0.0", "10.0.0", "9.0.0", "11.0.0-rc.1"]) == "10.0.0")
    #expect(RegistryIndex.latest(of: ["1.0.0-rc.1"]) == nil)
  }

  @Test func engineIdsThatCanNameFiles() {
    #expect(RegistryIndex.isSafeEngineId("v8-10.2.154.26-b401a1122452206d"))
    for bad in ["", ".", "..", "a/b", "a b", String(repeating: "x", count: 65), "é"] {
      #expect(!RegistryIndex.isSafeEngineId(bad), "\(bad)")
    }
  }
}
