// `fe b` end to end: dist/ is cleaned and rebuilt, JS/CSS minified (esbuild, or the bundled
// minifier when esbuild is absent) under content-hashed names with references rewritten, and the
// built app still runs (under `fe blobs run`).
import Foundation
import Testing

private func writeApp(_ s: Sandbox, pin: String) throws {
  try s.config("export default { fe: \"\(pin)\", dev: { root: \"public\" } };\n")
  try s.write(
    "public/index.html",
    """
    <!doctype html><html><head><link rel="stylesheet" href="/css/site.css"></head>
    <body><script type="module" src="./app.js"></script><a href="https://example.com/app.js">x</a></body></html>

    """)
  try s.write(
    "public/app.js",
    """
    // The entry: imports a module from a subdirectory.
    import { add } from './lib/math.js';
    const pattern = /a\\/b/g; // a regex with an escaped slash
    console.log(`sum ${add(2, 3)}`, 'x/y'.replace(/\\//, '-'), pattern.source);

    """)
  try s.write("public/lib/math.js", "/* Adds. */\nexport function add(a, b) {\n  return a + b;\n}\n")
  try s.write("public/css/site.css", "/* site */\nbody {\n  color: red;\n  margin: 0 auto;\n}\n")
  try s.write("public/package.json", "{\"type\": \"module\"}\n")
  try s.write("public/logo.txt", "logo\n")
}

private func files(under dir: String) -> [String] {
  (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? [])
    .filter {
      var d: ObjCBool = false
      return FileManager.default.fileExists(atPath: dir + "/" + $0, isDirectory: &d) && !d.boolValue
    }
    .sorted()
}

@Suite struct BuildCommandTests {
  @Test(arguments: [false, true])
  func fe2MinifiesHashesAndRewrites(withoutEsbuild: Bool) throws {
    let s = try Sandbox("build-2", store: .sharedReadOnly)
    defer { s.remove() }
    try writeApp(s, pin: "^2")
    try s.write("dist/stale.txt", "from an earlier build\n")
    let env = withoutEsbuild ? ["FE_ESBUILD": s.root.path + "/no-esbuild"] : [:]
    let r = try s.fe(args: ["b", "--json"], env: env)
    #expect(r.exited(0), "\(r)")
    let report = try #require(try parseJSON(r.out) as? [String: Any], "\(r)")
    #expect((report["minifier"] as? String)?.hasPrefix(withoutEsbuild ? "fe minifier" : "esbuild ") == true, "\(report)")
    #expect(report["outDir"] as? String == "dist")

    let dist = s.project + "/dist"
    let built = files(under: dist)
    #expect(!built.contains("stale.txt"), "dist/ is cleaned first: \(built)")
    let app = try #require(built.first { $0.range(of: #"^app\.[0-9a-f]{8}\.js$"#, options: .regularExpression) != nil }, "\(built)")
    let math = try #require(built.first { $0.range(of: #"^lib/math\.[0-9a-f]{8}\.js$"#, options: .regularExpression) != nil }, "\(built)")
    let css = try #require(built.first { $0.range(of: #"^css/site\.[0-9a-f]{8}\.css$"#, options: .regularExpression) != nil }, "\(built)")
    #expect(built.contains("index.html") && built.contains("logo.txt") && built.count == 6, "\(built)")

    let html = try String(contentsOfFile: dist + "/index.html", encoding: .utf8)
    #expect(html.contains("href=\"/\(css)\"") && html.contains("src=\"./\(app)\""), "references rewritten: \(html)")
    #expect(html.contains("https://example.com/app.js"), "other origins untouched: \(html)")
    let appText = try String(contentsOfFile: dist + "/" + app, encoding: .utf8)
    #expect(appText.contains("./\(math)") && !appText.contains("The entry"), "\(appText)")
    let cssText = try String(contentsOfFile: dist + "/" + css, encoding: .utf8)
    #expect(!cssText.contains("/*") && !cssText.contains("\n  "), "\(cssText)")

    // Sizes in the report are the written files', with their gzip sizes.
    let entries = try #require(report["files"] as? [[String: Any]])
    for entry in entries {
      let file = try #require(entry["file"] as? String)
      let size = try FileManager.default.attributesOfItem(atPath: s.project + "/" + file)[.size] as? Int
      #expect((entry["size"] as? Int) == size && ((entry["gzip"] as? Int) ?? 0) > 0, "\(entry)")
    }

    // The minified, renamed app still runs.
    let run = try s.fe("blobs", "run", dist + "/" + app)
    #expect(run.exited(0) && run.out == "sum 5 x-y a\\/b\n", "\(run)")

    // The same sources give the same names; a changed import renames its importer too.
    let again = try s.fe(args: ["b", "--json"], env: env)
    #expect(files(under: dist) == built, "\(again)")
    try s.write("public/lib/math.js", "export function add(a, b) {\n  return b + a;\n}\n")
    #expect(try s.fe(args: ["b"], env: env).exited(0))
    let rebuilt = files(under: dist)
    #expect(!rebuilt.contains(app) && !rebuilt.contains(math) && rebuilt.contains(css), "\(rebuilt)")
  }

  @Test func fe2PrintsASizeTable() throws {
    let s = try Sandbox("build-2-table", store: .sharedReadOnly)
    defer { s.remove() }
    try writeApp(s, pin: "^2")
    let r = try s.fe("b", "--out-dir", "out")
    #expect(r.exited(0), "\(r)")
    #expect(r.out.range(of: #"out/index\.html +[0-9.]+ kB │ gzip: +[0-9.]+ kB"#, options: .regularExpression) != nil, "\(r)")
    #expect(r.out.contains("✓ 6 files,"), "\(r)")
    #expect(FileManager.default.fileExists(atPath: s.project + "/out/logo.txt"))
    let bad = try s.fe("b", "--out-dir", ".")
    #expect(bad.exited(2) && bad.err.contains("would hold the sources"), "never deletes the project: \(bad)")
    #expect(FileManager.default.fileExists(atPath: s.project + "/public/app.js"))
  }

  @Test func fe1CopiesAsItIs() throws {
    let s = try Sandbox("build-1", store: .sharedReadOnly)
    defer { s.remove() }
    try writeApp(s, pin: "^1")
    let r = try s.fe("b")
    #expect(r.exited(0) && r.out.hasPrefix("fe 1.4.2 build: 6 file(s), "), "\(r)")
    #expect(files(under: s.project + "/dist") == ["app.js", "css/site.css", "index.html", "lib/math.js", "logo.txt", "package.json"])
    #expect(try String(contentsOfFile: s.project + "/dist/app.js", encoding: .utf8).contains("// The entry"), "1.x does not minify")
  }
}
