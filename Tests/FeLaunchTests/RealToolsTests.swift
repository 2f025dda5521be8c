// Real, unmodified Node CLIs from Debian's node-* packages (unpacked by tools/node-tools.sh into
// .deps/node-tools, never installed) run from blobs, against node running the same files:
// stdout, stderr, exit codes and every file written must be identical.
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The unpacked packages and a store holding blobs of the tools, built once per test process.
enum NodeTools {
  /// `/…/.deps/node-tools/root/usr/share/nodejs`, after running tools/node-tools.sh.
  static let root: Result<String, FixtureError> = {
    do {
      let r = try Shell.run(["/bin/bash", Fe.repo + "/tools/node-tools.sh"])
      guard r.exited(0) else { return .failure(FixtureError("tools/node-tools.sh failed: \(r)")) }
      return .success(Fe.repo + "/.deps/node-tools/root/usr/share/nodejs")
    } catch {
      return .failure(FixtureError("tools/node-tools.sh: \(error)"))
    }
  }()

  static func nodejs() throws -> String { try root.get() }
  static func tscJS() throws -> String { try nodejs() + "/typescript/lib/tsc.js" }

  /// The machine's node, the reference every comparison runs against.
  static var node: String? { Fe.node }
  static var haveNode: Bool { node != nil }

  /// A store with tsc 4.8.4 (from tsc.js) and terser, js-yaml, semver, esvalidate, lessc, marked,
  /// json5, mustache and acorn (from package directories).
  static let store: Result<String, FixtureError> = {
    do {
      let nodejs = try NodeTools.nodejs()
      let dir = TempDir("real-tools-store")
      atexit { NodeTools.storeDir?.remove() }
      storeDir = dir
      let env = ["FE_HOME": dir.path + "/fe-home", "NODE_PATH": nodejs]
      let builds: [[String]] = [
        ["blobs", "build", try tscJS(), "--name", "tsc", "--version", "4.8.4"],
        ["blobs", "install", nodejs + "/terser"],
        ["blobs", "install", nodejs + "/js-yaml"],
        ["blobs", "install", nodejs + "/semver"],
        // esvalidate requires PhantomJS's `system` and a relative ./esprima on paths node never
        // takes here: they stay require() calls in the bundle (with a warning), as Node would.
        ["blobs", "install", nodejs + "/esprima", "--bin", "esvalidate"],
        // lessc leaves less's optional dependencies (mime, needle, …) as require() calls, as
        // Debian's node-less does; the paths that need them are not run here.
        ["blobs", "install", nodejs + "/less"],
        ["blobs", "install", nodejs + "/marked"],
        ["blobs", "install", nodejs + "/json5"],
        ["blobs", "install", nodejs + "/mustache"],
        ["blobs", "install", nodejs + "/acorn"],
      ]
      for args in builds {
        let r = try Fe.run(args, cwd: dir.path, env: env)
        guard r.exited(0) else { return .failure(FixtureError("fe \(args.joined(separator: " ")) failed: \(r)")) }
      }
      return .success(dir.path + "/fe-home")
    } catch let e as FixtureError {
      return .failure(e)
    } catch {
      return .failure(FixtureError("building the real-tools store: \(error)"))
    }
  }()
  /// Kept for the whole test process; removed at its exit.
  nonisolated(unsafe) static var storeDir: TempDir?

  /// A private copy of the store: tests may add blobs or pins.
  static func sandbox(_ name: String) throws -> Sandbox {
    var s = try Sandbox(name, store: .empty)
    let r = try Shell.run(["/bin/cp", "-a", try store.get(), s.feHome])
    guard r.exited(0) else { throw FixtureError("cp -a failed: \(r)") }
    s.extraEnv["NODE_PATH"] = try nodejs()
    return s
  }

  /// `node args…` in `cwd`, with NODE_PATH at the unpacked packages (as Debian's node has it).
  static func runNode(_ args: [String], cwd: String, stdin: String = "") throws -> FeResult {
    let node = try #require(node, "node is needed as the reference")
    return try Fe.run(args, cwd: cwd, env: ["NODE_PATH": try nodejs()], stdin: stdin, executable: node)
  }
}

/// Every regular file under `dir`, relative path → contents.
func treeContents(_ dir: String) -> [String: Data] {
  var out: [String: Data] = [:]
  let files = FileManager.default.enumerator(atPath: dir)
  while let f = files?.nextObject() as? String {
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: dir + "/" + f, isDirectory: &isDir), !isDir.boolValue {
      out[f] = FileManager.default.contents(atPath: dir + "/" + f)
    }
  }
  return out
}

