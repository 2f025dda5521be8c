import FeBasics
import FeEngine
import FeLaunch
import FeRuntime
import FeStore

#if canImport(Glibc)
  import Glibc
#endif

/// fe as Node's CLI: `node [options] [script.js | -e code | -p code | -] [arguments]`.
///
/// This is what a tool gets when it runs `process.execPath` (a `node` link to fe, see
/// NodeExecPath in FeRuntime/Core/NodeCLI.swift): fe started under the name `node` (its exec
/// name or argv[0]), and `fe blobs run [options] file` (the same, with a script required).
/// The script runs in a runtime booted from the base snapshot, as `fe blobs run` always did.
/// Node's options are NodeOptions (the command line, then NODE_OPTIONS); a bad one is Node's
/// `node: bad option: --x`, exit 9. `--version` prints the Node version fe's runtime reports.
enum NodeMode {
  /// The Node release whose V8 (and tests) fe follows: Debian's libnode.
  static let nodeVersion = "v18.20.4"

  /// Whether fe was started as `node`: argv[0]'s name, or the path it was executed by
  /// (AT_EXECFN, which stays the link's path when a parent passes another argv[0]).
  static func isNode(argv0: String?) -> Bool {
    if let argv0, ["node", "nodejs"].contains(Path.basename(argv0)) { return true }
    guard let getauxval, let execfn = UnsafePointer<CChar>(bitPattern: getauxval(atExecfn)) else { return false }
    let path = String(cString: execfn)
    if ["node", "nodejs"].contains(Path.basename(path)) { return true }
    // A symlink (of any name) to a node: one readlink, nothing for a regular file.
    var target = [CChar](repeating: 0, count: 4096)
    let n = readlink(path, &target, target.count - 1)
    return n > 0 && ["node", "nodejs"].contains(Path.basename(String(cString: target)))
  }

  /// glibc's getauxval (sys/auxv.h is not in Swift's Glibc module) and AT_EXECFN.
  private typealias GetAuxval = @convention(c) (UInt) -> UInt
  private static let getauxval: GetAuxval? = dlsym(nil, "getauxval").map { unsafeBitCast($0, to: GetAuxval.self) }
  private static let atExecfn: UInt = 31

  /// How fe was asked: as `node`, or as `fe blobs run` (which needs a script and reports in fe's words).
  enum Caller {
    case node(argv0: String)
    case blobsRun
  }

  static func run(_ args: [String], caller: Caller, context: FeContext) -> Int32 {
    // Node prefixes its own errors with argv[0] as it was started.
    let name: String
    switch caller {
    case .node(let argv0): name = argv0.isEmpty ? "node" : argv0
    case .blobsRun: name = "fe blobs run"
    }
    var options: NodeOptions
    do {
      options = try NodeOptions.parse(args, environment: context.env["NODE_OPTIONS"])
    } catch let bad as NodeOptions.BadOption {
      context.err("\(name): \(bad.message)")
      return bad.code
    } catch {
      return FeMain.report(error, context: context)
    }
    switch options.action {
    case .version:
      context.out(nodeVersion)
      return 0
    case .help:
      context.out(help)
      return 0
    case .completionBash:
      context.out(NodeOptions.bashCompletion)
      return 0
    case .v8Options:
      context.err("\(name): --v8-options: fe does not list V8's options; see `node --v8-options` of Node \(nodeVersion)")
      return NodeOptions.BadOption.exitCode
    default:
      break
    }
    if startsRepl(options), options.inputType != nil {
      context.err("Cannot specify --input-type for REPL")
      return 1
    }
    // Node's ERR_EVAL_ESM_CANNOT_PRINT: -p prints a script's completion value, which a module has not.
    if options.inputType == "module", case .eval(_, print: true) = options.action {
      context.err("Error [ERR_EVAL_ESM_CANNOT_PRINT]: --print cannot be used with ESM input")
      return 1
    }
    if case .node(let argv0) = caller { options.argv0 = argv0 }
    if case .blobsRun = caller {
      switch options.action {
      case .script, .eval, .check, .stdin: break
      default:
        return FeMain.report(
          FeError(.usage, "fe blobs run needs a script file", hint: "fe blobs run [node options] <file.js> [args…]"), context: context)
      }
    }
    Engine.extraFlags = options.v8Flags
    if let threads = options.v8PoolSize { Engine.workerThreads = threads }
    NodeOptions.current = options
    do {
      return try boot(options, context: context)
    } catch {
      return FeMain.report(error, context: context)
    }
  }

