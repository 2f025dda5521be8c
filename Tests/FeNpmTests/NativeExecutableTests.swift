import FeBasics
import FeTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// npm tools whose bin is, or runs, a native executable (issue 15, part 7): esbuild from the
/// test registry (Debian's esbuild and @esbuild/linux-x64, the ELF packed in its tarball), and
/// @fe-test/native-bin, whose bin is an ELF file itself. The built fe, an empty FE_HOME, no node
/// on PATH.
@Suite(.serialized) struct NativeExecutableTests {
  struct World {
    let server: NpmServer
    let dir = TempDir("npm-native")
    var home: String { dir.path + "/home" }
    var project: String { dir.path + "/project" }
    /// Debian's own esbuild, from the same unpacked .deb the registry packed.
    static let debianEsbuild = Fe.repo + "/.deps/node-tools/root/usr/bin/esbuild"

    init() throws {
      server = try NpmServer()
      try dir.write("project/.npmrc", "registry=\(server.url)/\n")
      try dir.mkdir("empty-path")
    }

    func fe(_ args: [String], env: [String: String] = [:]) throws -> FeResult {
      try Proc.run(
        Fe.binary, args, cwd: project, env: ["FE_HOME": home, "PATH": dir.path + "/empty-path"].merging(env) { _, n in n },
        timeLimit: 300)
    }

    func esbuild(_ args: [String]) throws -> FeResult {
      try Proc.run(Self.debianEsbuild, args, cwd: project, env: ["PATH": dir.path + "/empty-path"], timeLimit: 120)
    }

    /// The installed executable in the image, found where the tree put it.
    var platformExecutable: String {
      home + "/blobs/esbuild/0.17.0/image/node_modules/esbuild/node_modules/@esbuild/linux-x64/bin/esbuild"
    }