/// Copies `dir` to a sibling named `name` and returns its path.
func copyTree(_ dir: String, to path: String) throws -> String {
  let r = try Shell.run(["/bin/cp", "-a", dir, path])
  guard r.exited(0) else { throw FixtureError("cp -a failed: \(r)") }
  return path
}

@Suite(.enabled(if: NodeTools.haveNode, "needs node as the reference"), .serialized)
struct RealToolsTests {
  /// A multi-file TypeScript project with a tsconfig (classes, enums, async, type-only imports,
  /// declarations and source maps). `broken` adds type errors and an unresolvable import.
  func tsProject(_ s: Sandbox, broken: Bool, name: String = "ts") throws -> String {
    let dir = s.root.path + "/" + name
    try s.write(
      "tsconfig.json",
      """
      {
        "compilerOptions": {
          "target": "es2019", "module": "commonjs", "strict": true, "outDir": "out",
          "declaration": true, "sourceMap": true, "rootDir": "src", "lib": ["es2020", "dom"]
        },
        "include": ["src"]
      }

      """, in: dir)
    try s.write(
      "src/shapes.ts",
      """
      export interface Shape { area(): number; name: string }
      export abstract class Base implements Shape {
        abstract name: string;
        abstract area(): number;
        describe(): string { return `${this.name} (${this.area().toFixed(1)})`; }
      }
      export class Circle extends Base {
        name = "circle";
        constructor(private readonly r: number) { super(); }
        area() { return Math.PI * this.r ** 2; }
      }
      export class Square extends Base {
        name = "square";
        constructor(public side: number) { super(); }
        area() { return this.side * this.side; }
      }
      export enum Color { Red, Green = 5, Blue }

      """, in: dir)
    try s.write(
      "src/util.ts",
      """
      import type { Shape } from "./shapes";
      export function fmt(s: Shape): string { return `${s.name}: ${s.area().toFixed(2)}`; }
      export const pairs = Object.entries({ a: 1, b: 2 }).map(([k, v]) => k + v);
      export function groupBy<T, K extends PropertyKey>(xs: T[], key: (x: T) => K): Record<K, T[]> {
        const out = {} as Record<K, T[]>;
        for (const x of xs) (out[key(x)] ??= []).push(x);
        return out;
      }
      \(broken ? "export const n: number = \"not a number\";\nexport function f(x: string) { return x.foo; }\n" : "")
      """, in: dir)
    try s.write(
      "src/index.ts",
      """
      import { Circle, Color, Shape, Square } from "./shapes";
      import * as util from "./util";
      \(broken ? "import { missing } from \"./nope\";\n" : "")
      const shapes: Shape[] = [new Circle(2), new Square(3)];
      export const total = shapes.reduce((a, s) => a + s.area(), 0);
      export async function main(): Promise<number> {
        for (const s of shapes) console.log(util.fmt(s), Color.Blue);
        await Promise.resolve();
        return Object.keys(util.groupBy(shapes, (s) => s.name)).length;
      }

      """, in: dir)
    return dir
  }

  /// Runs tsc from the blob and under node in two copies of the project; everything must match.
  func compareTsc(_ s: Sandbox, _ project: String, args: [String], expectedCode: Int32) throws {
    let viaNode = try copyTree(project, to: project + "-node")
    let n = try NodeTools.runNode([try NodeTools.tscJS()] + args, cwd: viaNode)
    let f = try s.fe(args: ["blobs", "exec", "tsc@4.8.4", "--"] + args, cwd: project)
    #expect(n.exited(expectedCode), "node: \(n)")
    #expect(f.exited(expectedCode), "fe: \(f)")
    #expect(f.out == n.out, "stdout differs\nfe: \(f)\nnode: \(n)")
    #expect(f.err == n.err, "stderr differs\nfe: \(f)\nnode: \(n)")
    let fromFe = treeContents(project)
    let fromNode = treeContents(viaNode)
    #expect(fromFe.keys.sorted() == fromNode.keys.sorted(), "files written differ")
    for (file, data) in fromNode {
      #expect(fromFe[file] == data, "\(file) differs")
    }
  }

  @Test func tscVersion() throws {
    let s = try NodeTools.sandbox("tsc-version")
    defer { s.remove() }
    let n = try NodeTools.runNode([try NodeTools.tscJS(), "--version"], cwd: s.project)
    let f = try s.fe("blobs", "exec", "tsc@4.8.4", "--version")
    #expect(f.exited(0) && n.exited(0), "fe: \(f)\nnode: \(n)")
    #expect(f.out == "Version 4.8.4\n" && f.out == n.out, "fe: \(f)\nnode: \(n)")
  }

