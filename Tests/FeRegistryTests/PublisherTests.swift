import FeBasics
import FeStore
import Foundation
import Testing

@testable import FeRegistry

let testEngine = "v8-test-engine-0001"

/// A blob file for `source` under `engine`, as the engine's builder would make (without V8).
func fakeSnapshot(_ source: [UInt8], engine: String = testEngine) throws -> [UInt8] {
  try BlobFile.encode(payload: Array(repeating: UInt8(source.count & 0xFF), count: 4096) + source, engineId: engine)
}

/// The builder the CLI would inject, minus V8.
let fakeBuilder: SnapshotBuilder = { source, tool, version, origin, _ in
  let snapshot = try fakeSnapshot(source)
  return BuiltBlob(
    snapshot: snapshot,
    manifest: Manifest(name: tool, version: version, kind: .cjs, source: source, snapshot: snapshot, engineId: testEngine, origin: origin))
}

func readIndex(_ root: String, _ tool: String = "fe") throws -> RegistryIndex {
  let bytes = try #require(try FileSystem.read(root + "/\(tool)/index.json"))
  return try RegistryIndex.decode(bytes, tool: tool, origin: root)
}

@Suite struct PublisherTests {
  @Test func writesFilesAndAnIndex() throws {
    let dir = TempDir("publish")
    defer { dir.remove() }
    let source = Array("fe.main(async () => 0);\n".utf8)
    let result = try Publisher(root: dir.path).publish(tool: "fe", version: "1.0.0", source: source, snapshot: nil, signingKeys: [])
    #expect(result.changed && result.latest == "1.0.0")
    let index = try readIndex(dir.path)
    let release = try #require(index.versions["1.0.0"])
    let packed = try #require(try FileSystem.read(dir.path + "/fe/1.0.0/source.js.zst"))
    #expect(release.source == "1.0.0/source.js.zst")
    #expect(release.sha256 == SHA256.hex(packed) && release.size == Int64(packed.count))
    #expect(release.sourceSha256 == SHA256.hex(source) && release.sourceSize == Int64(source.count))
    #expect(try Zstd.decompress(packed, maxSize: 1000) == source)
    #expect(index.tags == ["latest": "1.0.0"])
    #expect(!FileSystem.exists(dir.path + "/fe/index.json.sig"))
  }