  /// A tool launch (`fe <args>`, a shim, `fe blobs exec`): the options NODE_OPTIONS sets, as
  /// Node applies them to every process. One Node refuses (or fe does not provide) is reported
  /// and NODE_OPTIONS left out, rather than failing a tool that ran before fe read it.
  static func prepareLaunch(_ context: FeContext) {
    var options = NodeOptions()
    if let env = context.env["NODE_OPTIONS"], !env.isEmpty {
      do {
        try options.applyEnvironment(env)
      } catch let bad as NodeOptions.BadOption {
        context.err("fe: warning: NODE_OPTIONS: \(bad.message); the tool runs without NODE_OPTIONS")
        options = NodeOptions()
      } catch {
        options = NodeOptions()
      }
    }
    Engine.extraFlags = options.v8Flags
    if let threads = options.v8PoolSize { Engine.workerThreads = threads }
    NodeOptions.current = options
  }

  /// The last runtime, kept alive until the process exits (as Boot keeps a tool's).
  nonisolated(unsafe) static var finished: Runtime?

  /// How an exception that escapes the main program is printed.
  static func reportUncaught(_ options: NodeOptions, _ context: FeContext) -> (JSError) -> Void {
    return {
      context.err(Uncaught.describe($0))
      // The main program's own throw; later ones go through the runtime's JS (03-loop.js fatal).
      if options.abortOnUncaughtException { NodeAbort.now() }
    }
  }

  static func boot(_ options: NodeOptions, context: FeContext) throws -> Int32 {
    _ = try context.layout.checkVersion()
    let execPath = NodeExecPath.resolve(env: context.env, executable: context.executable)
    // `fe blobs run`: programs spawn process.argv0 to start node again, so it is the node.
    var options = options
    if options.argv0 == nil {
      options.argv0 = execPath
      NodeOptions.current = options
    }
    if options.buildSnapshot, case .script(let file) = options.action {
      // Node's own startup code as the entry: fe has no Node snapshot to rebuild
      // (process.config.variables.node_use_node_snapshot is false).
      if file == "node:embedded_snapshot_main" {
        context.err("Node.js was built without embedded snapshot")
        return 1
      }
      guard let entry = mainFile(Path.absolute(file, from: context.cwd)) else {
        context.err("Error: Cannot find module '\(Path.absolute(file, from: context.cwd))'\n  code: 'MODULE_NOT_FOUND'")
        return 1
      }
      return try NodeSnapshot.build(entry: entry, options: options, execPath: execPath, context: context)
    }
    // Booted from a user snapshot that set a main function, that runs instead of what the
    // command line names (Node's StartExecution).
    let runtime: Runtime
    if let blob = options.snapshotBlob {
      guard let snapshot = NodeSnapshot.open(Path.absolute(blob, from: context.cwd), context: context) else { return 1 }
      runtime = Runtime(snapshot: snapshot.payload, owner: snapshot)
      if runtime.snapshotHasMain {
        defer { finished = runtime }
        return try NodeSnapshot.runMain(runtime, options: options, execPath: execPath, context: context)
      }
    } else {
      let base = try BaseSnapshot.open(context.layout)
      runtime = Runtime(snapshot: base.payload, owner: base.owner)
    }
    var script: String? = nil
    var stdinSource: String? = nil
    let repl = startsRepl(options)
    switch options.action {
    case .script(let file):
      script = Path.absolute(file, from: context.cwd)
    case .check(let file?):
      script = Path.absolute(file, from: context.cwd)
    case .stdin, .check(nil):
      stdinSource = readStandardInput()
    case .repl where !repl:
      stdinSource = readStandardInput()
    default:
      break
    }
    if options.action == .script("inspect") {
      script = nil
    } else if let path = script, let found = mainFile(path) {
      script = found
    } else if let path = script {
      context.err("Error: Cannot find module '\(path)'\n  code: 'MODULE_NOT_FOUND'")
      return 1
    }
    defer { finished = runtime }
    runtime.onUncaught = reportUncaught(options, context)
    var argv = [execPath]
    // `node inspect …` is Node's debugger client, whatever files exist (node.cc checks first).
    let debuggerClient = options.action == .script("inspect")
    if debuggerClient {
      argv.append("inspect")
    } else if case .test(let files) = options.action {
      argv += files
    } else if let script {
      argv.append(script)
    } else if stdinSource != nil, case .stdin = options.action {
      argv.append("-")
    }
    do {
      try runtime.setup(argv: argv + options.args, env: context.env, execPath: execPath)
      if options.snapshotBlob != nil { try runtime.restoreUserSnapshot() }
      try runtime.startInspectorAtLaunch()
      switch options.action {
      case _ where debuggerClient:
        return try runtime.runNodeEval("", name: "[eval]", mode: .inspect)
      case .test:
        return try runtime.runNodeEval("", name: "[eval]", mode: .test)
      case _ where repl:
        if case .eval(let code, let print) = options.action {
          return try runtime.runNodeEval(code, name: "[eval]", mode: print ? .printThenRepl : .evalThenRepl)
        }
        return try runtime.runNodeEval("", name: "[eval]", mode: .repl)
      case .script(_):
        return try runtime.runMainModule(path: script ?? "", args: options.args, asNode: true)
      case .check(_):
        let source = try stdinSource ?? FileSystem.readString(script ?? "") ?? ""
        return try runtime.runNodeEval(source, name: script ?? "[stdin]", mode: .check)
      case .eval(let code, _) where options.inputType == "module":
        return try runtime.runMainModule(path: evalModulePath, args: options.args, moduleSource: code, asNode: true)
      case .eval(let code, let print):
        return try runtime.runNodeEval(code, name: "[eval]", mode: print ? .print : .eval)
      case _ where options.inputType == "module":
        return try runtime.runMainModule(
          path: evalModulePath, args: options.args, moduleSource: stdinSource ?? "", asNode: true)
      default:
        return try runtime.runNodeEval(stdinSource ?? "", name: "[stdin]", mode: .eval)
      }
    } catch let e as JSError {
      context.err(Uncaught.describe(e))
      return 1
    }
  }

