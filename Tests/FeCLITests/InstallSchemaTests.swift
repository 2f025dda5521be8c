// `fe blobs install --json` against docs/schemas/install.schema.json, with the validator of
// JSONSchema.swift: the project form (pins and fe.lock) and the single-target form ($defs/blob).
import Foundation
import Testing

@Suite struct InstallSchemaTests {
  @Test func installJSONMatchesItsSchema() throws {
    let schema = try JSONSchema.named("install")
    #expect(schema.root["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
    #expect(schema.unsupportedKeywords() == [], "keywords the test validator would not check")

    let s = try Sandbox("schema-install")
    defer { s.remove() }
    try s.config("export default { fe: \"^2\" };\n")
    let first = try s.fe("blobs", "install", "--json")
    #expect(first.exited(0), "\(first)")
    let doc = try JSON.parse(first.out)
    #expect(schema.errors(doc) == [], "\(first)")
    #expect(doc["lockfileWritten"] == .bool(true) && doc["frozen"] == .bool(false), "\(first)")
    let frozen = try s.fe(args: ["blobs", "install", "--json"], env: ["CI": "true"])
    #expect(frozen.exited(0), "\(frozen)")
    #expect(schema.errors(try JSON.parse(frozen.out)) == [], "\(frozen)")

    let blob = JSONSchema(root: .object(["$ref": .string("#/$defs/blob"), "$defs": schema.root["$defs"] ?? .null]))
    let target = try s.fe("blobs", "install", Fe.blobsFe1, "--json")
    #expect(target.exited(0), "\(target)")
    #expect(blob.errors(try JSON.parse(target.out)) == [], "\(target)")
    // The validator does catch a wrong shape.
    #expect(!schema.errors(try JSON.parse(target.out)).isEmpty)

    // --from <pack>: one array of blobs, whether they were installed now or before.
    let pack = JSONSchema(root: .object(["$ref": .string("#/$defs/pack"), "$defs": schema.root["$defs"] ?? .null]))
    let file = s.root.path + "/tools.fepack"
    let packed = try s.fe("blobs", "pack", "fe@^2", "-o", file)
    #expect(packed.exited(0), "\(packed)")
    let elsewhere = ["FE_HOME": s.root.path + "/elsewhere"]
    for round in ["installed", "present"] {
      let r = try s.fe(args: ["blobs", "install", "--from", file, "--json"], env: elsewhere)
      #expect(r.exited(0), "\(round): \(r)")
      let doc = try JSON.parse(r.out)
      #expect(pack.errors(doc) == [], "\(round): \(r)")
      guard case .array(let blobs) = doc else { continue }
      #expect(blobs.count == 1 && blobs.first?["tool"] == .string("fe"), "\(round): \(r)")
      guard case .string(let path)? = blobs.first?["path"] else { continue }
      #expect(path.hasPrefix(s.root.path + "/elsewhere/blobs/fe/2."), "the blob in that store: \(r)")
    }
    #expect(!pack.errors(try JSON.parse(target.out)).isEmpty, "one blob is not a pack's array")
  }
}