  @Test func tscCompilesCleanProject() throws {
    let s = try NodeTools.sandbox("tsc-clean")
    defer { s.remove() }
    let project = try tsProject(s, broken: false)
    try compareTsc(s, project, args: ["-p", "."], expectedCode: 0)
    #expect(FileManager.default.fileExists(atPath: project + "/out/index.js"))
    #expect(FileManager.default.fileExists(atPath: project + "/out/shapes.d.ts"))
    #expect(FileManager.default.fileExists(atPath: project + "/out/util.js.map"))
  }

  @Test func tscReportsTypeErrors() throws {
    let s = try NodeTools.sandbox("tsc-errors")
    defer { s.remove() }
    let project = try tsProject(s, broken: true)
    try compareTsc(s, project, args: ["-p", "."], expectedCode: 2)
    // --pretty forces colours and code frames without a terminal.
    let pretty = try tsProject(s, broken: true, name: "ts-pretty")
    try compareTsc(s, pretty, args: ["-p", ".", "--pretty"], expectedCode: 2)
  }

  @Test func tscPinnedByProject() throws {
    let s = try NodeTools.sandbox("tsc-pinned")
    defer { s.remove() }
    let project = try tsProject(s, broken: true)
    try s.write("fe.config.js", "export default { tools: { tsc: \"4.8.x\" } };\n", in: project)
    let r = try s.fe("blobs", "exec", "tsc", "--", "--noEmit", "-p", ".", cwd: project)
    #expect(r.exited(2), "\(r)")
    #expect(r.out.contains("src/util.ts(9,14): error TS2322: Type 'string' is not assignable to type 'number'."), "\(r)")
    #expect(!FileManager.default.fileExists(atPath: project + "/out"), "--noEmit writes nothing")
  }

  // terser, built from its package directory: esbuild bundles bin/terser with commander,
  // @jridgewell/source-map and acorn from NODE_PATH.
  static let sample = """
    function fibonacci(count) {
      var sequence = [0, 1];
      for (var index = 2; index < count; index++) {
        sequence.push(sequence[index - 1] + sequence[index - 2]);
      }
      if (false) { console.log("unreachable"); }
      return sequence.slice(0, count);
    }
    const unusedVariable = 42;
    export class Greeter {
      constructor(name) { this.greeting = `Hello, ${name}!`; }
      greet() { return this.greeting.toUpperCase(); }
    }
    console.log(fibonacci(10).join(", "), new Greeter("terser").greet());

    """

  @Test func terserMinifiesFilesLikeNode() throws {
    let s = try NodeTools.sandbox("terser-files")
    defer { s.remove() }
    let nodejs = try NodeTools.nodejs()
    let terser = nodejs + "/terser/bin/terser"
    // A file the test writes, and two real libraries of some size.
    let inputs = [try s.write("sample.mjs", Self.sample), nodejs + "/acorn/dist/acorn.js", nodejs + "/js-yaml/dist/js-yaml.js"]
    for (i, input) in inputs.enumerated() {
      let args = [input, "--compress", "--mangle", "--source-map", "url=out\(i).js.map", "-o"]
      let n = try NodeTools.runNode([terser] + args + ["node\(i).js"], cwd: s.project)
      let f = try s.fe(args: ["blobs", "exec", "terser", "--"] + args + ["fe\(i).js"])
      #expect(n.exited(0) && f.exited(0), "fe: \(f)\nnode: \(n)")
      #expect(f.out == n.out && f.err == n.err, "fe: \(f)\nnode: \(n)")
      let fromNode = try Data(contentsOf: URL(fileURLWithPath: s.project + "/node\(i).js"))
      let fromFe = try Data(contentsOf: URL(fileURLWithPath: s.project + "/fe\(i).js"))
      #expect(fromNode == fromFe, "\(input): minified output differs")
      #expect(fromFe.count > 100, "\(input): minified to something")
      let mapNode = try Data(contentsOf: URL(fileURLWithPath: s.project + "/node\(i).js.map"))
      let mapFe = try Data(contentsOf: URL(fileURLWithPath: s.project + "/fe\(i).js.map"))
      #expect(mapNode == mapFe, "\(input): source map differs")
    }
  }

