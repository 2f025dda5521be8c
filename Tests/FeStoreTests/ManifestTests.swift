import FeBasics
import Testing

@testable import FeStore

@Suite struct ManifestTests {
  let manifest = Manifest(
    name: "tsc", version: "5.4.5", kind: .cjs, sourceSha256: String(repeating: "a", count: 64),
    snapshotSha256: String(repeating: "b", count: 64), snapshotSize: 1000, engineId: "v8-10.2",
    created: "2024-05-01T12:00:00Z", origin: "https://blobs.example.com/tsc")

  @Test func encodingIsStablePrettyAndSorted() {
    let text = String(decoding: manifest.encoded(), as: UTF8.self)
    let expected = """
      {
        "created" : "2024-05-01T12:00:00Z",
        "engineId" : "v8-10.2",
        "kind" : "cjs",
        "name" : "tsc",
        "origin" : "https://blobs.example.com/tsc",
        "schema" : 1,
        "snapshotSha256" : "\(String(repeating: "b", count: 64))",
        "snapshotSize" : 1000,
        "sourceSha256" : "\(String(repeating: "a", count: 64))",
        "version" : "5.4.5"
      }

      """
    #expect(text == expected)
    #expect(manifest.encoded() == manifest.encoded())
  }

  @Test func roundTrip() throws {
    let decoded = try Manifest.decode(manifest.encoded(), path: "/m.json", tool: "tsc", version: "5.4.5")
    #expect(decoded == manifest)
    var noOrigin = manifest
    noOrigin.origin = nil
    #expect(!String(decoding: noOrigin.encoded(), as: UTF8.self).contains("origin"))
    #expect(try Manifest.decode(noOrigin.encoded(), path: "/m.json", tool: "tsc", version: "5.4.5") == noOrigin)
  }

  @Test func readReturnsNilForAMissingFile() throws {
    try withTempHome { layout throws in
      #expect(try Manifest.read(Path.join(layout.home, "nope.json"), tool: "tsc", version: "5.4.5") == nil)
    }
  }

  @Test(arguments: [
    ("", "not valid JSON"),
    ("{", "not valid JSON"),
    ("[]", "not a JSON object"),
    ("{\"schema\": 1}", "missing"),
    ("REPLACE:kind:\"wasm\"", "unknown kind"),
    ("REPLACE:schema:2", "schema 2"),
    ("REPLACE:sourceSha256:\"xyz\"", "sourceSha256"),
    ("REPLACE:snapshotSize:\"big\"", "snapshotSize"),
    ("REPLACE:name:\"../evil\"", "invalid tool name"),
    ("REPLACE:version:\"1.2\"", "invalid version"),
  ])
  func malformedManifestsAreIntegrityErrors(_ input: String, _ why: String) {
    var bytes = Array(input.utf8)
    if input.hasPrefix("REPLACE:") {
      let parts = input.dropFirst(8).split(separator: ":", maxSplits: 1)
      var lines = String(decoding: manifest.encoded(), as: UTF8.self).split(separator: "\n").map(String.init)
      for (i, line) in lines.enumerated() where line.hasPrefix("  \"\(parts[0])\" : ") {
        lines[i] = "  \"\(parts[0])\" : \(parts[1])" + (line.hasSuffix(",") ? "," : "")
      }
      bytes = Array(lines.joined(separator: "\n").utf8)
    }
    let error = feError {
      _ = try Manifest.decode(bytes, path: "/store/blobs/tsc/5.4.5/manifest.json", tool: "tsc", version: "5.4.5")
    }
    #expect(error?.kind == .integrity)
    #expect(error?.message.contains("/store/blobs/tsc/5.4.5/manifest.json") == true)
    #expect(error?.message.contains(why) == true, "\(error?.message ?? "no error")")
    #expect(error?.hint?.contains("fe blobs install tsc@5.4.5") == true)
    #expect(error?.hint?.contains("fe blobs remove tsc@5.4.5") == true)
  }

  @Test func timestampsAreISO8601UTC() {
    #expect(Manifest.timestamp(0) == "1970-01-01T00:00:00Z")
    #expect(Manifest.timestamp(1_714_564_800) == "2024-05-01T12:00:00Z")
  }

  @Test func hashingInitDescribesTheBytes() throws {
    let sample = SampleBlob()
    #expect(sample.manifest.sourceSha256 == SHA256.hex(sample.source))
    #expect(sample.manifest.snapshotSha256 == SHA256.hex(sample.snapshot))
    #expect(sample.manifest.snapshotSize == sample.snapshot.count)
    #expect(sample.manifest.problem() == nil)
  }
}
