import CXXHash
import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Unmodified Node CLIs ("cjs" blobs): the tool's CommonJS wrapper is compiled when its blob is
/// built and kept, uninvoked, in the snapshot; its top level runs at every launch with the real
/// argv, env and cwd, so nothing of the build machine's state reaches the tool.
extension Runtime {
  /// Build time: compiles `source` as Node's module wrapper and keeps the function on the core
  /// object (`core.toolWrapper`), where the snapshot finds it. Nothing of the tool runs.
  /// `eager` compiles every inner function now, so their bytecode is in the snapshot too.
  public func compileTool(_ source: String, path: String, eager: Bool) throws {
    try isolate.scope { s in
      let fn = try s.compileFunction(source, name: path, params: ModuleLoader.wrapperParams, eager: eager)
      _ = s.set(s.core, "toolWrapper", fn)
    }
  }

  /// Launch: runs the compiled wrapper as the main module `filename` (require.main === module,
  /// __filename, relative requires), then the event loop to the end. Returns the exit code after
  /// 'exit' handlers: process.exitCode, or 1 when the top level threw (printed as Node does).
  public func runCompiledTool(filename: String) throws -> Int32 {
    try runToExit { s in
      guard let fn = s.get(s.core, "toolWrapper"), s.type(fn) == .function else {
        throw JSError(message: "this blob holds no compiled tool; rebuild it with `fe blobs build`")
      }
      try s.callCore(.commonjs, [fn, s.string(filename)])
    }
  }

  /// Runs `start` as the first macrotask, then the event loop to the end, and returns the exit
  /// code after 'exit' handlers: process.exitCode, or 1 when `start` threw (printed as Node does).
  func runToExit(_ start: (Scope) throws -> Void) throws -> Int32 {
    do {
      try isolate.scope { s in
        try start(s)
        try s.callCore(.afterMacrotask)
      }
    } catch let e as JSError {
      onUncaught(e)
      return try isolate.scope { s in
        Int32(truncatingIfNeeded: Int(s.number(try s.callCore(.emitExit, [s.number(1)]))))
      }
    }
    try runLoop()
    // The code when the loop ran out (a signal listener or a late callback may have set it).
    let exitCode = try isolate.scope { s in
      let code = try s.callCore(.exitCode)
      return Int32(truncatingIfNeeded: Int(s.number(try s.callCore(.emitExit, [code]))))
    }
    Addons.teardown(isolate)  // as Node's environment teardown after 'exit'
    return exitCode
  }
}

/// fe "as node" (the design; the CLI side is FeCLI's NodeMode.swift).
///
/// Node's tests, and tools such as test runners, start more Node processes with
/// `spawn(process.execPath, [...node options, script, ...args])`. fe's own CLI is not node's
/// (`fe <args>` runs the pinned tool), so process.execPath is a `node` link to the fe binary,
/// and fe started through it (its exec name or argv[0] is `node`) behaves as Node's CLI. A
/// hard link where the filesystem allows it, so that process.execPath is a real path as Node's
/// is (`fs.realpathSync(process.execPath) === process.execPath`); else a symlink. An fe
/// binary replaced in place (an upgrade) gets a new link: the link is checked to be the same
/// file as the running binary. The link lives in a directory fe owns, one per fe binary:
/// `$FE_HOME/cache/node/<hash of the binary's path>/node`; when FE_HOME cannot be written, a
/// private directory under $TMPDIR (mode 0700, owned by this user); when neither works, the fe
/// binary itself. It is never put on PATH: `fe blobs shim node` does that, when a user asks.
/// process.execPath is made on first read (60-globals.js), so a launch that never reads it
/// costs nothing.
public enum NodeExecPath {
  /// The path of the `node` link for this fe binary, made (atomically) if missing.
  public static func resolve(env: [String: String] = Environment.current(), executable: String = current()) -> String {
    // Started through the link already (a hard link is its own path in /proc/self/exe).
    if ["node", "nodejs"].contains(Path.basename(executable)) { return executable }
    let digest = Array(executable.utf8).withUnsafeBytes { fe_xxh3_64($0.baseAddress, $0.count) }
    let hex = String(digest, radix: 16)
    let home = Path.join(Environment.feHome(env), "cache", "node", hex)
    if let link = makeLink(in: home, to: executable, private: false) { return link }
    let tmp = env["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    if let link = makeLink(in: Path.join(tmp, "fe-node-\(getuid())", hex), to: executable, private: true) { return link }
    return executable
  }

  /// This process's binary (symlinks resolved).
  public static func current() -> String {
    var buf = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buf, buf.count - 1)
    return n > 0 ? String(cString: buf) : CommandLine.arguments.first ?? "fe"
  }

  /// `dir/node` → `target`: kept when it is the same file already, else replaced by a rename
  /// (so a concurrent reader sees the old link or the new one, never none).
  static func makeLink(in dir: String, to target: String, private isPrivate: Bool) -> String? {
    let link = Path.join(dir, "node")
    var have = stat()
    var want = stat()
    if stat(link, &have) == 0, stat(target, &want) == 0, have.st_ino == want.st_ino, have.st_dev == want.st_dev {
      return link
    }
    if isPrivate {
      // A directory in a shared /tmp must be ours and not a link someone planted.
      for d in [Path.dirname(dir), dir] {
        if mkdir(d, 0o700) != 0 && errno != EEXIST { return nil }
        var st = stat()
        guard lstat(d, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR, st.st_uid == getuid() else { return nil }
      }
    } else {
      do { try FileSystem.createDirectory(dir) } catch { return nil }
    }
    let staged = Path.join(dir, ".node-\(getpid())")
    unlink(staged)
    guard Glibc.link(target, staged) == 0 || symlink(target, staged) == 0 else { return nil }
    guard rename(staged, link) == 0 else {
      unlink(staged)
      return nil
    }
    return link
  }
}

/// What `runNodeEval` does with its code: run it, run it and print its value (`-p`), or only
/// check its syntax (`-c`).
public enum NodeEvalMode: String, Sendable {
  case eval, print, check
  /// Node's REPL on stdin/stdout, after `-e`/`-p` code when there is some.
  case repl, evalThenRepl = "eval+repl", printThenRepl = "print+repl"
  /// `node inspect …`: Node's debugger client (lib/internal/debugger), with process.argv as Node's.
  case inspect
  /// `node --test [files…]`: Node's test runner (lib/internal/main/test_runner.js), the files in
  /// process.argv.
  case test
}

extension Runtime {
  /// `node -e code` / `node -p code` / a script read from stdin: `code` runs as Node runs it
  /// (a classic script in the global scope, with `require`, `module`, `exports`, `__filename`
  /// = `name` as globals; `-p` prints the value), then the event loop. Returns the exit code
  /// after 'exit' handlers.
  public func runNodeEval(_ code: String, name: String, mode: NodeEvalMode) throws -> Int32 {
    try runToExit { s in
      try s.callCore(.nodeEval, [s.string(code), s.string(name), s.string(mode.rawValue)])
    }
  }
}