    /// A small project of several modules, CommonJS and ESM, and a JSON file.
    func writeProject() throws {
      try dir.write("project/fe.config.js", #"export default { tools: { esbuild: "npm:esbuild@0.17.x" } };"#)
      try dir.write("project/src/main.js", "import { greet } from './greet.js';\nimport data from './data.json';\nconsole.log(greet(data.name));\n")
      try dir.write(
        "project/src/greet.js", "const { shout } = require('./util.cjs');\nexport function greet(name) {\n  return shout(`hello ${name}`);\n}\n")
      try dir.write("project/src/util.cjs", "exports.shout = (s) => s.toUpperCase() + '!';\n")
      try dir.write("project/src/data.json", #"{ "name": "native" }"#)
    }
  }

  @Test func esbuildBundlesAsDebiansEsbuildDoes() throws {
    let w = try World()
    try w.writeProject()
    let install = try w.fe(["blobs", "install"])
    #expect(install.exited(0) && install.out.hasPrefix("installed esbuild@0.17.0 from npm:\(w.server.url)/"), "\(install)")
    // The platform package only: the other 21 are not on this registry, and are skipped as npm does.
    #expect(install.err.contains("fe: note: 21 optional dependencies left out"), "\(install)")
    let record = try FileSystem.readString(w.home + "/blobs/esbuild/0.17.0/image/install.json") ?? ""
    #expect(record.contains("\"@esbuild/linux-x64\"") && !record.contains("linux-arm64"), "\(record)")
    #expect(try FileSystem.readString(w.home + "/blobs/esbuild/0.17.0/manifest.json")?.contains("\"launcherEnv\" : [\n      \"ESBUILD_BINARY_PATH\"") == true)

    let which = try w.fe(["blobs", "which", "esbuild"])
    #expect(which.out.contains("native   \(w.platformExecutable) (from @esbuild/linux-x64@0.17.0; exec'd directly)\n"), "\(which)")
    let whichJSON = try w.fe(["blobs", "which", "esbuild", "--json"])
    #expect(whichJSON.out.contains("\"native\":{\"path\":\"\(w.platformExecutable)\",\"package\":\"@esbuild/linux-x64@0.17.0\""), "\(whichJSON)")

    for args in [
      ["--version"], ["src/main.js", "--bundle"], ["src/main.js", "--bundle", "--format=esm", "--minify"],
      ["src/main.js", "--bundle", "--sourcemap", "--outfile=dist/out.js", "--platform=node", "--log-level=warning"],
    ] {
      let fe = try w.fe(["blobs", "exec", "esbuild", "--"] + args)
      var outputs: [String?] = []
      if args.contains("--outfile=dist/out.js") {
        outputs = [try FileSystem.readString(w.project + "/dist/out.js"), try FileSystem.readString(w.project + "/dist/out.js.map")]
        try FileSystem.removeTree(w.project + "/dist")
      }
      let debian = try w.esbuild(args)
      #expect(fe.exited(0) && fe.code == debian.code && fe.out == debian.out && fe.err == debian.err, "\(args): fe \(fe)\ndebian \(debian)")
      if !outputs.isEmpty {
        let js = try FileSystem.readString(w.project + "/dist/out.js")
        let map = try FileSystem.readString(w.project + "/dist/out.js.map")
        #expect(outputs[0] != nil && outputs[0] == js)
        #expect(outputs[1] != nil && outputs[1] == map)
      }
    }
    // An error: esbuild's own message and exit code, unchanged.
    try w.dir.write("project/src/bad.js", "import { nope } from './missing.js';\nexport const x = nope +;\n")
    let bad = try w.fe(["blobs", "exec", "esbuild", "--", "src/bad.js", "--bundle"])
    let debianBad = try w.esbuild(["src/bad.js", "--bundle"])
    #expect(bad.exited(1) && bad.out.isEmpty && bad.err == debianBad.err && bad.err.contains("[ERROR]"), "\(bad)\n\(debianBad)")
  }

  /// The JS launcher still works under fe's runtime (FE_NO_NATIVE_EXEC=1, or a variable it reads
  /// set), and so does esbuild's JS API, which spawns the same executable.
  @Test func theJSLauncherAndTheJSAPIRunUnderFe() throws {
    let w = try World()
    try w.writeProject()
    #expect(try w.fe(["blobs", "install"]).exited(0))
    let direct = try w.fe(["blobs", "exec", "esbuild", "--", "src/main.js", "--bundle"])
    let launcher = try w.fe(["blobs", "exec", "esbuild", "--", "src/main.js", "--bundle"], env: ["FE_NO_NATIVE_EXEC": "1"])
    #expect(direct.exited(0) && launcher.exited(0) && launcher.out == direct.out, "\(direct)\n\(launcher)")
    let which = try w.fe(["blobs", "which", "esbuild"], env: ["ESBUILD_BINARY_PATH": w.platformExecutable])
    #expect(which.out.contains("the JS launcher runs instead: ESBUILD_BINARY_PATH is set"), "\(which)")
    // ESBUILD_BINARY_PATH is the launcher's: with it set, the launcher runs and honours it.
    let overridden = try w.fe(["blobs", "exec", "esbuild", "--", "--version"], env: ["ESBUILD_BINARY_PATH": "/nonexistent/esbuild"])
    #expect(
      overridden.exited(0) && overridden.out == "0.17.0\n"
        && overridden.err.contains("[esbuild] Ignoring bad configuration: ESBUILD_BINARY_PATH=/nonexistent/esbuild"), "\(overridden)")

    // The JS API from the image's lib/main.js: transformSync and buildSync (through a worker
    // thread, then without one) and the async service, each spawning @esbuild/linux-x64's binary.
    // (The script exits explicitly: fe's child stdout pipes cannot be unref'd yet, so the
    // service child esbuild leaves running would keep the program alive.)
    let main = w.home + "/blobs/esbuild/0.17.0/image/node_modules/esbuild/lib/main.js"
    try w.dir.write(
      "project/api.js",
      """
      const esbuild = require(\(String(reflecting: main)));
      const t = esbuild.transformSync('let x: number = 1 + 2;', { loader: 'ts' });
      console.log(JSON.stringify(t.code));
      const b = esbuild.buildSync({ entryPoints: ['src/main.js'], bundle: true, write: false, format: 'esm' });
      console.log(b.outputFiles.length, b.outputFiles[0].text.split('\\n').length, b.outputFiles[0].text.includes('toUpperCase'));
      esbuild.transform('export const f = a => a * 2', { minify: true }).then((r) => {
        console.log(JSON.stringify(r.code));
        return esbuild.build({ entryPoints: ['src/nope.js'], logLevel: 'silent' });
      }).catch((e) => console.log(e.errors.length, e.errors[0].text)).then(() => process.exit(0));

      """)
    // What node 20 prints for the same script and files.
    let expected = "\"let x = 1 + 2;\\n\"\n1 24 true\n\"export const f=o=>o*2;\\n\"\n1 Could not resolve \"src/nope.js\"\n"
    for env in [[:], ["ESBUILD_WORKER_THREADS": "0"]] {
      let api = try w.fe(["blobs", "run", "api.js"], env: env)
      #expect(api.exited(0) && api.out == expected, "\(env): \(api)")
    }
  }