  /// The name Node gives `--input-type=module` code from -e or stdin: its import.meta.url, the
  /// base its relative imports resolve against.
  static var evalModulePath: String { Path.join(FileSystem.currentDirectory(), "[eval1]") }

  /// Node's REPL: no script, and -i or a terminal on stdin (-e code runs first).
  static func startsRepl(_ options: NodeOptions) -> Bool {
    switch options.action {
    case .repl: return options.interactive || isatty(0) == 1
    case .eval: return options.interactive
    default: return false
    }
  }

  /// Node's main-module lookup for a path: the file, else with `.js`, `.json`, `.mjs`, `.cjs`,
  /// else a directory's `index.js`.
  static func mainFile(_ path: String) -> String? {
    if FileSystem.isFile(path) { return path }
    for ext in [".js", ".json", ".mjs", ".cjs"] where FileSystem.isFile(path + ext) { return path + ext }
    let index = Path.join(path, "index.js")
    return FileSystem.isFile(index) ? index : nil
  }

  static func readStandardInput() -> String {
    var bytes: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = buf.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      bytes += buf[0..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static let help = """
    Usage: node [options] [ script.js ] [arguments]
           node [options]              (the REPL)

    This is fe running as Node \(nodeVersion) (the Node whose V8 fe embeds).

    Options:
      -                            script read from stdin
      --                           indicate the end of node options
      --abort-on-uncaught-exception
                                   abort (SIGABRT) on an uncaught exception
      -c, --check                  syntax check script without executing
      -e, --eval script            evaluate script
      --expose-gc                  expose gc() (a V8 option)
      -h, --help                   print node command line options
      -i, --interactive            always enter the REPL even if stdin does not appear to be a terminal
      --input-type=commonjs        how -e and stdin input is read
      --max-old-space-size=MB      V8's old-generation heap limit
      --no-deprecation             silence deprecation warnings
      --no-warnings                silence all process warnings
      --pending-deprecation        emit pending deprecation warnings
      -p, --print [...]            evaluate script and print result
      -r, --require module         module to preload
      --stack-size=KB              V8's stack size
      --snapshot-blob file         the startup snapshot to boot from (or, with
                                   --build-snapshot, to write)
      --build-snapshot             run the entry script, then write a startup snapshot
                                   of its heap (v8.startupSnapshot)
      --stack-trace-limit=n        frames in a stack trace
      --throw-deprecation          throw an exception on deprecations
      --title title                the process title
      --trace-deprecation          show stack traces on deprecations
      --trace-warnings             show stack traces on process warnings
      --unhandled-rejections=mode  strict, throw, warn, none or warn-with-error-code
      -v, --version                print Node.js version
      --zero-fill-buffers          Buffer.allocUnsafe() returns zero-filled memory
      --harmony-*                  V8's staged features

    Environment variables:
      NODE_OPTIONS                 set CLI options (those Node allows there)
    """
}