  @Test func terserMinifiesStdinLikeNode() throws {
    let s = try NodeTools.sandbox("terser-stdin")
    defer { s.remove() }
    let terser = try NodeTools.nodejs() + "/terser/bin/terser"
    let args = ["--compress", "--mangle", "--module"]
    let n = try NodeTools.runNode([terser] + args, cwd: s.project, stdin: Self.sample)
    let f2 = try Fe.run(["blobs", "exec", "terser", "--"] + args, cwd: s.project, env: s.env, stdin: Self.sample)
    #expect(n.exited(0) && f2.exited(0), "fe: \(f2)\nnode: \(n)")
    #expect(f2.out == n.out && !f2.out.isEmpty, "fe: \(f2)\nnode: \(n)")
    #expect(!f2.out.contains("unusedVariable") && !f2.out.contains("unreachable"), "\(f2)")
    // A syntax error: the same message and exit code.
    let bad = "function (\n"
    let nb = try NodeTools.runNode([terser, "-c", "-m"], cwd: s.project, stdin: bad)
    let fb = try Fe.run(["blobs", "exec", "terser", "--", "-c", "-m"], cwd: s.project, env: s.env, stdin: bad)
    #expect(nb.exited(1) && fb.exited(1), "fe: \(fb)\nnode: \(nb)")
    // The message matches; the stack's frames name the blob's bundle instead of terser's files.
    #expect(fb.out == nb.out && fb.err.lines.first == nb.err.lines.first, "fe: \(fb)\nnode: \(nb)")
  }

  // js-yaml (argparse, esprima), semver (lru-cache) and esprima's esvalidate: more real CLIs
  // from package directories.
  @Test func jsYamlLikeNode() throws {
    let s = try NodeTools.sandbox("js-yaml")
    defer { s.remove() }
    let bin = try NodeTools.nodejs() + "/js-yaml/bin/js-yaml.js"
    let doc =
      "name: fe\nlist: [1, two, 3.5, null, true]\nnested:\n  when: 2024-05-01\n  text: |\n    multi\n    line\nanchors:\n  a: &x {k: v}\n  b: *x\n"
    try s.write("doc.yaml", doc)
    for (args, stdin, code) in [
      (["doc.yaml"], "", Int32(0)), (["--compact", "doc.yaml"], "", 0), ([], doc, 0), (["-t"], "a: [\n", 1), ([], "a: [\n", 1),
      (["--help"], "", 0),
    ] {
      let n = try NodeTools.runNode([bin] + args, cwd: s.project, stdin: stdin)
      let f = try Fe.run(["blobs", "exec", "js-yaml", "--"] + args, cwd: s.project, env: s.env, stdin: stdin)
      #expect(n.exited(code) && f.exited(code), "\(args) fe: \(f)\nnode: \(n)")
      // With -t (a stack trace) the frames name the blob's bundle instead of js-yaml's files.
      let err = args.contains("-t") ? { (r: FeResult) in r.err.lines.prefix(4).joined() } : { (r: FeResult) in r.err }
      #expect(f.out == n.out && err(f) == err(n), "\(args) fe: \(f)\nnode: \(n)")
    }
  }

  @Test func esvalidateLikeNode() throws {
    let s = try NodeTools.sandbox("esvalidate")
    defer { s.remove() }
    let bin = try NodeTools.nodejs() + "/esprima/bin/esvalidate.js"
    try s.write("bad.js", "var = 1;\nfunction ok() {}\n")
    try s.write("good.js", "let y = 2;\nclass A { get b() { return y; } }\n")
    for (args, code) in [(["good.js"], Int32(0)), (["bad.js"], 1), (["--format=junit", "bad.js", "good.js"], 1), (["--help"], 1)] {
      let n = try NodeTools.runNode([bin] + args, cwd: s.project)
      let f = try s.fe(args: ["blobs", "exec", "esvalidate", "--"] + args)
      #expect(n.exited(code) && f.exited(code), "\(args) fe: \(f)\nnode: \(n)")
      #expect(f.out == n.out && f.err == n.err, "\(args) fe: \(f)\nnode: \(n)")
    }
  }

  @Test func semverLikeNode() throws {
    let s = try NodeTools.sandbox("semver")
    defer { s.remove() }
    let bin = try NodeTools.nodejs() + "/semver/bin/semver.js"
    let cases: [[String]] = [
      ["-r", "^1.2", "1.2.3", "1.5.0", "2.0.0", "1.1.9"], ["-i", "minor", "1.2.3"], ["-r", ">=3", "1.0.0"],
      ["--coerce", "v2"], ["-i", "prerelease", "--preid", "beta", "1.0.0"], ["--help"], ["1.0.0", "not.a.version"],
    ]
    for args in cases {
      let n = try NodeTools.runNode([bin] + args, cwd: s.project)
      let f = try s.fe(args: ["blobs", "exec", "semver", "--"] + args)
      #expect(f.code == n.code && !f.signaled && !n.signaled, "\(args) fe: \(f)\nnode: \(n)")
      #expect(f.out == n.out && f.err == n.err, "\(args) fe: \(f)\nnode: \(n)")
    }
  }
}
