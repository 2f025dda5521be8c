import CXXHash
import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// fe's JavaScript runtime: an isolate with the runtime's JS installed, its ops, its event loop
/// and its module loader. Tools and configs both run in one of these.
public final class Runtime {
  public let isolate: Isolate
  let loop = EventLoop()
  /// The host resources its JavaScript holds by id (digests, children, watchers, zlib streams),
  /// closed with the runtime.
  let resources = ResourceTable()
  /// HTTP servers (made with the first one).
  lazy var http = HTTPHub(loop: loop, resources: resources)
  let modules = ModuleLoader()
  let vmModules = VmModuleRegistry()
  /// Garbage collections JS asked to hear about (V8Ops): nil until it first asks, then the
  /// records its loop took and JS has not.
  var gcTracking: Bool? = nil
  var gcRecords: [GCRecord] = []
  public let permissions: Permissions
  /// When set, every path and volatile value the JavaScript observes is recorded here (config caching).
  public var readLog: ReadLog? {
    didSet {
      modules.readLog = readLog
      observations = readLog == nil ? [] : Runtime.ops.map { ReadLog.observations[$0.name] }
    }
  }
  /// `ReadLog.observations` by op index, while a read log is set.
  private var observations: [ReadLog.Observation?] = []
  /// For a runtime without `.write`: the argument checks its ops get, and each op's rule by index.
  private let sandbox: Sandbox?
  private let sandboxRules: [Sandbox.Rule?]
  /// Who is sandboxed, for messages: "fe.config.js may not write files".
  public var sandboxName = "this program" {
    didSet { modules.sandboxName = sandboxName }
  }
  /// How `process.exit(code)` ends things. Tools exit the process; tests may capture it.
  public var onExit: (Int32) -> Void = { code in
    fflush(stdout)
    fflush(stderr)
    Glibc.exit(code)
  }

  /// The op table. Its order is part of the engine id: snapshots refer to ops by index.
  static let ops: [Op] =
    CoreOps.all + FsOps.all + OsOps.all + ModuleOps.all + EncodingOps.all + ChildProcessOps.all + CryptoOps.all + StdioOps.all
    + WatchOps.all + FetchOps.all + ZlibOps.all + VmOps.all + VmModuleOps.all + TtyOps.all + SignalOps.all + HTTPServerOps.all + SerializerOps.all + WorkerOps.all + V8Ops.all + NetOps.all + DnsOps.all + DgramOps.all + DnsResolver.all
    + ProcessInfoOps.all + URLOps.all + TLSOps.all + HTTPSOps.all + NodeLibSource.all + HTTP2Ops.all + InspectorOps.all + AddonOps.all
  public static let opNames = ops.map(\.name)

  /// The runtime's JavaScript, compiled into fe.
  public static let source = RuntimeSource.text
  static let sourceName = "fe:runtime.js"