  @Test func sameContentIsANoOpDifferentContentIsRefused() throws {
    let dir = TempDir("publish-again")
    defer { dir.remove() }
    let publisher = Publisher(root: dir.path)
    try publisher.publish(tool: "fe", version: "1.0.0", source: Array("a".utf8), snapshot: nil, signingKeys: [])
    let before = try FileSystem.read(dir.path + "/fe/index.json")
    let again = try publisher.publish(tool: "fe", version: "1.0.0", source: Array("a".utf8), snapshot: nil, signingKeys: [])
    #expect(!again.changed)
    #expect(try FileSystem.read(dir.path + "/fe/index.json") == before)
    let error = try? #require(throws: FeError.self) {
      try publisher.publish(tool: "fe", version: "1.0.0", source: Array("b".utf8), snapshot: nil, signingKeys: [])
    }
    #expect(error?.kind == .integrity && error?.message.contains("already published") == true)
    #expect(try FileSystem.read(dir.path + "/fe/index.json") == before, "the refused publish changed nothing")
    #expect(try Zstd.decompress(try #require(try FileSystem.read(dir.path + "/fe/1.0.0/source.js.zst")), maxSize: 10) == Array("a".utf8))
  }

  @Test func latestFollowsTheHighestRelease() throws {
    let dir = TempDir("publish-latest")
    defer { dir.remove() }
    let publisher = Publisher(root: dir.path)
    var latest: [String?] = []
    for v in ["1.0.0", "2.0.0", "1.5.0", "3.0.0-rc.1", "2.0.1"] {
      latest.append(try publisher.publish(tool: "fe", version: v, source: Array(v.utf8), snapshot: nil, signingKeys: []).latest)
    }
    #expect(latest == ["1.0.0", "2.0.0", "2.0.0", "2.0.0", "2.0.1"])
    #expect(try readIndex(dir.path).versions.count == 5)
  }

  @Test func addsASnapshotToAPublishedVersion() throws {
    let dir = TempDir("publish-snap")
    defer { dir.remove() }
    let publisher = Publisher(root: dir.path)
    let source = Array("x".utf8)
    try publisher.publish(tool: "fe", version: "1.0.0", source: source, snapshot: nil, signingKeys: [])
    let blob = try fakeSnapshot(source)
    let result = try publisher.publish(
      tool: "fe", version: "1.0.0", source: source, snapshot: .init(engineId: testEngine, blob: blob, kind: "cjs"), signingKeys: [])
    #expect(result.changed && result.addedSnapshot)
    let snap = try #require(try readIndex(dir.path).versions["1.0.0"]?.snapshots[testEngine])
    #expect(snap.path == "1.0.0/\(testEngine).blob.zst" && snap.blobSha256 == SHA256.hex(blob) && snap.kind == "cjs")
    let packed = try #require(try FileSystem.read(dir.path + "/fe/" + snap.path))
    #expect(SHA256.hex(packed) == snap.sha256)
    #expect(try Zstd.decompress(packed, maxSize: 1 << 20) == blob)
  }

  @Test func validatesNamesBeforeTouchingTheDisk() throws {
    let dir = TempDir("publish-names")
    defer { dir.remove() }
    for (tool, version) in [("../x", "1.0.0"), ("fe", "../../1"), ("a/b", "1.0.0"), ("fe", "1.0"), ("Fe", "1.0.0")] {
      let error = try? #require(throws: FeError.self) {
        try Publisher(root: dir.path).publish(tool: tool, version: version, source: [1], snapshot: nil, signingKeys: [])
      }
      #expect(error?.kind == .usage, "\(tool)@\(version)")
    }
    #expect(FileSystem.listDirectory(dir.path).isEmpty)
  }

  @Test func signsTheIndexAndKeepsItSigned() throws {
    let dir = TempDir("publish-signed")
    defer { dir.remove() }
    let (_, key) = try makeKey(in: dir.path, "key")
    let (_, next) = try makeKey(in: dir.path, "next")
    let root = dir.path + "/reg"
    let publisher = Publisher(root: root)
    try publisher.publish(tool: "fe", version: "1.0.0", source: [1], snapshot: nil, signingKeys: [key])
    func check(_ keys: [Ed25519Key]) throws {
      let index = try #require(try FileSystem.read(root + "/fe/index.json"))
      let sig = try FileSystem.read(root + "/fe/index.json.sig")
      for k in keys {
        try IndexSignature.verify(index: index, signature: sig, trusted: [try Ed25519Key.publicKey(k.publicKeyText)], origin: "x")
      }
    }
    try check([key])
    // Unsigned publishing into a signed registry would break its clients.
    let error = try? #require(throws: FeError.self) {
      try publisher.publish(tool: "fe", version: "1.1.0", source: [2], snapshot: nil, signingKeys: [])
    }
    #expect(error?.kind == .usage)
    #expect(try readIndex(root).versions["1.1.0"] == nil)
    // Rotation: sign with both keys; each one verifies.
    try publisher.publish(tool: "fe", version: "1.1.0", source: [2], snapshot: nil, signingKeys: [key, next])
    try check([key, next])
    #expect(IndexSignature.parse(try #require(try FileSystem.read(root + "/fe/index.json.sig"))).count == 2)
    // Re-publishing the same content with a new key only re-signs.
    let resign = try publisher.publish(tool: "fe", version: "1.1.0", source: [2], snapshot: nil, signingKeys: [next])
    #expect(resign.changed)
    try check([next])
  }
}