  @Test func aMissingOrNonExecutableNativeExecutableIsOneClearError() throws {
    let w = try World()
    try w.writeProject()
    #expect(try w.fe(["blobs", "install"]).exited(0))
    let reinstall = "run `fe blobs remove esbuild@0.17.0 && fe blobs install npm:esbuild@0.17.0` to install it again"
    #expect(chmod(w.platformExecutable, 0o644) == 0)
    let notExecutable = try w.fe(["blobs", "exec", "esbuild", "--", "--version"])
    #expect(
      notExecutable.exited(65) && notExecutable.out.isEmpty
        && notExecutable.err
          == "fe: error: esbuild@0.17.0 runs the native executable of @esbuild/linux-x64@0.17.0, but \(w.platformExecutable) is not executable (mode 644)\n  hint: the blob's package image is damaged: \(reinstall)\n",
      "\(notExecutable)")
    #expect(unlink(w.platformExecutable) == 0)
    let missing = try w.fe(["blobs", "exec", "esbuild", "--", "--version"])
    #expect(missing.exited(65) && missing.err.contains("but \(w.platformExecutable) is missing\n  hint: the blob's package image is damaged: \(reinstall)"), "\(missing)")
    #expect(try w.fe(["blobs", "verify"]).exited(65))
    // The command it names repairs it.
    #expect(try w.fe(["blobs", "remove", "esbuild@0.17.0"]).exited(0))
    #expect(try w.fe(["blobs", "install", "npm:esbuild@0.17.0"]).exited(0))
    let repaired = try w.fe(["blobs", "exec", "esbuild", "--", "--version"])
    #expect(repaired.exited(0) && repaired.out == "0.17.0\n", "\(repaired)")
  }