  /// What a snapshot is valid for: V8's version and build, the runtime's JS, the op table and
  /// the V8 flags. A snapshot with another engine id is never given to V8. Computed at every
  /// launch, so hashed with XXH3 (a change detector, not a security check: ~50 µs where sha256
  /// of the same 550 KB took ~2 ms).
  public static let engineID: String = {
    var bytes: [UInt8] = []
    for part in [Engine.version, Engine.buildID, Engine.flags, Engine.snapshotLayout, opNames.joined(separator: ",")] {
      bytes += part.utf8
      bytes.append(0)
    }
    // Each JS file hashed where it lies, in order: no 550 KB copy at every launch.
    for file in RuntimeSource.files {
      let digest = file.bytes.withUnsafeBytes { fe_xxh3_64($0.baseAddress, $0.count) }
      for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: digest >> (8 * UInt64(i)))) }
    }
    let digest = bytes.withUnsafeBytes { fe_xxh3_64($0.baseAddress, $0.count) }
    let hex = String(digest, radix: 16)
    let v8 = Engine.version.split(separator: "-").first.map(String.init) ?? Engine.version
    return "v8-\(v8)-\(String(repeating: "0", count: 16 - hex.count))\(hex)"
  }()

  /// A runtime freshly bootstrapped from source, whose heap can become a snapshot.
  public static func makeSnapshotBuilder() throws -> Runtime {
    let rt = Runtime(isolate: Isolate(forSnapshot: true), permissions: .all)
    try rt.bootstrap(codeCache: launchCodeCache)
    return rt
  }

  /// A runtime booted from a snapshot made by `snapshot()`; `owner` keeps its memory mapped.
  /// `limits` caps its memory (a config sandbox); reads are capped at the ArrayBuffer limit too.
  public convenience init(
    snapshot: UnsafeRawBufferPointer, owner: AnyObject, permissions: Permissions = .all, limits: Isolate.Limits? = nil
  ) {
    self.init(isolate: Isolate(snapshot: snapshot, owner: owner, limits: limits), permissions: permissions, limits: limits)
    bootSnapshot = (snapshot, owner)
  }

  /// The snapshot this runtime booted from: its workers boot from it too (Workers/).
  var bootSnapshot: (payload: UnsafeRawBufferPointer, owner: AnyObject)?
  /// Ports, workers and the messages between them (Workers/).
  lazy var messaging = Messaging(loop: loop)
  /// The inspector's WebSocket server, while one listens, and the port the next one takes (Inspector/).
  var inspectorServer: InspectorServer?
  lazy var inspectorPort = NodeOptions.current?.inspectPort ?? 9229

  init(isolate: Isolate, permissions: Permissions, limits: Isolate.Limits? = nil) {
    self.isolate = isolate
    self.permissions = permissions
    if permissions.contains(.write) {
      sandbox = nil
      sandboxRules = []
    } else {
      sandbox = Sandbox(maxReadBytes: limits?.externalBytes ?? 256 << 20)
      sandboxRules = Runtime.ops.map { Sandbox.rules[$0.name] }
    }
    modules.sandbox = sandbox
    isolate.delegate = self
    // Booted from a snapshot, the core object is there already (in an empty isolate, not yet).
    if !isolate.isSnapshotBuilder { installHooks() }
  }

  /// Runs the runtime's JS in a fresh isolate (one not booted from a snapshot).
  func bootstrap(codeCache: [UInt8]? = nil) throws {
    try isolate.bootstrap(source: Runtime.source, name: Runtime.sourceName, ops: Runtime.opNames, codeCache: codeCache)
    installHooks()
  }

  /// Hands the shim the runtime's JS functions it calls by itself (no JS names in the shim).
  private func installHooks() {
    try? isolate.scope { s in
      let handler = s.type(s.core) == .object ? s.get(s.core, CoreEntry.promiseRejectHandler.rawValue) : nil
      s.setPromiseRejectHandler(handler.flatMap { s.type($0) == .function ? $0 : nil })
    }
  }

  /// Serialises the heap (with a tool loaded, if one was run). The runtime is spent after.
  public func snapshot() throws -> [UInt8] {
    modules.removeAll()
    return try isolate.createSnapshot()
  }

  /// Installs what must come from the launching process, never from the build machine (for a
  /// worker's runtime, `isWorker`).
  public func setup(argv: [String], env: [String: String], execPath: String, isWorker: Bool = false) throws {
    try isolate.scope { s in
      let tty = { (fd: Int32) in JSValue.bool(isatty(fd) == 1) }
      var ws = winsize()
      let columns = ioctl(1, UInt(TIOCGWINSZ), &ws) == 0 && ws.ws_col > 0 ? Double(ws.ws_col) : 0
      let info: JSValue = .object([
        ("argv", .array(argv.map(JSValue.string))),
        ("env", .object(env.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
        ("execPath", .string(execPath)),
        ("pid", .number(Double(getpid()))),
        ("ppid", .number(Double(getppid()))),
        ("stdinTTY", tty(0)), ("stdoutTTY", tty(1)), ("stderrTTY", tty(2)),
        ("columns", columns > 0 ? .number(columns) : .undefined),
        // A user snapshot's build (UserSnapshot.swift): V8 installs no extension (gc()) there.
        ("snapshotBuilder", .bool(isolate.isSnapshotBuilder)),
        ("isWorker", .bool(isWorker)),
      ])
      try s.callCore(.setup, [s.make(info)])
    }
  }

  /// Runs a classic script (a tool bundle at blob build time, or code in tests).
  @discardableResult
  public func runScript(_ source: String, name: String) throws -> JSValue {
    try isolate.scope { s in
      let v = try s.run(source, name: name)
      try s.callCore(.afterMacrotask)
      return s.toSwift(v)
    }
  }

  /// Runs a file's source as a CommonJS module (a tool bundle at blob build time): `require`
  /// gives the builtins, `__filename` is `path`.
  public func runCommonJS(_ source: String, path: String) throws {
    try isolate.scope { s in
      let fn = try s.compileFunction(source, name: path, params: ["exports", "require", "module", "__filename", "__dirname"])
      try s.callCore(.commonjs, [fn, s.string(path), s.string(Path.dirname(path))])
      try s.callCore(.afterMacrotask)
    }
  }

  /// Whether the loaded tool registered `fe.main`.
  public var hasMain: Bool {
    (try? isolate.scope { s in s.get(s.core, "main").map { s.type($0) == .function } ?? false }) ?? false
  }

  /// Calls the fe-native tool's `main(args, ctx)`, runs the loop to the end and returns the
  /// process's exit code (after 'exit' handlers).
  public func runMain(args: [String], context: JSValue) throws -> Int32 {
    let promise = try isolate.scope { s in
      Persistent(try s.callCore(.runMain, [s.make(.array(args.map(JSValue.string))), s.make(context)]), in: s)
    }
    return try finish(promise)
  }

  /// How an exception that escapes the main program is printed (the CLI sets Node's layout).
  public var onUncaught: (JSError) -> Void = { e in
    var text = e.description + "\n"
    text.withUTF8 { CoreOps.writeAll(2, UnsafeRawBufferPointer($0)) }
  }

  /// Runs an ES module or CommonJS file as the main program (a tool's: its `main(args)` export,
  /// if any; `asNode`: as `node file` runs it, whatever it exports); given `moduleSource`, that
  /// text as an ES module named `path` (`--input-type=module`).
  public func runMainModule(path: String, args: [String], moduleSource: String? = nil, asNode: Bool = false) throws -> Int32 {
    let exports: Persistent
    do {
      exports = try modules.evaluateEntry(path, moduleSource: moduleSource, runtime: self, asMain: true)
    } catch let e as JSError {
      // What the runtime's JS did not take (a SyntaxError of the entry, a runtime that may not
      // exit): printed here, then the 'exit' handlers run, then exit code 1.
      onUncaught(e)
      let code = try isolate.scope { s in
        Int32(truncatingIfNeeded: Int(s.number(try s.callCore(.emitExit, [s.number(1)]))))
      }
      inspectorAtExit()
      return code
    }
    let promise = try isolate.scope { s -> Persistent in
      let ns = exports.get(s)
      if !asNode, let main = s.get(ns, "main"), s.type(main) == .function {
        return Persistent(try s.callCore(.runExportedMain, [main, s.make(.array(args.map(JSValue.string)))]), in: s)
      }
      return Persistent(try s.callCore(.exitCodePromise), in: s)
    }
    return try finish(promise)
  }

  /// The main module threw `thrown`: Node's uncaught-exception path (core.mainThrew), given
  /// where it was thrown when V8 still knows. The exports to go on with when a listener took
  /// it; nil when it is the host's to report (a runtime that may not exit). Otherwise the
  /// runtime's JS printed it and ended the process (JSTerminated).
  func mainThrew(_ s: Scope, _ thrown: Local, arrow: String?) throws -> Local? {
    let exports = try s.callCore(.mainThrew, [thrown, arrow.map { s.string($0) } ?? s.undefined])
    return s.type(exports) == .undefined ? nil : exports
  }

  // Internal, not private: a worker's `eval` program ends the same way (Workers/).
  func finish(_ promise: Persistent) throws -> Int32 {
    try isolate.scope { s in
      s.markHandled(promise.get(s))
      try s.callCore(.afterMacrotask)
    }
    try runLoop()
    let code: Int32 = try isolate.scope { s in
      let p = promise.get(s)
      switch s.promiseState(p) {
      case .fulfilled: return Int32(truncatingIfNeeded: Int(s.number(s.promiseResult(p))))
      case .rejected:
        try s.callCore(.fatal, [s.promiseResult(p)])
        return 1
      case .pending:
        var warning = "Warning: Detected unsettled top-level await or a main() that never finished\n"
        warning.withUTF8 { CoreOps.writeAll(2, UnsafeRawBufferPointer($0)) }
        return 13
      }
    }
    let exitCode = try isolate.scope { s in
      Int32(truncatingIfNeeded: Int(s.number(try s.callCore(.emitExit, [s.number(Double(code))]))))
    }
    // As Node's environment teardown after 'exit': addons' cleanup hooks and finalizers.
    Addons.teardown(isolate)
    return exitCode
  }

  /// Runs the event loop until nothing is left to do.
  public func runLoop() throws {
    try loop.run(isolate)
    inspectorAtExit()
  }

  /// Evaluates a file as an ES module or CommonJS (detected like Node 22: `.mjs`/`.cjs`, a
  /// package.json "type", else CommonJS unless the source needs module syntax) and returns its
  /// namespace or `module.exports`.
  public func evaluateFile(_ path: String) throws -> Persistent {
    try modules.evaluateEntry(path, runtime: self)
  }

  /// Stops JavaScript from any thread (time limits), and an event loop waiting for a timer or
  /// an I/O completion with it.
  public func terminate() {
    isolate.terminate()
    loop.interrupt()
  }
}

extension Runtime: IsolateDelegate {
  public func isolate(_ isolate: Isolate, op index: Int, call: OpCall) {
    let op = Runtime.ops[index]
    if !op.needs.isSubset(of: permissions) {
      let denied = op.needs.subtracting(permissions)
      let e = call.scope.error("\(sandboxName) may not \(denied.denialReason) (op \(op.name) is not allowed here)")
      call.scope.set(e, "code", call.scope.string("ERR_ACCESS_DENIED"))
      call.throwing(e)
      return
    }
    if let sandbox, let rule = sandboxRules[index], let denied = sandbox.check(rule, call) {
      let e = call.scope.error("\(sandboxName) may not \(denied.reason) (op \(op.name) is not allowed here)")
      call.scope.set(e, "code", call.scope.string(denied.code))
      call.throwing(e)
      return
    }
    if let log = readLog, let seen = observations[index] {
      switch seen {
      case .volatile: log.markVolatile(op.name)
      case .path(let arg, let depth):
        if arg < call.count, call.scope.type(call.arg(arg)) == .string { log.record(call.string(arg), depth) }
      }
    }
    op.run(self, call)
  }

  public func isolate(_ isolate: Isolate, resolve specifier: String, referrer: Local, scope: Scope) -> Local? {
    if let linked = vmModules.resolve(specifier, referrer: referrer, scope: scope) { return linked }
    return modules.resolveForV8(specifier, referrer: referrer, scope: scope, runtime: self)
  }

  public func isolate(_ isolate: Isolate, importMetaFor module: Local, meta: Local, scope: Scope) {
    if let found = vmModules.find(module, scope: scope) {
      // A vm module's import.meta is its initializeImportMeta option's to fill (JS/23-vm.js).
      _ = try? scope.callCore(.vmImportMeta, [scope.number(Double(found.id)), meta])
      return
    }
    modules.fillImportMeta(module, meta: meta, scope: scope)
  }

  public func isolate(
    _ isolate: Isolate, dynamicImport specifier: String, referrer: String, vmHost: Int, assertions: Local, scope: Scope
  ) -> Local? {
    // Code vm compiled: its importModuleDynamically option answers (JS/23-vm.js).
    if vmHost != 0 {
      return try? scope.callCore(.vmDynamicImport, [scope.number(Double(vmHost)), scope.string(specifier), assertions])
    }
    return modules.dynamicImport(specifier, referrer: referrer, scope: scope, runtime: self)
  }

  func exit(_ code: Int32) {
    onExit(code)
    isolate.terminate()
  }
}
