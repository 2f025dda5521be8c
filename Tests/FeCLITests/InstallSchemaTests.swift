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
  }
}
