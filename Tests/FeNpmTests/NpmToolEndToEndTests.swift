import FeBasics
import FeTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The built fe, an empty FE_HOME, no node on PATH: npm tools from the test registry as blobs
/// whose package image is the installed tree.
@Suite(.serialized) struct NpmToolEndToEndTests {
  struct World {
    let server: NpmServer
    let dir = TempDir("npm-e2e")
    var home: String { dir.path + "/home" }
    var project: String { dir.path + "/project" }

    init() throws {
      server = try NpmServer()
      try dir.write("project/.npmrc", "registry=\(server.url)/\n")
      try dir.mkdir("empty-path")
    }

    func fe(_ args: String...) throws -> FeResult {
      try Proc.run(Fe.binary, Array(args), cwd: project, env: ["FE_HOME": home, "PATH": dir.path + "/empty-path"], timeLimit: 300)
    }
  }

  @Test func tscCompilesAProjectWithItsLibFiles() throws {
    let w = try World()
    let install = try w.fe("blobs", "install", "npm:typescript@4.8.x", "--bin", "tsc")
    #expect(install.exited(0) && install.out == "installed tsc@4.8.4 from typescript@4.8.4 (1 package, \(w.server.url)/)\n", "\(install)")
    try w.dir.write(
      "project/tsconfig.json", #"{ "compilerOptions": { "target": "es2020", "module": "commonjs", "strict": true, "outDir": "out" } }"#)
    // Map and Array.prototype.includes need lib.es2015/es2016 d.ts from the image.
    try w.dir.write("project/src/main.ts", "const m = new Map<number, string>([[1, 'a']]);\nexport const has = [1, 2].includes(m.size);\n")
    let compiled = try w.fe("blobs", "exec", "tsc", "--", "-p", ".")
    #expect(compiled.exited(0), "\(compiled)")
    #expect(
      try FileSystem.readString(w.project + "/out/main.js")
        == "\"use strict\";\nObject.defineProperty(exports, \"__esModule\", { value: true });\nexports.has = void 0;\nconst m = new Map([[1, 'a']]);\nexports.has = [1, 2].includes(m.size);\n"
    )
    try w.dir.write("project/src/bad.ts", "const n: number = 'x';\n")
    let failed = try w.fe("blobs", "exec", "tsc", "--", "-p", ".")
    #expect(
      failed.exited(2) && failed.out == "src/bad.ts(1,7): error TS2322: Type 'string' is not assignable to type 'number'.\n", "\(failed)")
  }

  @Test func terserRunsWithItsDependencyTree() throws {
    let w = try World()
    let install = try w.fe("blobs", "install", "npm:terser@^5")
    #expect(install.exited(0) && install.out.hasPrefix("installed terser@5.16.5 from terser@5.16.5 (11 packages, "), "\(install)")
    try w.dir.write("project/in.js", "function add(first, second) { return first + second; }\nconsole.log(add(1, 2));\n")
    let r = try w.fe("blobs", "exec", "terser", "--", "in.js", "-c", "-m")
    #expect(r.exited(0) && r.out == "function add(d,n){return d+n}console.log(add(1,2));\n", "\(r)")
    // The image is covered by the manifest: `fe blobs verify` finds a changed file.
    #expect(try w.fe("blobs", "verify").exited(0))
    try w.dir.write("home/blobs/terser/5.16.5/image/node_modules/terser/node_modules/commander/index.js", "module.exports = 1;\n")
    let verify = try w.fe("blobs", "verify")
    #expect(verify.exited(65) && verify.out.contains("does not match the image digest in its manifest"), "\(verify)")
    // The repair is a reinstall from npm (`--repair` would only rebuild the snapshot).
    let reinstall = "fe blobs remove terser@5.16.5 && fe blobs install npm:terser@5.16.5 --bin terser"
    #expect(verify.out.contains("repair: \(reinstall)"), "\(verify)")
    // The snapshot holds commander compiled at install; the launch runs the file as it is now.
    let edited = try w.fe("blobs", "exec", "terser", "--", "--version")
    #expect(!edited.exited(0) && edited.err.contains("is not a function"), "\(edited)")
    #expect(try w.fe("blobs", "remove", "terser@5.16.5").exited(0))
    #expect(try w.fe("blobs", "install", "npm:terser@5.16.5", "--bin", "terser").exited(0))
    #expect(try w.fe("blobs", "verify").exited(0))
    #expect(try w.fe("blobs", "exec", "terser", "--", "--version").out == "terser 5.16.5\n")
  }

  /// A linter with a real tree (eslint 6.4.0, 69 packages): a config file, rules that fire, Node's
  /// exit code. The expected text is node 20's on the same installed tree, byte for byte.
  @Test func eslintLintsAProjectAsUnderNode() throws {
    let w = try World()
    let install = try w.fe("blobs", "install", "npm:eslint@^6")
    #expect(install.exited(0) && install.out.hasPrefix("installed eslint@6.4.0 from eslint@6.4.0 (69 packages, "), "\(install)")
    try w.dir.write(
      "project/.eslintrc.json",
      #"{ "root": true, "env": { "node": true, "es6": true }, "parserOptions": { "ecmaVersion": 2018 }, "extends": "eslint:recommended", "rules": { "eqeqeq": "error", "semi": ["error", "always"], "no-var": "warn" } }"#
    )
    try w.dir.write(
      "project/src/main.js",
      "const fs = require(\"fs\");\nvar unused = 1;\nfunction check(a) {\n  if (a == null) return \"none\"\n  return fs.existsSync(a) ? \"file\" : \"missing\";\n}\nconsole.log(check(process.argv[2]));\n"
    )
    try w.dir.write("project/src/ok.js", "\"use strict\";\nmodule.exports = function add(a, b) {\n  return a + b;\n};\n")
    let r = try w.fe("blobs", "exec", "eslint", "--", "src")
    let expected =
      "\n\(w.project)/src/main.js\n  2:1   warning  Unexpected var, use let or const instead     no-var\n  2:5   error    'unused' is assigned a value but never used  no-unused-vars\n  4:9   error    Expected '===' and instead saw '=='          eqeqeq\n  4:31  error    Missing semicolon                            semi\n\n\u{2716} 4 problems (3 errors, 1 warning)\n  1 error and 1 warning potentially fixable with the `--fix` option.\n\n"
    #expect(r.exited(1) && r.out == expected && r.err.isEmpty, "\(r)")
    let clean = try w.fe("blobs", "exec", "eslint", "--", "src/ok.js")
    #expect(clean.exited(0) && clean.out.isEmpty && clean.err.isEmpty, "\(clean)")
  }

  /// A test runner with a real tree (mocha 10.1.0, 69 packages): a passing, a failing and a nested
  /// async test. The failure's stack shows only the spec's frame, as under Node: the promise jobs
  /// after an immediate run with no runtime frame below them. The expected text is node 20's.
  @Test func mochaRunsASpecAsUnderNode() throws {
    let w = try World()
    let install = try w.fe("blobs", "install", "npm:mocha@^10", "--bin", "mocha")
    #expect(install.exited(0) && install.out.hasPrefix("installed mocha@10.1.0 from mocha@10.1.0 (69 packages, "), "\(install)")
    try w.dir.write(
      "project/test/math.spec.js",
      """
      const assert = require("assert");
      describe("math", function () {
        it("adds", function () {
          assert.strictEqual(1 + 1, 2);
        });
        it("multiplies", async function () {
          const product = await Promise.resolve(2 * 3);
          assert.strictEqual(product, 7);
        });
        describe("objects", function () {
          it("compares deeply", function () {
            assert.deepStrictEqual({ v: [1, 2] }, { v: [1, 2] });
          });
        });
      });

      """)
    let r = try w.fe("blobs", "exec", "mocha", "--", "--reporter", "tap")
    let expected =
      "ok 1 math adds\nnot ok 2 math multiplies\n  Expected values to be strictly equal:\n  \n  6 !== 7\n  \n  AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n  \n  6 !== 7\n  \n      at Context.<anonymous> (test/math.spec.js:8:12)\nok 3 math objects compares deeply\n# tests 3\n# pass 2\n# fail 1\n1..3\n"
    #expect(r.exited(1) && r.out == expected && r.err.isEmpty, "\(r)")
  }

  @Test func badInputInstallsNothing() throws {
    let w = try World()
    let several = try w.fe("blobs", "install", "npm:typescript@4.8.x")
    #expect(several.exited(64) && several.err.hasPrefix("fe: error: typescript@4.8.4 has several bins: tsc, tsserver\n"), "\(several)")
    // Decided from the packument: the tarball was never fetched.
    #expect(!w.server.accessLog.contains { $0.contains(".tgz") }, "\(w.server.accessLog)")
    let tampered = try w.fe("blobs", "install", "npm:@fe-test/bad-integrity")
    #expect(tampered.exited(65) && tampered.err.contains("does not match its integrity"), "\(tampered)")
    let unsat = try w.fe("blobs", "install", "npm:@fe-test/unsat-top")
    #expect(unsat.exited(66) && unsat.err.contains("wanted by @fe-test/unsat@1.0.0 ← @fe-test/unsat-top@1.0.0"), "\(unsat)")
    let badSpec = try w.fe("blobs", "install", "npm:Not A Name")
    #expect(badSpec.exited(64), "\(badSpec)")
    let list = try w.fe("blobs", "list")
    #expect(!list.out.contains("tsc") && !list.out.contains("@fe-test"), "\(list)")
    // Nothing left in the store's tmp/ either.
    #expect(FileSystem.listDirectory(w.home + "/tmp").isEmpty)
  }

  @Test func pinsInTheConfigInstallLockAndAutoInstall() throws {
    let w = try World()
    try w.dir.write("project/fe.config.js", #"export default { tools: { tsc: "npm:typescript@4.8.x" } };"#)
    try w.dir.write("project/tsconfig.json", #"{ "compilerOptions": { "target": "es2020", "outDir": "out" } }"#)
    try w.dir.write("project/src/a.ts", "export const s = new Set<string>(['x']).size;\n")
    let install = try w.fe("blobs", "install")
    #expect(install.exited(0), "\(install)")
    #expect(install.out.hasPrefix("installed tsc@4.8.4 from npm:\(w.server.url)/"), "\(install)")
    let lock = try FileSystem.readString(w.project + "/fe.lock") ?? ""
    #expect(lock.contains("\"range\": \"npm:typescript@4.8.x\"") && lock.contains("\"registry\": \"npm:\(w.server.url)/\""), "\(lock)")
    let again = try w.fe("blobs", "install")
    #expect(again.out == "tsc@4.8.4 satisfies npm:typescript@4.8.x (locked)\n", "\(again)")
    // Removed from the store: the launch installs the locked version again, then runs it.
    #expect(try w.fe("blobs", "remove", "tsc@4.8.4").exited(0))
    let run = try w.fe("blobs", "exec", "tsc", "--", "-p", ".")
    #expect(
      run.exited(0) && run.err.contains("tsc@4.8.4 is locked in \(w.project)/fe.lock but not installed; installing npm:typescript@4.8.4"),
      "\(run)")
    #expect(FileSystem.isFile(w.project + "/out/src/a.js") || FileSystem.isFile(w.project + "/out/a.js"))
  }

  @Test func whichListsTheInstallScriptsNotRun() throws {
    let w = try World()
    try w.dir.write("project/fe.config.js", #"export default { tools: { "fe-test-app": "npm:@fe-test/app" } };"#)
    let install = try w.fe("blobs", "install")
    #expect(install.exited(0), "\(install)")
    let which = try w.fe("blobs", "which", "fe-test-app")
    #expect(which.exited(0) && which.out.contains("package  @fe-test/app@1.0.0 (9 packages from \(w.server.url)/)\n"), "\(which)")
    #expect(!which.out.contains("scripts"), "\(which)")
    try w.dir.write(
      "project/fe.config.js",
      #"export default { tools: { "fe-test-app": "npm:@fe-test/app", "fe-test-scripts": "npm:@fe-test/scripts" } };"#)
    let second = try w.fe("blobs", "install")
    #expect(second.exited(0) && second.err.contains("install scripts not run (fe never runs them): @fe-test/scripts@1.0.0"), "\(second)")
    let scripts = try w.fe("blobs", "which", "fe-test-scripts")
    #expect(scripts.out.hasSuffix("scripts  not run: @fe-test/scripts@1.0.0\n"), "\(scripts)")
    let json = try w.fe("blobs", "which", "fe-test-scripts", "--json")
    #expect(
      json.out.contains("\"installScripts\":[\"@fe-test/scripts@1.0.0\"]") && json.out.contains("\"package\":\"@fe-test/scripts@1.0.0\""),
      "\(json)")
    // A key that names no bin of the package is a config error listing them.
    try w.dir.write("project/fe.config.js", #"export default { tools: { x: "npm:@fe-test/app" } };"#)
    let noBin = try w.fe("blobs", "install")
    #expect(
      noBin.exited(78)
        && noBin.err.contains("fe.config.js: tools.x = \"npm:@fe-test/app\": @fe-test/app@1.0.0 has no bin named x; its bins: fe-test-app"),
      "\(noBin)")
  }

  /// The main tool may come from npm too: `fe <args>` runs its bin.
  @Test func theMainFeToolFromNpm() throws {
    let w = try World()
    try w.dir.write("project/fe.config.js", #"export default { fe: "npm:@fe-test/fe-cli@^1" };"#)
    let run = try w.fe("hello", "world")
    #expect(run.exited(0) && run.out == "fe-cli hello world\n", "\(run)")
    #expect(run.err.contains("fe is pinned as npm:@fe-test/fe-cli@^1"), "\(run)")
    #expect(try w.fe("again").out == "fe-cli again\n")
    #expect(try w.fe("blobs", "install").exited(0))
    let lock = try FileSystem.readString(w.project + "/fe.lock") ?? ""
    #expect(lock.contains("\"range\": \"npm:@fe-test/fe-cli@^1\""), "\(lock)")
    // The key names the bin; a package with a different, non-only bin is a config error about `fe`.
    try w.dir.write("project/fe.config.js", #"export default { fe: "npm:typescript@4.8.x" };"#)
    let wrong = try w.fe("blobs", "install")
    #expect(wrong.exited(78) && wrong.err.contains("fe.config.js: fe = \"npm:typescript@4.8.x\": typescript@4.8.4 has no bin named fe"), "\(wrong)")
  }

  /// fe's own registry format carries package images: published from npm, installed elsewhere
  /// with no npm registry, checked at each step, and read-only once installed.
  @Test func publishedWithItsPackageImage() throws {
    let w = try World()
    let reg = w.dir.path + "/fe-registry"
    let publish = try w.fe("blobs", "publish", "npm:terser@^5", "--to", reg)
    #expect(publish.exited(0) && publish.out.contains("published terser@5.16.5 to \(reg)/terser"), "\(publish)")
    #expect(FileSystem.isFile(reg + "/terser/5.16.5/image.zst"))
    let refused = try w.fe("blobs", "publish", "npm:terser@^5", "--to", reg, "--with-snapshot")
    #expect(refused.exited(64), "\(refused)")
    let other = w.dir.path + "/other"
    func feOther(_ args: String...) throws -> FeResult {
      try Proc.run(Fe.binary, Array(args), cwd: w.dir.path, env: ["FE_HOME": other, "PATH": w.dir.path + "/empty-path"], timeLimit: 300)
    }
    let install = try feOther("blobs", "install", "terser@5", "--registry", reg)
    #expect(install.exited(0) && install.out.hasPrefix("installed terser@5.16.5"), "\(install)")
    try w.dir.write("in.js", "function add(first, second) { return first + second; }\nconsole.log(add(1, 2));\n")
    let run = try feOther("blobs", "exec", "terser", "--", "in.js", "-c", "-m")
    #expect(run.exited(0) && run.out == "function add(d,n){return d+n}console.log(add(1,2));\n", "\(run)")
    #expect(try feOther("blobs", "verify").exited(0))
    // Installed images are read-only, so a tool cannot change the code it runs from.
    var st = stat()
    let file = other + "/blobs/terser/5.16.5/image/node_modules/terser/package.json"
    #expect(stat(file, &st) == 0 && st.st_mode & 0o222 == 0, "mode \(String(st.st_mode, radix: 8))")
    #expect(stat(other + "/blobs/terser/5.16.5/image/node_modules", &st) == 0 && st.st_mode & 0o222 == 0)
    #expect(try feOther("blobs", "remove", "terser@5.16.5").exited(0))
    #expect(!FileSystem.isDirectory(other + "/blobs/terser/5.16.5"))
    // A damaged image installs nothing.
    var packed = try #require(try FileSystem.read(reg + "/terser/5.16.5/image.zst"))
    packed[packed.count / 2] ^= 0xff
    try FileSystem.writeAtomically(reg + "/terser/5.16.5/image.zst", packed)
    let damaged = try feOther("blobs", "install", "terser@5", "--registry", reg)
    #expect(damaged.exited(65) && !FileSystem.isDirectory(other + "/blobs/terser/5.16.5"), "\(damaged)")
  }

  @Test func anNpmPinWithoutAPackageIsAConfigError() throws {
    let w = try World()
    try w.dir.write("project/fe.config.js", #"export default { tools: { tsc: "npm:" } };"#)
    let r = try w.fe("blobs", "install")
    #expect(r.exited(78) && r.err.contains("tools.tsc = \"npm:\" names no npm package"), "\(r)")
  }

  @Test func eightParallelInstallsOfTheSameTool() throws {
    let w = try World()
    let runs = try (0..<8).map { _ in
      try Proc.start(
        Fe.binary, ["blobs", "install", "npm:terser@^5"], cwd: w.project, env: ["FE_HOME": w.home, "PATH": w.dir.path + "/empty-path"])
    }
    let results = runs.map { $0.wait(timeLimit: 300) }
    for r in results { #expect(r.exited(0) && r.out.hasPrefix("installed terser@5.16.5 from terser@5.16.5"), "\(r)") }
    let verify = try w.fe("blobs", "verify")
    #expect(verify.exited(0) && verify.out.contains("1 blob checked: 1 ok"), "\(verify)")
    #expect(FileSystem.listDirectory(w.home + "/tmp").isEmpty, "\(FileSystem.listDirectory(w.home + "/tmp"))")
    let r = try w.fe("blobs", "exec", "terser", "--", "--version")
    #expect(r.exited(0) && r.out == "terser 5.16.5\n", "\(r)")
  }

  /// kill -9 at several moments of an install: the store never shows a partial blob, and the next
  /// install succeeds and leaves no scratch behind.
  @Test func aKillAtAnyMomentLeavesNothingHalfInstalled() throws {
    let w = try World()
    for delay in [0.05, 0.3, 0.8, 1.5] {
      let run = try Proc.start(
        Fe.binary, ["blobs", "install", "npm:typescript@4.8.x", "--bin", "tsc"], cwd: w.project,
        env: ["FE_HOME": w.home, "PATH": w.dir.path + "/empty-path"])
      usleep(useconds_t(delay * 1_000_000))
      kill(run.pid, SIGKILL)
      _ = run.wait(timeLimit: 60)
      let verify = try w.fe("blobs", "verify")
      #expect(!verify.out.contains("corrupt") || verify.out.contains("0 corrupt"), "after \(delay) s: \(verify)")
    }
    let install = try w.fe("blobs", "install", "npm:typescript@4.8.x", "--bin", "tsc")
    #expect(install.exited(0), "\(install)")
    let verify = try w.fe("blobs", "verify")
    #expect(verify.exited(0) && verify.out.contains("1 blob checked: 1 ok"), "\(verify)")
    #expect(FileSystem.listDirectory(w.home + "/tmp").isEmpty, "\(FileSystem.listDirectory(w.home + "/tmp"))")
    #expect(FileSystem.listDirectory(w.home + "/cache/npm/tarballs/tmp").isEmpty)
  }
}
