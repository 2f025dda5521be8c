// fe.config.js comes with whatever repository was cloned: the sandbox must hold against a
// config written by an attacker. Each attempt below runs `fe --version` in a project whose
// config tries one thing; every one must end in one `fe: error:` naming the config (exit 78)
// within seconds, with nothing written, the tool not run, and the launcher's state untouched.
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct HostileConfigTests {
  struct Attempt: CustomTestStringConvertible, Sendable {
    let name: String
    /// The config's body, run before `export default { fe: '^2' }`. `V` is the victim file's
    /// path, `D` a directory beside it, `F` a FIFO.
    let body: String
    /// What the error must say (besides the config's path).
    let mentions: String
    var testDescription: String { name }
  }

  static let attempts: [Attempt] = [
    // Writes, in every API form.
    .init(name: "writeFileSync", body: "fs.writeFileSync(V, 'pwned');", mentions: "may not write files"),
    .init(name: "appendFileSync", body: "fs.appendFileSync(V, 'pwned');", mentions: "may not write files"),
    .init(name: "openSync w", body: "fs.openSync(V, 'w');", mentions: "may not write files"),
    .init(name: "openSync wx", body: "fs.openSync(D + '/new.txt', 'wx');", mentions: "may not write files"),
    .init(name: "openSync r+", body: "fs.openSync(V, 'r+');", mentions: "may not write files"),
    .init(name: "openSync a", body: "fs.openSync(V, 'a');", mentions: "may not write files"),
    .init(
      name: "openSync numeric flags", body: "fs.openSync(V, fs.constants.O_WRONLY | fs.constants.O_TRUNC);", mentions: "may not write files"
    ),
    .init(name: "openSync /proc/self/fd/1", body: "fs.openSync('/proc/self/fd/1', 'w');", mentions: "may not write files"),
    .init(
      name: "createWriteStream", body: "await new Promise((res, rej) => fs.createWriteStream(V).on('error', rej).on('open', res));",
      mentions: "may not write files"),
    .init(
      name: "createWriteStream unhandled", body: "fs.createWriteStream(V).write('pwned'); await new Promise((r) => setTimeout(r, 200));",
      mentions: "may not write files"),
    .init(name: "promises.writeFile", body: "await fs.promises.writeFile(V, 'pwned');", mentions: "may not write files"),
    .init(name: "promises.open w", body: "await fs.promises.open(V, 'w');", mentions: "may not write files"),
    .init(name: "promises.appendFile", body: "await fs.promises.appendFile(V, 'x');", mentions: "may not write files"),
    .init(
      name: "writeFile callback", body: "await new Promise((res, rej) => fs.writeFile(V, 'pwned', (e) => e ? rej(e) : res()));",
      mentions: "may not write files"),
    .init(
      name: "writeFile callback thrown",
      body: "fs.writeFile(V, 'pwned', (e) => { if (e) throw e; }); await new Promise((r) => setTimeout(r, 200));",
      mentions: "may not write files"),
    .init(name: "truncateSync", body: "fs.truncateSync(V);", mentions: "may not write files"),
    .init(name: "ftruncateSync own fd", body: "fs.ftruncateSync(fs.openSync(V, 'r'));", mentions: "may not write files"),
    .init(name: "renameSync", body: "fs.renameSync(V, V + '.moved');", mentions: "may not write files"),
    .init(name: "unlinkSync", body: "fs.unlinkSync(V);", mentions: "may not write files"),
    .init(name: "rmSync recursive", body: "fs.rmSync(D, { recursive: true, force: true });", mentions: "may not write files"),
    .init(name: "rmdirSync", body: "fs.rmdirSync(D);", mentions: "may not write files"),
    .init(name: "mkdirSync", body: "fs.mkdirSync(D + '/sub');", mentions: "may not write files"),
    .init(name: "chmodSync", body: "fs.chmodSync(V, 0o777);", mentions: "may not write files"),
    .init(name: "utimesSync", body: "fs.utimesSync(V, 1, 1);", mentions: "may not write files"),
    .init(name: "symlinkSync", body: "fs.symlinkSync('/etc/passwd', D + '/link');", mentions: "may not write files"),
    .init(name: "copyFileSync", body: "fs.copyFileSync(V, D + '/copy.txt');", mentions: "may not write files"),
    .init(name: "mkdtempSync", body: "fs.mkdtempSync(D + '/t-');", mentions: "may not write files"),
    .init(name: "promises.rm", body: "await fs.promises.rm(V);", mentions: "may not write files"),
    // The launcher's descriptors.
    .init(name: "writeSync to stdout", body: "fs.writeSync(1, 'pwned');", mentions: "may not write files"),
    .init(name: "ftruncateSync stdout", body: "fs.ftruncateSync(1);", mentions: "may not write files"),
    .init(name: "closeSync stdout", body: "fs.closeSync(1);", mentions: "file descriptor 1"),
    .init(name: "closeSync stderr", body: "fs.closeSync(2);", mentions: "file descriptor 2"),
    .init(name: "readSync stdin", body: "fs.readSync(0, Buffer.alloc(10));", mentions: "file descriptor 0"),
    .init(name: "readFileSync fd 0", body: "fs.readFileSync(0);", mentions: "file descriptor 0"),
    .init(name: "fstatSync fd 3", body: "fs.fstatSync(3);", mentions: "file descriptor 3"),
    .init(
      name: "write stream on fd 3",
      body: "fs.createWriteStream(null, { fd: 3 }).write('junk'); await new Promise((r) => setTimeout(r, 100));",
      mentions: "file descriptor 3"),
    // Process state and processes.
    .init(name: "chdir", body: "process.chdir('/');", mentions: "change the working directory"),
    .init(
      name: "execSync", body: "(await import('child_process')).execSync('touch ' + D + '/pwned');", mentions: "may not start processes"),
    .init(name: "spawn", body: "(await import('child_process')).spawn('touch', [D + '/pwned']);", mentions: "may not start processes"),
    .init(name: "kill parent", body: "process.kill(process.ppid, 'SIGTERM');", mentions: "may not start processes"),
    .init(name: "process.exit", body: "process.exit(0);", mentions: "process.exit()"),
    // Network.
    .init(name: "fetch", body: "await fetch('http://127.0.0.1:8123/');", mentions: "may not use the network"),
    .init(name: "http server", body: "(await import('http')).createServer(() => {}).listen(0);", mentions: "may not use the network"),
    // Time.
    .init(name: "long timer", body: "setTimeout(() => {}, 600000);", mentions: "within 5 s"),
    .init(name: "interval", body: "setInterval(() => {}, 10);", mentions: "within 5 s"),
    .init(name: "busy loop", body: "for (;;) {}", mentions: "within 5 s"),
    .init(name: "awaited long timer", body: "await new Promise((r) => setTimeout(r, 600000));", mentions: "within 5 s"),
    // Reads that would block or never end.
    .init(name: "readFileSync FIFO", body: "fs.readFileSync(F);", mentions: "a FIFO"),
    .init(name: "openSync FIFO", body: "fs.openSync(F, 'r');", mentions: "a FIFO"),
    .init(name: "readFileSync /dev/stdin", body: "fs.readFileSync('/dev/stdin');", mentions: "may not"),
    .init(name: "readFileSync /dev/zero", body: "fs.readFileSync('/dev/zero');", mentions: "a device"),
    .init(
      name: "createReadStream /dev/urandom", body: "for await (const c of fs.createReadStream('/dev/urandom')) {}", mentions: "a device"),
    // Module resolution takes regular files only.
    .init(name: "import /dev/zero", body: "await import('/dev/zero');", mentions: "Cannot find module"),
    .init(name: "import FIFO", body: "await import(F);", mentions: "Cannot find module"),
    .init(
      name: "require /dev/zero", body: "(await import('module')).createRequire(import.meta.url)('/dev/zero');",
      mentions: "/dev/zero"),
    .init(name: "promises.readFile FIFO", body: "await fs.promises.readFile(F);", mentions: "a FIFO"),
    // Memory.
    .init(name: "Buffer.alloc 1 GB", body: "Buffer.alloc(2 ** 30);", mentions: "memory"),
    .init(name: "many Buffers", body: "const keep = []; for (;;) keep.push(Buffer.alloc(32 << 20, 1));", mentions: "memory"),
    .init(name: "typed arrays", body: "const keep = []; for (;;) keep.push(new Float64Array(4 << 20).fill(1));", mentions: "memory"),
    // Large arrays reach the heap limit in a fraction of a second (a heap of small objects takes
    // V8's last-resort collections seconds, which a loaded machine stretches past the time limit).
    .init(name: "JS heap", body: "const keep = []; for (;;) keep.push(new Array(1 << 24).fill(0));", mentions: "JavaScript heap limit"),
    .init(
      name: "string heap", body: "const keep = []; const s = 'y'.repeat(1 << 20); for (;;) keep.push(new Array(1 << 22).fill(s));",
      mentions: "JavaScript heap limit"),
  ]

  @Test(arguments: attempts)
  func attemptFailsCleanly(_ attempt: Attempt) throws {
    let s = try Sandbox("hostile", store: .sharedReadOnly)
    defer { s.remove() }
    let victim = try s.write("victim.txt", "precious\n")
    let dir = s.project + "/dir"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try s.write("dir/keep.txt", "kept\n")
    let fifo = s.project + "/fifo"
    #expect(mkfifo(fifo, 0o600) == 0)
    let config = try s.config(
      """
      import fs from 'fs';
      const V = \(jsString(victim)), D = \(jsString(dir)), F = \(jsString(fifo));
      \(attempt.body)
      export default { fe: '^2' };
      """, name: "fe.config.mjs")
    let before = try snapshot(s.project)
    let started = Date()
    let r = try s.fe("--version", env: ["FE_NO_CONFIG_CACHE": "1"])
    let elapsed = Date().timeIntervalSince(started)
    expectFeError(r, code: 78, mentions: [config, attempt.mentions])
    #expect(elapsed < 8, "took \(elapsed) s: \(r)")
    #expect(!r.out.contains("2.1.0"), "the tool must not run: \(r)")
    #expect(!r.err.contains("    at "), "no stack dump: \(r)")
    #expect(try snapshot(s.project) == before, "nothing written: \(r)")
  }

  /// A config that only changes its own process's state leaves the tool's alone: the env it
  /// sets is its own, and the tool runs with the launcher's stdio.
  @Test func containedChangesDoNotReachTheTool() throws {
    let s = try Sandbox("hostile-contained", store: .sharedReadOnly)
    defer { s.remove() }
    try s.config(
      """
      process.env.FE_HOME = '/nonexistent';
      process.env.PATH = '/nonexistent';
      process.stdout.write('from the config\\n');
      export default { fe: '^2' };
      """, name: "fe.config.mjs")
    let r = try s.fe("--version", env: ["FE_NO_CONFIG_CACHE": "1"])
    #expect(r.exited(0), "\(r)")
    #expect(r.out.contains("from the config") && r.out.contains("2.1.0"), "\(r)")
  }

  /// The sandbox process holds none of the launcher's descriptors: stdin is /dev/null, stdout
  /// and stderr are pipes to the launcher, fd 3 the result pipe.
  @Test func sandboxHoldsNoLauncherDescriptor() throws {
    let s = try Sandbox("hostile-fds", store: .sharedReadOnly)
    defer { s.remove() }
    try s.config(
      """
      import fs from 'fs';
      const fds = fs.readdirSync('/proc/self/fd').map(Number).filter((fd) => fd <= 3);
      const kinds = fds.map((fd) => { try { return fd + ':' + fs.readlinkSync('/proc/self/fd/' + fd).split(':')[0]; } catch { return fd + ':?'; } });
      console.log(kinds.join(' '));
      export default { fe: '^2' };
      """, name: "fe.config.mjs")
    let r = try s.fe("--version", env: ["FE_NO_CONFIG_CACHE": "1"])
    #expect(r.exited(0), "\(r)")
    #expect(r.out.contains("0:/dev/null 1:pipe 2:pipe 3:pipe"), "\(r)")
  }

  /// The sandbox's own entry point, typed by hand (no result pipe on fd 3), is one usage error.
  @Test func theSandboxEntryPointIsNotForUsers() throws {
    let s = try Sandbox("hostile-entry", store: .sharedReadOnly)
    defer { s.remove() }
    let r = try s.fe("__fe-config-sandbox", s.project + "/fe.config.js", s.project, "0")
    expectFeError(r, code: 64, mentions: ["not run by hand"])
  }

  /// The only state a config evaluation leaves is the launcher's own cache.
  private func snapshot(_ dir: String) throws -> [String: String] {
    var out: [String: String] = [:]
    let e = FileManager.default.enumerator(atPath: dir)
    while let name = e?.nextObject() as? String {
      let path = dir + "/" + name
      var st = stat()
      lstat(path, &st)
      let data =
        st.st_mode & S_IFMT == S_IFREG ? (try? String(contentsOfFile: path, encoding: .utf8)) ?? "?" : "type \(st.st_mode & S_IFMT)"
      out[name] = "\(st.st_mode) \(data)"
    }
    return out
  }

  private func jsString(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "\\'") + "'" }
}
