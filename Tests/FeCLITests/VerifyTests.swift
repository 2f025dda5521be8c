// `fe blobs verify [--repair]` and disk use in `fe blobs list`.
import Foundation
import Testing

@testable import FeCLI

@Suite struct VerifyTests {
  /// Overwrites one byte of `path` at `offset` with its complement.
  static func flipByte(_ path: String, at offset: Int) throws {
    var data = try Data(contentsOf: URL(fileURLWithPath: path))
    data[offset] = ~data[offset]
    try data.write(to: URL(fileURLWithPath: path))
  }

  @Test func anIntactStoreVerifies() throws {
    let s = try Sandbox("verify-ok", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try s.fe("blobs", "verify")
    #expect(r.exited(0), "\(r)")
    #expect(r.out.lines.filter { $0.hasPrefix("ok ") }.count == 2, "\(r)")
    #expect(r.out.contains("2 blobs checked: 2 ok, 0 stale, 0 corrupt"), "\(r)")
    let json = try s.fe("blobs", "verify", "--json")
    #expect(json.exited(0), "\(json)")
    let doc = try JSON.parse(json.out)
    #expect(try JSONSchema.named("verify").errors(doc) == [], "\(json)")
    #expect(doc["ok"] == .bool(true))
    let quiet = try s.fe("blobs", "verify", "--quiet")
    #expect(quiet.exited(0) && quiet.out.isEmpty && quiet.err.isEmpty, "\(quiet)")
  }

  @Test func aCorruptSnapshotIsReportedThenRepairedFromItsSource() throws {
    let s = try Sandbox("verify-snapshot", store: .sharedCopy)
    defer { s.remove() }
    try s.config("export default { fe: \"^1\" };\n")
    let snapshot = s.snapshotPath("fe", "1.4.2")
    let size = try #require(try FileManager.default.attributesOfItem(atPath: snapshot)[.size] as? Int)
    try Self.flipByte(snapshot, at: size / 2)

    let r = try s.fe("blobs", "verify", "--json")
    #expect(r.exited(65), "\(r)")
    let doc = try JSON.parse(r.out)
    #expect(try JSONSchema.named("verify").errors(doc) == [], "\(r)")
    #expect(doc["ok"] == .bool(false))
    guard case .array(let blobs)? = doc["blobs"] else {
      Issue.record("no blobs: \(r)")
      return
    }
    let bad = blobs.first { $0["version"] == .string("1.4.2") }
    #expect(bad?["status"] == .string("corrupt") && bad?["repair"] == .string("fe blobs verify --repair fe@1.4.2"), "\(r)")
    #expect(blobs.first { $0["version"] == .string("2.1.0") }?["status"] == .string("ok"), "the other blob is fine: \(r)")
    expectFeError(r, code: 65, mentions: ["fe@1.4.2", "fe blobs verify --repair"])

    let text = try s.fe("blobs", "verify")
    #expect(text.exited(65) && text.out.contains("corrupt  fe@1.4.2") && text.out.contains("sha256"), "\(text)")

    let repaired = try s.fe("blobs", "verify", "--repair")
    #expect(repaired.exited(0), "\(repaired)")
    #expect(repaired.out.contains("repaired fe@1.4.2") && repaired.out.contains("1 repaired"), "\(repaired)")
    let again = try s.fe("blobs", "verify", "fe@1.4.2", "--json")
    let againDoc = try JSON.parse(again.out)
    #expect(again.exited(0) && againDoc["ok"] == .bool(true), "\(again)")
    let run = try s.fe("--version")
    #expect(run.exited(0) && run.out == "1.4.2\n", "the repaired blob runs: \(run)")
  }

  @Test func aCorruptSourceCannotBeRepairedHereAndSaysWhatToRun() throws {
    let s = try Sandbox("verify-source", store: .sharedCopy)
    defer { s.remove() }
    try s.write("source.js", "// edited\n", in: "\(s.feHome)/blobs/fe/2.1.0")
    let r = try s.fe("blobs", "verify", "--repair")
    // The origin (blobs/fe/2 in this repository) still exists: reinstalling from it is the repair.
    expectFeError(r, code: 65, mentions: ["fe@2.1.0", "fe blobs install \(Fe.blobsFe2)"])
    #expect(r.out.contains("corrupt  fe@2.1.0") && r.out.contains("source.js does not match"), "\(r)")
    #expect(r.out.contains("ok       fe@1.4.2"), "\(r)")
  }

  @Test func aMissingManifestIsCorrupt() throws {
    let s = try Sandbox("verify-manifest", store: .sharedCopy)
    defer { s.remove() }
    try FileManager.default.removeItem(atPath: "\(s.feHome)/blobs/fe/1.4.2/manifest.json")
    let r = try s.fe("blobs", "verify", "fe", "--json")
    expectFeError(r, code: 65, mentions: ["fe@1.4.2"])
    let doc = try JSON.parse(r.out)
    #expect(try JSONSchema.named("verify").errors(doc) == [], "\(r)")
    // Without a manifest nothing in the blob can be trusted, nor is its origin known: it goes.
    #expect(r.out.contains("\"repair\":\"fe blobs remove fe@1.4.2\""), "\(r)")
    let removed = try s.fe("blobs", "remove", "fe@1.4.2")
    #expect(removed.exited(0), "\(removed)")
    let again = try s.fe("blobs", "verify")
    #expect(again.exited(0), "\(again)")
  }

  @Test func aSnapshotOfAnotherEngineIsStaleNotCorrupt() throws {
    let s = try Sandbox("verify-stale", store: .sharedCopy)
    defer { s.remove() }
    // Rewrite the header's engine id (offset 56) as another engine's, and the manifest to match:
    // an intact blob that this fe did not build.
    let snapshot = s.snapshotPath("fe", "2.1.0")
    var bytes = try Data(contentsOf: URL(fileURLWithPath: snapshot))
    bytes[57] = bytes[57] == UInt8(ascii: "9") ? UInt8(ascii: "8") : UInt8(ascii: "9")
    try bytes.write(to: URL(fileURLWithPath: snapshot))
    let sum = try Shell.run(["/usr/bin/sha256sum", snapshot])
    let sha = String(sum.out.prefix(64))
    let manifestPath = "\(s.feHome)/blobs/fe/2.1.0/manifest.json"
    var manifest = try #require(try parseJSON(String(contentsOfFile: manifestPath, encoding: .utf8)) as? [String: Any])
    let data = try Data(contentsOf: URL(fileURLWithPath: snapshot))
    manifest["engineId"] = String(decoding: data[56..<120].prefix { $0 != 0 }, as: UTF8.self)
    manifest["snapshotSha256"] = sha
    try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: manifestPath))

