// What a tool sees at launch (the real argv, cwd, environment, stdin) and how its end becomes
// fe's exit status.
import Foundation
import Testing

@Suite struct ToolProcessTests {
  /// A sandbox whose store has `tool@1.0.0` built from `source` (with `buildEnv`).
  func sandbox(_ name: String, _ source: String, buildEnv: [String: String] = [:]) throws -> Sandbox {
    let s = try Sandbox(name, store: .sharedCopy)
    try s.write("tool.js", source)
    let b = try s.fe("blobs", "build", "tool.js", "--name", "tool", "--version", "1.0.0", env: buildEnv)
    guard b.exited(0) else {
      s.remove()
      throw FixtureError("building the tool failed: \(b)")
    }
    return s
  }

  func realpath(_ p: String) -> String { URL(fileURLWithPath: p).resolvingSymlinksInPath().path }

  @Test func toolSeesArgvCwdAndLaunchEnvironment() throws {
    let s = try sandbox(
      "tool-process",
      """
      const atBuild = process.env.FOO;
      fe.main(async () => {
        console.log(JSON.stringify({ argv: process.argv, cwd: process.cwd(), env: process.env.FOO, atBuild, execPath: process.execPath }));
        return 0;
      });

      """, buildEnv: ["FOO": "build"])
    defer { s.remove() }
    let sub = s.project + "/sub dir"
    try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: true)
    let r = try s.fe("blobs", "exec", "tool@1.0.0", "--", "one", "two words", "--flag", cwd: sub, env: ["FOO": "run"])
    #expect(r.exited(0), "\(r)")
    let obj = try #require(try parseJSON(r.out) as? [String: Any], "\(r)")
    let argv = try #require(obj["argv"] as? [String], "\(obj)")
    #expect(argv.count == 5, "\(argv)")
    #expect(realpath(argv.first ?? "") == realpath(Fe.binary), "argv[0] is the fe binary: \(argv)")
    #expect(argv.dropFirst().first == "\(s.feHome)/blobs/tool/1.0.0/source.js", "argv[1] is the blob's source: \(argv)")
    #expect(Array(argv.dropFirst(2)) == ["one", "two words", "--flag"], "\(argv)")
    #expect(obj["cwd"] as? String == sub, "cwd: \(obj)")
    #expect(obj["env"] as? String == "run", "env at launch: \(obj)")
    #expect(obj["atBuild"] as? String != "run", "the top level ran at build time, not at launch: \(obj)")
    // execPath is fe as `node` (README, "fe as node"): a link named node to the fe binary.
    let execPath = obj["execPath"] as? String ?? ""
    var link = stat(), binary = stat()
    #expect(execPath.hasSuffix("/node") && stat(execPath, &link) == 0 && stat(Fe.binary, &binary) == 0, "\(obj)")
    #expect(link.st_ino == binary.st_ino && link.st_dev == binary.st_dev, "execPath is a link to fe: \(obj)")
  }

  @Test func pinnedFeToolSeesTheRealProcess() throws {
    let s = try Sandbox("tool-process-fe", store: .sharedCopy)
    defer { s.remove() }
    try s.write(
      "probe.js",
      "fe.main(async (args) => { console.log(JSON.stringify({ argv: process.argv, cwd: process.cwd(), env: process.env.FOO })); return 0 });\n"
    )
    let b = try s.fe("blobs", "build", "probe.js", "--name", "fe", "--version", "9.0.0", env: ["FOO": "build"])
    #expect(b.exited(0), "\(b)")
    try s.config("export default { fe: \"9.0.0\" };\n")
    try FileManager.default.createDirectory(atPath: s.project + "/src", withIntermediateDirectories: true)
    let r = try s.fe("x", "--y", cwd: s.project + "/src", env: ["FOO": "run"])
    #expect(r.exited(0), "\(r)")
    let obj = try #require(try parseJSON(r.out) as? [String: Any], "\(r)")
    let argv = obj["argv"] as? [String] ?? []
    #expect(realpath(argv.first ?? "") == realpath(Fe.binary), "\(argv)")
    #expect(Array(argv.dropFirst()) == ["\(s.feHome)/blobs/fe/9.0.0/source.js", "x", "--y"], "\(argv)")
    #expect(obj["cwd"] as? String == s.project + "/src")
    #expect(obj["env"] as? String == "run")
  }

  @Test func toolReadsStdinAndWritesBothStreams() throws {
    let s = try sandbox(
      "tool-stdio",
      """
      fe.main(async () => {
        const input = require('fs').readFileSync(0, 'utf8');
        process.stdout.write('out:' + input.toUpperCase());
        console.error('err:' + input.length);
        return 0;
      });

      """)
    defer { s.remove() }
    let r = try s.fe("blobs", "exec", "tool@1", stdin: "piped text\n")
    #expect(r.exited(0), "\(r)")
    #expect(r.out == "out:PIPED TEXT\n", "\(r)")
    #expect(r.err == "err:11\n", "\(r)")
  }

  @Test func uncaughtErrorIsExit1WithStack() throws {
    let s = try sandbox("tool-throw", "fe.main(async () => { throw new Error('boom') });\n")
    defer { s.remove() }
    let r = try s.fe("blobs", "exec", "tool@1")
    #expect(r.exited(1), "\(r)")
    #expect(r.err.contains("Error: boom"), "\(r)")
    #expect(r.err.lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("at ") }, "a stack line: \(r)")
  }

  @Test func processExit() throws {
    let s = try sandbox("tool-exit", "fe.main(async () => { console.log('before'); process.exit(7); console.log('after'); });\n")
    defer { s.remove() }
    let r = try s.fe("blobs", "exec", "tool@1")
    #expect(r.exited(7), "\(r)")
    #expect(r.out == "before\n", "\(r)")
  }

  @Test func processExitCode() throws {
    let s = try sandbox("tool-exitcode", "fe.main(async () => { process.exitCode = 4; });\n")
    defer { s.remove() }
    let r = try s.fe("blobs", "exec", "tool@1")
    #expect(r.exited(4), "\(r)")
  }

  @Test func returnUndefinedIsZero() throws {
    let s = try sandbox("tool-undefined", "fe.main(async () => { console.log('ok') });\n")
    defer { s.remove() }
    let r = try s.fe("blobs", "exec", "tool@1")
    #expect(r.exited(0) && r.out == "ok\n", "\(r)")
  }

  @Test func unhandledRejectionInATimer() throws {
    let s = try sandbox(
      "tool-rejection",
      """
      fe.main(async () => {
        setTimeout(() => { Promise.reject(new Error('late rejection')) }, 1);
        return 0;
      });

      """)
    defer { s.remove() }
    let r = try s.fe("blobs", "exec", "tool@1")
    #expect(r.exited(1), "\(r)")
    #expect(r.err.contains("late rejection"), "\(r)")
  }

  @Test func throwInATimer() throws {
    let s = try sandbox(
      "tool-timer-throw",
      """
      fe.main(async () => {
        setTimeout(() => { throw new RangeError('timer threw') }, 1);
      });

      """)
    defer { s.remove() }
    let r = try s.fe("blobs", "exec", "tool@1")
    #expect(r.exited(1), "\(r)")
    #expect(r.err.contains("RangeError: timer threw"), "\(r)")
  }

  @Test func timersRunBeforeExit() throws {
    let s = try sandbox(
      "tool-timers",
      """
      fe.main(async () => {
        setTimeout(() => console.log('timer'), 5);
        await new Promise((r) => setTimeout(r, 1));
        console.log('main');
        return 6;
      });

      """)
    defer { s.remove() }
    let r = try s.fe("blobs", "exec", "tool@1")
    #expect(r.exited(6), "\(r)")
    #expect(r.out == "main\ntimer\n", "pending timers run before exit: \(r)")
  }

  @Test func toolMayWriteFiles() throws {
    let s = try sandbox(
      "tool-writes",
      """
      fe.main(async (args) => {
        require('fs').writeFileSync(args[0], 'written');
        return 0;
      });

      """)
    defer { s.remove() }
    let target = s.project + "/out.txt"
    let r = try s.fe("blobs", "exec", "tool@1", "--", target)
    #expect(r.exited(0), "\(r)")
    #expect((try? String(contentsOfFile: target, encoding: .utf8)) == "written")
  }
}
