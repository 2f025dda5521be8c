// "cjs" blobs: an unmodified CommonJS program (one that never calls fe.main) is compiled when its
// blob is built, never run then, and runs at launch as Node's main module with the launching
// process's argv, env and cwd. Package directories with a "bin" are bundled by esbuild first.
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct NodeCLIBlobTests {
  /// A CLI whose top level records what it sees; at build time it would leave `ran-at-build`.
  static let probe = """
    #!/usr/bin/env node
    'use strict';
    const fs = require('fs');
    const path = require('path');
    fs.writeFileSync('ran-here', 'yes');
    process.on('exit', (code) => console.log('exit handler', code));
    console.log(JSON.stringify({
      argv: process.argv, main: require.main === module, filename: __filename, dirname: __dirname,
      cwd: process.cwd(), value: process.env.FE_PROBE_VALUE, at: [1, 2, 3].at(-1), hasOwn: Object.hasOwn({ a: 1 }, 'a'),
      cached: Object.keys(require.cache).includes(__filename), base: path.basename(__filename),
      heap: process.memoryUsage().heapUsed > 1e6 && process.memoryUsage().rss > 1e6,
    }));
    process.exitCode = Number(process.argv[2] || 0);

    """

  @Test func plainCommonJSRunsAtLaunchNotAtBuild() throws {
    let s = try Sandbox("cjs-probe", store: .empty)
    defer { s.remove() }
    let entry = try s.write("probe.js", Self.probe)
    let b = try s.fe("blobs", "build", "probe.js", "--name", "probe", "--version", "1.0.0")
    #expect(b.exited(0), "\(b)")
    #expect(!FileManager.default.fileExists(atPath: s.project + "/ran-here"), "the top level must not run at build time")
    let manifest = try String(contentsOfFile: s.feHome + "/blobs/probe/1.0.0/manifest.json", encoding: .utf8)
    #expect(manifest.contains("\"kind\" : \"cjs\""), "\(manifest)")

    let elsewhere = s.root.path + "/elsewhere"
    try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
    let r = try s.fe("blobs", "exec", "probe@1", "--", "7", "--flag", cwd: elsewhere, env: ["FE_PROBE_VALUE": "from-launch"])
    #expect(r.exited(7), "\(r)")
    let lines = r.out.lines
    #expect(lines.last == "exit handler 7", "\(r)")
    let seen = try #require(try parseJSON(lines.first ?? "") as? [String: Any], "\(r)")
    let argv = seen["argv"] as? [String] ?? []
    #expect(argv.count == 4 && argv.dropFirst(2) == ["7", "--flag"], "\(argv)")
    #expect(
      argv.first.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
        == URL(fileURLWithPath: Fe.binary).resolvingSymlinksInPath().path, "argv[0] is fe: \(argv)")
    #expect(argv.count > 1 && argv[1] == entry, "argv[1] is the entry: \(argv)")
    #expect(seen["filename"] as? String == entry && seen["dirname"] as? String == s.project, "\(seen)")
    #expect(seen["main"] as? Bool == true && seen["cached"] as? Bool == true, "\(seen)")
    #expect(seen["cwd"] as? String == elsewhere && seen["value"] as? String == "from-launch", "\(seen)")
    #expect(seen["at"] as? Int == 3 && seen["hasOwn"] as? Bool == true, "V8's staged builtins exist at launch: \(seen)")
    #expect(seen["heap"] as? Bool == true, "process.memoryUsage() reports V8's heap (tsc --diagnostics): \(seen)")
    #expect(FileManager.default.fileExists(atPath: elsewhere + "/ran-here"))

    // Once the file it was built from is gone, the tool runs as the blob's stored source.
    try FileManager.default.removeItem(atPath: entry)
    let moved = try s.fe("blobs", "exec", "probe@1", cwd: elsewhere)
    #expect(moved.exited(0), "\(moved)")
    let again = try #require(try parseJSON(moved.out.lines.first ?? "") as? [String: Any], "\(moved)")
    #expect(again["filename"] as? String == s.feHome + "/blobs/probe/1.0.0/source.js", "\(again)")
  }

  @Test func topLevelErrorPrintsStackAndExitsOne() throws {
    let s = try Sandbox("cjs-throw", store: .empty)
    defer { s.remove() }
    try s.write(
      "boom.js",
      """
      process.on('exit', (code) => console.log('exit', code));
      console.log('before');
      function fail() { throw new Error('boom at launch'); }
      fail();

      """)
    let b = try s.fe("blobs", "build", "boom.js", "--name", "boom", "--version", "1.0.0")
    #expect(b.exited(0), "the top level does not run at build time: \(b)")
    let r = try s.fe("blobs", "exec", "boom")
    #expect(r.exited(1), "\(r)")
    #expect(r.out == "before\nexit 1\n", "\(r)")
    #expect(r.err.contains("Error: boom at launch") && r.err.contains("boom.js:3"), "\(r)")
  }

  @Test func asyncWorkStdinAndProcessExit() throws {
    let s = try Sandbox("cjs-async", store: .empty)
    defer { s.remove() }
    try s.write(
      "upper.js",
      """
      let input = '';
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (d) => { input += d; });
      process.stdin.on('end', async () => {
        await new Promise((r) => setTimeout(r, 10));
        process.stdout.write(input.toUpperCase());
        console.error('done');
        process.exit(input.length);
      });

      """)
    let b = try s.fe("blobs", "build", "upper.js", "--name", "upper", "--version", "1.0.0")
    #expect(b.exited(0), "\(b)")
    let r = try Fe.run(["blobs", "exec", "upper"], cwd: s.project, env: s.env, stdin: "hello\nworld\n")
    #expect(r.exited(12) && r.out == "HELLO\nWORLD\n" && r.err == "done\n", "\(r)")
  }

  @Test func sigintEndsTheToolLikeNode() throws {
    let s = try Sandbox("cjs-sigint", store: .empty)
    defer { s.remove() }
    try s.write("wait.js", "console.log('ready'); setTimeout(() => console.log('too late'), 30000);\n")
    let b = try s.fe("blobs", "build", "wait.js", "--name", "waiter", "--version", "1.0.0")
    #expect(b.exited(0), "\(b)")
    // Also when the parent ignores SIGINT, as a shell does for background jobs (Node resets it).
    for ignoring in [false, true] {
      let script = (ignoring ? "trap '' INT; " : "") + "exec \"$0\" blobs exec waiter"
      let (status, out) = try runUntilReadyThenSignal(["/bin/sh", "-c", script, Fe.binary], env: s.env, signal: SIGINT)
      #expect(status.signaled && status.code == SIGINT, "ignoring=\(ignoring): \(status) \(out)")
      #expect(out == "ready\n", "ignoring=\(ignoring): \(out)")
      if let node = NodeTools.node {
        let script = (ignoring ? "trap '' INT; " : "") + "exec \"$0\" wait.js"
        let (nodeStatus, nodeOut) = try runUntilReadyThenSignal(["/bin/sh", "-c", script, node], env: [:], signal: SIGINT, cwd: s.project)
        #expect(nodeStatus == status && nodeOut == out, "node: \(nodeStatus) \(nodeOut)")
      }
    }
  }

  @Test func sigintListenerRunsInsteadOfDying() throws {
    let s = try Sandbox("cjs-sigint-listener", store: .empty)
    defer { s.remove() }
    try s.write(
      "graceful.js",
      """
      const keepAlive = setInterval(() => {}, 1000);
      process.on('exit', (code) => console.log('exit', code));
      process.on('SIGINT', (name) => {
        console.log('caught', name);
        clearInterval(keepAlive);
        process.exitCode = 3;
      });
      console.log('ready');

      """)
    let b = try s.fe("blobs", "build", "graceful.js", "--name", "graceful", "--version", "1.0.0")
    #expect(b.exited(0), "\(b)")
    let (status, out) = try runUntilReadyThenSignal([Fe.binary, "blobs", "exec", "graceful"], env: s.env, signal: SIGINT)
    #expect(status == ExitStatus(signaled: false, code: 3), "\(status) \(out)")
    #expect(out == "ready\ncaught SIGINT\nexit 3\n", "\(out)")
    if let node = NodeTools.node {
      let (nodeStatus, nodeOut) = try runUntilReadyThenSignal([node, "graceful.js"], env: [:], signal: SIGINT, cwd: s.project)
      #expect(nodeStatus == status && nodeOut == out, "node: \(nodeStatus) \(nodeOut)")
    }
  }

  /// Starts `argv`, waits for its first line on stdout, sends `signal`, and waits for it to end.
  /// Built by the harness's `Fe.process` (its exact environment) but started here: the signal must
  /// follow the first line while the program runs, so stdout is a pipe, not the harness's file.
  func runUntilReadyThenSignal(
    _ argv: [String], env: [String: String], signal sig: Int32, cwd: String? = nil
  ) throws -> (status: ExitStatus, out: String) {
    let p = Fe.process(argv[0], Array(argv.dropFirst()), cwd: cwd ?? "/", env: env)
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardInput = FileHandle.nullDevice
    try p.run()
    var out = Data()
    while !out.contains(UInt8(ascii: "\n")) {
      let chunk = pipe.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      out.append(chunk)
    }
    kill(p.processIdentifier, sig)
    out.append(pipe.fileHandleForReading.readDataToEndOfFile())
    p.waitUntilExit()
    return (ExitStatus(signaled: p.terminationReason == .uncaughtSignal, code: p.terminationStatus), String(decoding: out, as: UTF8.self))
  }

  struct ExitStatus: Equatable {
    var signaled: Bool
    var code: Int32
  }

  // Package directories: the bin is bundled with its dependencies by esbuild.
  func writePackage(_ s: Sandbox, bins: String = "{ \"greet\": \"bin/cli.js\" }") throws -> String {
    let dir = s.root.path + "/greet-pkg"
    try s.write("package.json", "{ \"name\": \"greet\", \"version\": \"1.2.3\", \"bin\": \(bins) }\n", in: dir)
    try s.write(
      "bin/cli.js",
      """
      #!/usr/bin/env node
      const shout = require('shout');
      const { greeting } = require('../lib/data.json');
      console.log(shout(`${greeting}, ${process.argv[2] || 'world'}`), require.main === module);

      """, in: dir)
    try s.write("bin/other.js", "console.log('other bin');\n", in: dir)
    try s.write("lib/data.json", "{ \"greeting\": \"hello\" }\n", in: dir)
    try s.write(
      "node_modules/shout/package.json",
      "{ \"name\": \"shout\", \"exports\": { \"require\": \"./shout.cjs\", \"import\": \"./nope.mjs\" } }\n", in: dir)
    try s.write("node_modules/shout/shout.cjs", "module.exports = (s) => s.toUpperCase() + '!';\n", in: dir)
    return dir
  }

  @Test func packageBinIsBundledWithItsDependencies() throws {
    let s = try Sandbox("pkg-bin", store: .empty)
    defer { s.remove() }
    let dir = try writePackage(s)
    let i = try s.fe("blobs", "install", dir)
    #expect(i.exited(0) && i.out.contains("greet@1.2.3"), "\(i)")
    // The package can go: the blob holds the bundle.
    try FileManager.default.removeItem(atPath: dir)
    let r = try s.fe("blobs", "exec", "greet", "--", "fe")
    #expect(r.exited(0) && r.out == "HELLO, FE! true\n", "\(r)")
  }

  @Test func packageWithSeveralBins() throws {
    let s = try Sandbox("pkg-bins", store: .empty)
    defer { s.remove() }
    let dir = try writePackage(s, bins: "{ \"hello\": \"bin/cli.js\", \"other\": \"bin/other.js\" }")
    let r = try s.fe("blobs", "build", dir)
    expectFeError(r, code: 64, mentions: ["--bin", "hello, other"])
    let b = try s.fe("blobs", "build", dir, "--bin", "other")
    #expect(b.exited(0), "\(b)")
    let run = try s.fe("blobs", "exec", "other@1.2.3")
    #expect(run.exited(0) && run.out == "other bin\n", "\(run)")
    let missing = try s.fe("blobs", "install", dir, "--bin", "nope")
    expectFeError(missing, code: 64, mentions: ["nope"])
  }

  @Test func packageWithoutEsbuild() throws {
    let s = try Sandbox("pkg-no-esbuild", store: .empty)
    defer { s.remove() }
    let dir = try writePackage(s)
    let r = try s.fe("blobs", "install", dir, env: ["PATH": "/nonexistent", "FE_ESBUILD": ""])
    expectFeError(r, code: 64, mentions: ["esbuild", "apt-get install esbuild"])
    #expect(!FileManager.default.fileExists(atPath: s.feHome + "/blobs/greet"), "nothing installed")
  }

  @Test func unresolvableDependencyStaysARequire() throws {
    let s = try Sandbox("pkg-missing-dep", store: .empty)
    defer { s.remove() }
    let dir = try writePackage(s)
    // As in Node, a module that cannot be found fails only where it is required, at run time:
    // bins often guard optional or other-platform modules.
    try s.write(
      "bin/optional.js",
      """
      let extra = 'none';
      if (process.argv[2] === 'load') extra = require('not-installed-anywhere');
      try { require('./also-missing'); } catch (e) { console.log(e.code); }
      console.log('ok', extra);

      """, in: dir)
    try s.write("package.json", "{ \"name\": \"optional\", \"version\": \"1.0.0\", \"bin\": \"bin/optional.js\" }\n", in: dir)
    let r = try s.fe("blobs", "install", dir)
    #expect(r.exited(0), "\(r)")
    #expect(r.err.contains("fe: warning: optional:") && r.err.contains("not-installed-anywhere"), "\(r)")
    let run = try s.fe("blobs", "exec", "optional")
    #expect(run.exited(0) && run.out == "MODULE_NOT_FOUND\nok none\n", "\(run)")
    let load = try s.fe("blobs", "exec", "optional", "--", "load")
    #expect(load.exited(1) && load.err.contains("Cannot find module 'not-installed-anywhere'"), "\(load)")
    // A bin that is not JavaScript esbuild can read still fails the install, with its reason.
    try s.write("bin/optional.js", "this is not javascript (\n", in: dir)
    let bad = try s.fe("blobs", "install", dir)
    expectFeError(bad, code: 64, mentions: ["esbuild could not bundle", "optional.js"])
  }

  @Test func topLevelAwaitMakesAModule() throws {
    let s = try Sandbox("cjs-tla", store: .empty)
    defer { s.remove() }
    try s.write("tla.js", "await new Promise((r) => setTimeout(r, 1));\nconsole.log('after await', typeof require);\n")
    let b = try s.fe("blobs", "build", "tla.js", "--name", "tla", "--version", "1.0.0")
    #expect(b.exited(0), "\(b)")
    let manifest = try String(contentsOfFile: s.feHome + "/blobs/tla/1.0.0/manifest.json", encoding: .utf8)
    #expect(manifest.contains("\"kind\" : \"esm\""), "\(manifest)")
    let r = try s.fe("blobs", "exec", "tla")
    #expect(r.exited(0) && r.out == "after await undefined\n", "\(r)")
  }

  @Test func bundleMentioningFeMainStaysFeNative() throws {
    let s = try Sandbox("cjs-fe-main", store: .empty)
    defer { s.remove() }
    try s.write("forgot.js", "globalThis.ready = true;\nif (false) fe.main(async () => 0);\n")
    let r = try s.fe("blobs", "build", "forgot.js", "--name", "forgot", "--version", "1.0.0")
    expectFeError(r, code: 64, mentions: ["fe.main"])
    // `safe.main` is not `fe.main`: a plain CommonJS program.
    try s.write("safe.js", "const safe = { main: 1 };\nconsole.log(safe.main);\n")
    let b = try s.fe("blobs", "build", "safe.js", "--name", "safe", "--version", "1.0.0")
    #expect(b.exited(0), "\(b)")
    let run = try s.fe("blobs", "exec", "safe")
    #expect(run.exited(0) && run.out == "1\n", "\(run)")
  }
}