    let r = try s.fe("blobs", "verify", "--json")
    #expect(r.exited(0), "stale is not an error: \(r)")
    let doc = try JSON.parse(r.out)
    #expect(try JSONSchema.named("verify").errors(doc) == [], "\(r)")
    guard case .array(let blobs)? = doc["blobs"] else {
      Issue.record("\(r)")
      return
    }
    let stale = blobs.first { $0["version"] == .string("2.1.0") }
    #expect(stale?["status"] == .string("stale") && stale?["repair"] == .string("fe blobs verify --repair fe@2.1.0"), "\(r)")
    let repaired = try s.fe("blobs", "verify", "--repair", "--json")
    let after = try JSON.parse(repaired.out)
    guard case .array(let again)? = after["blobs"] else {
      Issue.record("\(repaired)")
      return
    }
    let fixed = again.first { $0["version"] == .string("2.1.0") }
    #expect(repaired.exited(0) && fixed?["status"] == .string("ok") && fixed?["repaired"] == .bool(true), "\(repaired)")
  }

  @Test func verifyOfSomethingNotInstalled() throws {
    let s = try Sandbox("verify-missing", store: .sharedReadOnly)
    defer { s.remove() }
    expectFeError(try s.fe("blobs", "verify", "tsc"), code: 66, mentions: ["tsc"])
    let empty = try Sandbox("verify-empty", store: .empty)
    defer { empty.remove() }
    let r = try empty.fe("blobs", "verify")
    #expect(r.exited(0) && r.out.contains("no blobs installed"), "\(r)")
  }

  @Test func listShowsDiskUsePerToolAndInTotal() throws {
    let s = try Sandbox("list-disk-use", store: .sharedReadOnly)
    defer { s.remove() }
    let json = try s.fe("blobs", "list", "--json")
    #expect(json.exited(0), "\(json)")
    let doc = try JSON.parse(json.out)
    #expect(try JSONSchema.named("list").errors(doc) == [], "\(json)")
    guard case .array(let entries) = doc else {
      Issue.record("\(json)")
      return
    }
    var total = 0.0
    for e in entries {
      guard case .number(let size)? = e["size"], case .string(let path)? = e["path"] else { continue }
      #expect(size == Double(Self.treeSize(path)), "size is the blob directory's bytes: \(e)")
      total += size
    }
    #expect(total > 0)
    let text = try s.fe("blobs", "list")
    #expect(text.exited(0), "\(text)")
    let feRow = text.out.lines.first { $0.hasPrefix("fe ") && $0.contains(" 2 ") }
    #expect(feRow != nil, "a disk-use row for fe with 2 versions: \(text)")
    let totalRow = try #require(text.out.lines.first { $0.hasPrefix("total ") }, "\(text)")
    #expect(totalRow.contains(" 2 ") && totalRow.contains("in \(s.feHome)/blobs"), "\(text)")
    #expect(totalRow.contains(ByteCount.format(Int(total))), "total \(ByteCount.format(Int(total))): \(text)")
  }

  @Test(arguments: [
    (0, "0 B"), (999, "999 B"), (1000, "1.0 KB"), (1049, "1.0 KB"), (1051, "1.1 KB"), (999_949, "999.9 KB"),
    (1_000_000, "1.0 MB"), (12_345_678, "12.3 MB"), (2_500_000_000, "2.5 GB"), (7_000_000_000_000, "7000.0 GB"),
  ])
  func byteCountsArePowersOf1000WithOneDecimal(bytes: Int, shown: String) {
    #expect(ByteCount.format(bytes) == shown)
  }

  static func treeSize(_ path: String) -> Int {
    let fm = FileManager.default
    let names = (try? fm.subpathsOfDirectory(atPath: path)) ?? []
    return names.reduce(0) { sum, name in
      let attrs = try? fm.attributesOfItem(atPath: path + "/" + name)
      return attrs?[.type] as? FileAttributeType == .typeRegular ? sum + ((attrs?[.size] as? Int) ?? 0) : sum
    }
  }
}