  /// A bin that is an ELF file itself (/usr/bin/env, as @fe-test/native-bin packs it): exec'd in
  /// place of fe with the same arguments, environment (in order), descriptors, exit code and signals.
  @Test func aBinThatIsAnExecutableReplacesFe() throws {
    let w = try World()
    try w.dir.write("project/fe.config.js", #"export default { tools: { "fe-test-env": "npm:@fe-test/native-bin" } };"#)
    let install = try w.fe(["blobs", "install"])
    #expect(install.exited(0), "\(install)")
    let which = try w.fe(["blobs", "which", "fe-test-env"])
    #expect(which.out.contains("/image/node_modules/@fe-test/native-bin/bin/fe-test-env (from @fe-test/native-bin@1.0.0; exec'd directly)"), "\(which)")
    let env = ["FE_TEST_A": "1", "FE_TEST_B": "two words"]
    let printed = try w.fe(["blobs", "exec", "fe-test-env"], env: env)
    func direct(_ args: [String]) throws -> FeResult {
      try Proc.run("/usr/bin/env", args, cwd: w.project, env: ["FE_HOME": w.home, "PATH": w.dir.path + "/empty-path"].merging(env) { _, n in n })
    }
    let printedDirectly = try direct([])
    // The same variables (their order is the harness's, which builds each environment from a dictionary).
    func lines(_ r: FeResult) -> [Substring] { r.out.split(separator: "\n").sorted() }
    #expect(
      printed.exited(0) && lines(printed) == lines(printedDirectly) && printed.out.contains("FE_TEST_B=two words\n"),
      "\(printed)\n\(printedDirectly)")
    let argv = try w.fe(["blobs", "exec", "fe-test-env", "--", "/bin/sh", "-c", #"printf '%s|' "$0" "$@""#, "zero", "a b", "", "-c"])
    #expect(argv.exited(0) && argv.out == "zero|a b||-c|", "\(argv)")
    // No descriptor of fe's own is left open for it. (A descriptor another test's spawn opens
    // at that moment can reach either child through the harness: a mismatch is tried again.)
    var fds = try w.fe(["blobs", "exec", "fe-test-env", "--", "/bin/ls", "/proc/self/fd"], env: env)
    var fdsDirectly = try direct(["/bin/ls", "/proc/self/fd"])
    for _ in 0..<3 where fds.out != fdsDirectly.out {
      fds = try w.fe(["blobs", "exec", "fe-test-env", "--", "/bin/ls", "/proc/self/fd"], env: env)
      fdsDirectly = try direct(["/bin/ls", "/proc/self/fd"])
    }
    #expect(fds.exited(0) && fds.out == fdsDirectly.out, "\(fds)\n\(fdsDirectly)")
    let code = try w.fe(["blobs", "exec", "fe-test-env", "--", "/bin/sh", "-c", "echo out; echo err >&2; exit 7"])
    #expect(code.exited(7) && code.out == "out\n" && code.err == "err\n", "\(code)")
    // fe is gone: the signal that ends the program ends the process fe started as.
    let signaled = try w.fe(["blobs", "exec", "fe-test-env", "--", "/bin/sh", "-c", "kill -TERM $$"])
    #expect(signaled.signaled && signaled.code == SIGTERM, "\(signaled)")
    // fe ignores SIGPIPE for itself; the program gets the default back, as Node's children do.
    // (An ignored SIGPIPE would make `yes` report "Broken pipe" instead of ending quietly.)
    let pipe = try w.fe(["blobs", "exec", "fe-test-env", "--", "/bin/sh", "-c", "/usr/bin/yes | /usr/bin/head -1"])
    #expect(pipe.exited(0) && pipe.out == "y\n" && pipe.err.isEmpty, "\(pipe)")
    // Under the runtime (FE_NO_NATIVE_EXEC=1) the blob's stub runs it as a child: same result.
    let stub = try w.fe(["blobs", "exec", "fe-test-env", "--", "/bin/sh", "-c", "echo $0 $1; exit 3", "x", "y"], env: ["FE_NO_NATIVE_EXEC": "1"])
    #expect(stub.exited(3) && stub.out == "x y\n", "\(stub)")
    // A pack carries the record; installed from it elsewhere, the executable is exec'd there too.
    #expect(try w.fe(["blobs", "pack", "fe-test-env", "-o", w.dir.path + "/native.fepack"]).exited(0))
    let other = w.dir.path + "/other-home"
    let fromPack = try Proc.run(
      Fe.binary, ["blobs", "install", "--from", w.dir.path + "/native.fepack"], cwd: w.dir.path, env: ["FE_HOME": other], timeLimit: 300)
    #expect(fromPack.exited(0) && fromPack.err.isEmpty, "\(fromPack)")
    #expect(try FileSystem.readString(other + "/blobs/fe-test-env/1.0.0/manifest.json")?.contains("\"native\" : {") == true)
    let packed = try Proc.run(
      Fe.binary, ["blobs", "exec", "fe-test-env", "--", "/bin/sh", "-c", "exit 5"], cwd: w.dir.path, env: ["FE_HOME": other], timeLimit: 60)
    #expect(packed.exited(5), "\(packed)")
  }
}
