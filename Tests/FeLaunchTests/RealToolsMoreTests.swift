// More real, unmodified CLIs from Debian's node-* packages (lessc, marked, json5, mustache, acorn)
// run from blobs against node running the same files: stdout, stderr, exit codes and every file
// written must be identical.
import Foundation
import Testing

/// One invocation of a tool: arguments, standard input and the exit code both must give.
struct ToolCase {
  var args: [String]
  var stdin = ""
  var code: Int32 = 0
}

@Suite(.enabled(if: NodeTools.haveNode, "needs node as the reference"), .serialized)
struct RealToolsMoreTests {
  /// Runs each case under node in a copy of `dir` and from blob `tool` in `dir` itself; output,
  /// exit code and the files left in the two directories must match.
  func compare(_ s: Sandbox, tool: String, bin: String, in dir: String, _ cases: [ToolCase]) throws {
    let viaNode = try copyTree(dir, to: dir + "-node")
    for c in cases {
      let n = try NodeTools.runNode([bin] + c.args, cwd: viaNode, stdin: c.stdin)
      let f = try Fe.run(["blobs", "exec", tool, "--"] + c.args, cwd: dir, env: s.env, stdin: c.stdin)
      #expect(n.exited(c.code) && f.exited(c.code), "\(c.args) fe: \(f)\nnode: \(n)")
      // Messages naming a file name node's copy of the directory.
      let nOut = n.out.replacingOccurrences(of: viaNode, with: dir)
      let nErr = n.err.replacingOccurrences(of: viaNode, with: dir)
      #expect(f.out == nOut && f.err == nErr, "\(c.args) fe: \(f)\nnode: \(n)")
    }
    let fromFe = treeContents(dir)
    let fromNode = treeContents(viaNode)
    #expect(fromFe.keys.sorted() == fromNode.keys.sorted(), "files written differ")
    for (file, data) in fromNode {
      #expect(fromFe[file] == data, "\(file) differs")
    }
  }

  @Test func lesscLikeNode() throws {
    let s = try NodeTools.sandbox("lessc")
    defer { s.remove() }
    let dir = s.root.path + "/styles"
    try s.write("inc/vars.less", "@w: 4px;\n.mix() { border: @w solid red; }\n", in: dir)
    try s.write(
      "main.less",
      """
      @import "inc/vars";
      @c: #f00;
      .x { .mix(); &:hover { color: fade(#000, 50%); } .b { color: darken(@c, 10%); width: (10px * 3); } }
      @media (min-width: 10px) { .y { width: ~"calc(100% - @{w})"; } }

      """, in: dir)
    try compare(
      s, tool: "lessc", bin: try NodeTools.nodejs() + "/less/bin/lessc", in: dir,
      [
        ToolCase(args: ["main.less"]), ToolCase(args: ["-x", "main.less"]),
        ToolCase(args: ["--source-map", "main.less", "out/main.css"]), ToolCase(args: ["--version"]),
        ToolCase(args: ["--help"]), ToolCase(args: ["-"], stdin: ".a { .b { c: d } }\n"),
        // An undefined variable, an undefined mixin and a missing file: the same message, exit 1.
        ToolCase(args: ["-"], stdin: ".a { color: @nope; }\n", code: 1),
        ToolCase(args: ["-"], stdin: ".a { .nomixin(); }\n", code: 1), ToolCase(args: ["nofile.less"], code: 1),
      ])
    #expect(FileManager.default.fileExists(atPath: dir + "/out/main.css.map"))
  }

  @Test func markedLikeNode() throws {
    let s = try NodeTools.sandbox("marked")
    defer { s.remove() }
    let dir = s.root.path + "/docs"
    let doc = "# Title\n\n*a* list:\n\n- one\n- `two`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n\n```js\nlet x = 1;\n```\n"
    try s.write("doc.md", doc, in: dir)
    // --version and --help find marked's package.json and man page through import.meta.url.
    try compare(
      s, tool: "marked", bin: try NodeTools.nodejs() + "/marked/bin/marked.js", in: dir,
      [
        ToolCase(args: ["doc.md"]), ToolCase(args: [], stdin: doc), ToolCase(args: ["-i", "doc.md", "-o", "doc.html"]),
        ToolCase(args: ["-s", "**b** _i_ [l](http://x) <i>raw</i>"]), ToolCase(args: ["nofile.md"], code: 1),
        ToolCase(args: ["--version"]), ToolCase(args: ["--help"], code: 1),  // Debian ships no man/marked.1.txt
      ])
  }

  @Test func json5LikeNode() throws {
    let s = try NodeTools.sandbox("json5")
    defer { s.remove() }
    let dir = s.root.path + "/conf"
    try s.write("conf.json5", "// config\n{ name: 'fe', list: [1, 2,], hex: 0xff, inf: Infinity, nested: { 'a-b': .5 }, }\n", in: dir)
    try compare(
      s, tool: "json5", bin: try NodeTools.nodejs() + "/json5/lib/cli.js", in: dir,
      [
        ToolCase(args: ["conf.json5"]), ToolCase(args: ["-s", "2", "conf.json5"]), ToolCase(args: ["-c", "conf.json5"]),
        ToolCase(args: ["-v", "conf.json5"]), ToolCase(args: [], stdin: "{a:1, // c\nb:[1,2,],}"),
        ToolCase(args: ["--help"]), ToolCase(args: [], stdin: "{a:", code: 1),
      ])
    #expect(FileManager.default.fileExists(atPath: dir + "/conf.json"), "-c writes conf.json")
  }

  @Test func mustacheLikeNode() throws {
    let s = try NodeTools.sandbox("mustache")
    defer { s.remove() }
    let dir = s.root.path + "/tpl"
    try s.write("list.mustache", "{{#items}}- {{name}}{{^last}},{{/last}}\n{{/items}}{{> p}}\n", in: dir)
    try s.write("items.json", "{\"items\":[{\"name\":\"a\"},{\"name\":\"<b>\",\"last\":true}]}\n", in: dir)
    try s.write("p.mustache", "partial {{items.length}}\n", in: dir)
    try compare(
      s, tool: "mustache", bin: try NodeTools.nodejs() + "/mustache/bin/mustache", in: dir,
      [
        ToolCase(args: ["items.json", "list.mustache", "-p", "p.mustache"]),
        ToolCase(args: ["-", "list.mustache", "out.txt", "-p", "p.mustache"], stdin: "{\"items\":[]}"),
        ToolCase(args: ["--version"]), ToolCase(args: ["nofile.json", "list.mustache"], code: 1),
      ])
  }

  @Test func acornLikeNode() throws {
    let s = try NodeTools.sandbox("acorn")
    defer { s.remove() }
    let nodejs = try NodeTools.nodejs()
    try compare(
      s, tool: "acorn", bin: nodejs + "/acorn/bin/acorn", in: s.project,
      [
        ToolCase(args: ["--ecma2020", "--compact", nodejs + "/semver/classes/range.js"]),
        ToolCase(args: ["--ecma2022", "--locations"], stdin: "class A { #x = 1; static { } }\n"),
        ToolCase(args: ["--module", "--silent"], stdin: "export default 1\n"),
        ToolCase(args: ["--ecma2020"], stdin: "let x = 1 +\n", code: 1),
      ])
  }
}
