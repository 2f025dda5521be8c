import FeBasics
import FeEngine

/// Node 18's command line, as far as fe provides it: `node [options] [script.js | -e code |
/// -p code | -] [arguments]`, the same options in `fe blobs run <options> file.js`, and the
/// subset Node allows in `NODE_OPTIONS`.
///
/// Every option listed here has its real effect; an option Node has and fe does not provide is
/// refused (`node: bad option: --x`, exit 9, as Node refuses an unknown one), never ignored.
/// V8's options go to V8 before the first isolate exists (`Engine.extraFlags`); where a V8 flag
/// has no effect on a context booted from fe's snapshot (`--stack-trace-limit`), the runtime's
/// JS applies it instead. Runtime options reach JS through `op_node_options` (`process.execArgv`,
/// the warning switches, preloads).
public struct NodeOptions: Sendable {
  /// What the command line asks to run.
  public enum Action: Equatable, Sendable {
    case script(String)
    case eval(String, print: Bool)
    case stdin
    case repl
    case check(String?)
    case version
    case help
    case v8Options
    case completionBash
    /// `--test [files…]`: Node's test runner over the files (none: those it finds under the
    /// current directory).
    case test([String])
  }

  public var action: Action = .repl
  /// The script's own arguments (after the script, or after `-e code`).
  public var args: [String] = []
  /// The options as given on the command line (`process.execArgv`), NODE_OPTIONS' not included.
  public var execArgv: [String] = []
  /// Flags for V8, in V8's spelling, applied before the first isolate.
  public var v8Flags: [String] = []

  // Runtime options, read by the runtime's JS.
  public var warnings = true
  public var deprecation = true
  public var throwDeprecation = false
  public var traceDeprecation = false
  public var pendingDeprecation = false
  public var traceWarnings = false
  public var unhandledRejections: String? = nil
  public var zeroFillBuffers = false
  public var requires: [String] = []
  public var inputType: String? = nil
  /// process.argv0: argv[0] as started (`node`); nil: the executable fe acts as node through.
  public var argv0: String? = nil
  public var title: String? = nil
  public var abortOnUncaughtException = false
  /// Exceptions from Node-API finalizers and thread-safe calls go to 'uncaughtException' (else
  /// a DEP0168 warning for addons older than the experimental Node-API version).
  public var forceNodeApiUncaughtExceptionsPolicy = false
  public var exposeGC = false
  public var trackHeapObjects = false
  /// `--test`: the positional arguments are test files.
  public var runTests = false
  /// --v8-pool-size: V8's background threads (0: one per processor but one).
  public var v8PoolSize: Int? = nil
  /// `--expose-internals`: `require('internal/...')` reaches Node's internal modules that fe has
  /// (JS/47-internals.js), as Node's own tests use them.
  public var exposeInternals = false
  public var stackTraceLimit: Double? = nil
  public var interactive = false
  public var printEval = false
  /// `--inspect[=[host:]port]` / `--inspect-brk`: the inspector's server at launch.
  public var inspect = false
  public var inspectBrk = false
  /// `--inspect-port`, or the address `--inspect=` gave: where the server listens.
  public var inspectHost = "127.0.0.1"
  public var inspectPort = 9229
  /// `--cpu-prof` / `--heap-prof`: V8's CPU profile and sampling heap profile of the whole run,
  /// written when the process exits (JS/46-inspector.js).
  /// `--trace-event-categories` (`--trace-events-enabled`: Node's default set) and
  /// `--trace-event-file-pattern`: trace events written as Chrome's JSON when the process exits
  /// (JS/50-trace_events.js).
  public var traceEventCategories: String? = nil
  /// `--redirect-warnings=file`: process warnings appended to the file instead of stderr.
  public var redirectWarnings: String? = nil
  /// `--[no-]experimental-global-webcrypto`: the Web Crypto globals (`crypto`, `Crypto`,
  /// `CryptoKey`, `SubtleCrypto`), there unless turned off (as from Node 19 on).
  public var globalWebcrypto = true
  public var traceEventFilePattern = "node_trace.${rotation}.log"
  /// `--build-snapshot` / `--snapshot-blob`: Node's user-land startup snapshots (FeCLI/NodeSnapshot.swift).
  public var buildSnapshot = false
  public var snapshotBlob: String? = nil
  /// Options whose whole effect is in the runtime's JS, by Node's spelling (`--tls-min-v1.2`):
  /// what `getOptionValue` returns there (a flag's bool, a value's string, a list's strings).
  public var jsOptions: [String: JSValue] = [:]
  public var cpuProf = Profiler(defaultInterval: 1000)
  public var heapProf = Profiler(defaultInterval: 512 * 1024)

  /// One profiler's options: Node's `--x-prof`, `--x-prof-dir`, `--x-prof-name`, `--x-prof-interval`.
  public struct Profiler: Sendable {
    public var on = false
    public var dir: String? = nil
    public var name: String? = nil
    /// Microseconds between CPU samples; bytes between heap samples.
    public var interval: UInt64
    let defaultInterval: UInt64

    init(defaultInterval: UInt64) {
      (interval, self.defaultInterval) = (defaultInterval, defaultInterval)
    }

    /// Node refuses the settings without the profiler (its EnvironmentOptions::CheckOptions).
    func check(_ option: String) throws {
      guard !on else { return }
      for (setting, given) in [("name", name != nil), ("dir", dir != nil), ("interval", interval != defaultInterval)] where given {
        throw BadOption(message: "--\(option)-\(setting) must be used with --\(option)")
      }
    }

    var js: JSValue {
      .object([
        ("dir", dir.map(JSValue.string) ?? .null), ("name", name.map(JSValue.string) ?? .null), ("interval", .number(Double(interval))),
      ])
    }
  }

  public init() {}

  /// A command line Node would refuse: its message (after `node: `) and exit code 9.
  public struct BadOption: Error, Equatable, Sendable {
    public let message: String
    /// Node's code for this refusal: 9 (invalid argument), 12 for an unknown `--security-revert`.
    public var code: Int32 = BadOption.exitCode
    public static let exitCode: Int32 = 9
  }

  // MARK: the option table

  enum Kind {
    case flag  // a boolean: `--x` (and `--no-x` where Node has it)
    case value  // `--x=v` or `--x v`
    case optionalValue  // `--x` or `--x=v`, never `--x v`
  }

  struct Spec {
    let kind: Kind
    /// Allowed in NODE_OPTIONS (Node 18's list).
    let env: Bool
    /// A boolean Node option that `--no-<name>` turns off.
    var negatable = false
    /// Applies the value (a flag gets "" when negated, "1" when set).
    let apply: (inout NodeOptions, String) throws -> Void
  }

  private static func flag(env: Bool = true, _ apply: @escaping (inout NodeOptions) -> Void) -> Spec {
    Spec(kind: .flag, env: env) { o, _ in apply(&o) }
  }
  /// A boolean option: `--name` sets it, `--no-name` clears it.
  private static func bool(env: Bool = true, _ set: @escaping (inout NodeOptions, Bool) -> Void) -> Spec {
    Spec(kind: .flag, env: env, negatable: true) { o, v in set(&o, !v.isEmpty) }
  }
  private static func value(env: Bool = true, _ apply: @escaping (inout NodeOptions, String) throws -> Void) -> Spec {
    Spec(kind: .value, env: env, apply: apply)
  }
  /// An option the runtime's JS applies, kept in `jsOptions` under its Node spelling: a flag
  /// (negatable where Node's is), a value, or a value that may repeat (Node's list options).
  enum JSKind { case flag, negatable, value, list }
  private static func js(_ name: String, _ kind: JSKind, env: Bool) -> Spec {
    let key = "--" + name
    switch kind {
    case .flag, .negatable:
      return Spec(kind: .flag, env: env, negatable: kind == .negatable) { o, v in o.jsOptions[key] = .bool(!v.isEmpty) }
    case .value:
      return Spec(kind: .value, env: env) { o, v in o.jsOptions[key] = .string(v) }
    case .list:
      return Spec(kind: .value, env: env) { o, v in
        guard case .array(let list) = o.jsOptions[key] else { return o.jsOptions[key] = .array([.string(v)]) }
        o.jsOptions[key] = .array(list + [.string(v)])
      }
    }
  }

  /// A V8 flag: given to V8 as written (Node passes them through the same way).
  private static func v8(env: Bool = false, takesValue: Bool = false) -> Spec {
    Spec(kind: takesValue ? .value : .flag, env: env) { _, _ in }
  }

  /// Node's options fe provides, by canonical name (dashes, no leading `--`).
  static let specs = ownSpecs.merging(jsSpecs) { own, _ in own }

  /// Options whose effect is all in the runtime's JS (`getOptionValue` in 43-nodelib.js): TLS
  /// defaults, the CA store, loader and diagnostics switches. Name, kind, allowed in NODE_OPTIONS.
  private static let jsSpecs: [String: Spec] = Dictionary(
    uniqueKeysWithValues: [
      ("tls-min-v1.0", JSKind.flag, true), ("tls-min-v1.1", .flag, true), ("tls-min-v1.2", .flag, true),
      ("tls-min-v1.3", .flag, true), ("tls-max-v1.2", .flag, true), ("tls-max-v1.3", .flag, true),
      ("tls-cipher-list", .value, true), ("tls-keylog", .value, true),
      ("use-bundled-ca", .flag, true), ("use-openssl-ca", .flag, true),
      ("experimental-fetch", .negatable, true),
      ("disable-proto", .value, true),
      ("preserve-symlinks", .flag, true), ("preserve-symlinks-main", .flag, true),
      ("enable-source-maps", .flag, true),
      ("trace-sync-io", .flag, true), ("trace-exit", .negatable, true),
      ("experimental-policy", .value, true), ("policy-integrity", .value, true),
      ("insecure-http-parser", .flag, true),
      ("conditions", .list, true), ("import", .list, true),
      ("test-udp-no-try-send", .flag, false),
      ("experimental-vm-modules", .flag, true),
      ("extra-info-on-fatal-exception", .negatable, true), ("experimental-global-customevent", .flag, true),
      ("test-concurrency", .value, false), ("test-shard", .value, false),
    ].map { name, kind, env in (name, js(name, kind, env: env)) })

  /// The options with their effect in Swift or V8. V8 flags are the ones whose effect holds in
  /// a runtime booted from fe's snapshot.
  private static let ownSpecs: [String: Spec] = [
    "eval": value(env: false) { o, code in o.action = .eval(code, print: o.printEval) },
    "check": flag(env: false) { o in o.action = .check(nil) },
    "interactive": flag(env: false) { o in o.interactive = true },
    "version": flag(env: false) { o in o.action = .version },
    "help": flag(env: false) { o in o.action = .help },
    "v8-options": flag(env: false) { o in o.action = .v8Options },
    "completion-bash": flag(env: false) { o in o.action = .completionBash },
    "require": value { o, v in o.requires.append(v) },
    "input-type": value { o, v in
      guard v == "commonjs" || v == "module" else { throw BadOption(message: "--input-type must be \"module\" or \"commonjs\"") }
      o.inputType = v
    },
    "title": value { o, v in o.title = v },
    "trace-events-enabled": flag { o in
      if o.traceEventCategories == nil { o.traceEventCategories = "v8,node,node.async_hooks" }
    },
    "trace-event-categories": value { o, v in o.traceEventCategories = v },
    "trace-event-file-pattern": value { o, v in o.traceEventFilePattern = v },
    "redirect-warnings": value { o, v in o.redirectWarnings = v },
    "experimental-global-webcrypto": bool { o, on in o.globalWebcrypto = on },
    // Read by net's JS from execArgv and NODE_OPTIONS (32-net.js autoSelectFamilyDefault).
    "enable-network-family-autoselection": bool { _, _ in },
    "build-snapshot": flag(env: false) { o in o.buildSnapshot = true },
    "snapshot-blob": value { o, v in o.snapshotBlob = v },
    "inspect": Spec(kind: .optionalValue, env: true) { o, v in
      o.inspect = true
      try o.setInspectAddress(v, option: "--inspect")
    },
    "inspect-brk": Spec(kind: .optionalValue, env: true) { o, v in
      o.inspect = true
      o.inspectBrk = true
      try o.setInspectAddress(v, option: "--inspect-brk")
    },
    "inspect-port": value { o, v in try o.setInspectAddress(v, option: "--inspect-port") },
    "debug-port": value { o, v in try o.setInspectAddress(v, option: "--inspect-port") },
    "warnings": bool { o, on in o.warnings = on },
    "deprecation": bool { o, on in o.deprecation = on },
    "throw-deprecation": bool { o, on in o.throwDeprecation = on },
    "trace-deprecation": bool { o, on in o.traceDeprecation = on },
    "pending-deprecation": bool { o, on in o.pendingDeprecation = on },
    "trace-warnings": bool { o, on in o.traceWarnings = on },
    "unhandled-rejections": value { o, v in
      guard ["strict", "warn", "none", "throw", "warn-with-error-code"].contains(v) else {
        throw BadOption(message: "invalid value for --unhandled-rejections")
      }
      o.unhandledRejections = v
    },
    "zero-fill-buffers": bool { o, on in o.zeroFillBuffers = on },
    "cpu-prof": flag { o in o.cpuProf.on = true },
    "cpu-prof-dir": value { o, v in o.cpuProf.dir = v },
    "cpu-prof-name": value { o, v in o.cpuProf.name = v },
    "cpu-prof-interval": value { o, v in o.cpuProf.interval = try interval(v, "--cpu-prof-interval") },
    "heap-prof": flag { o in o.heapProf.on = true },
    "heap-prof-dir": value { o, v in o.heapProf.dir = v },
    "heap-prof-name": value { o, v in o.heapProf.name = v },
    "heap-prof-interval": value { o, v in o.heapProf.interval = try interval(v, "--heap-prof-interval") },
    // node:test's: read from process.execArgv by the vendored runner (JS/43-nodelib.js).
    "test-only": flag(env: false) { _ in },
    "test-reporter": value { _, _ in },
    "test-reporter-destination": value { _, _ in },
    "test-name-pattern": value(env: false) { _, _ in },
    "expose-internals": flag(env: false) { o in o.exposeInternals = true },
    "abort-on-uncaught-exception": bool { o, on in o.abortOnUncaughtException = on },
    // Node-API addons always load (Node keeps the flag as a no-op).
    "napi-modules": flag { _ in },
    // Node's switch between booting from its built-in snapshot and from source; fe's runtime
    // always boots from its snapshot and behaves the same either way, as Node's does.
    "node-snapshot": bool { _, _ in },
    "security-revert": value(env: false) { o, v in
      // Node 18.20.4's revertible fixes: RSA PKCS#1 v1.5 decryption (crypto's JS reads it), and
      // Windows batch files run by spawn (nothing to revert on Linux); 60-globals.js announces them.
      guard v == "CVE-2023-46809" || v == "CVE-2024-27980" else {
        throw BadOption(message: "Error: Attempt to revert an unknown CVE [\(v)]", code: 12)
      }
      guard case .array(let given) = o.jsOptions["--security-revert"] else {
        return o.jsOptions["--security-revert"] = .array([.string(v)])
      }
      o.jsOptions["--security-revert"] = .array(given + [.string(v)])
    },
    "max-http-header-size": value { o, v in
      guard UInt64(v) != nil else { throw BadOption(message: "--max-http-header-size requires an unsigned integer: \(v)") }
      o.jsOptions["--max-http-header-size"] = .string(v)
    },
    "experimental-shadow-realm": flag { o in o.v8Flags.append("--harmony-shadow-realm") },
    "force-node-api-uncaught-exceptions-policy": bool { o, on in o.forceNodeApiUncaughtExceptionsPolicy = on },
    // V8's own.
    "expose-gc": Spec(kind: .flag, env: false) { o, _ in o.exposeGC = true },
    "track-heap-objects": flag { o in o.trackHeapObjects = true },
    "test": flag(env: false) { o in o.runTests = true },
    "v8-pool-size": value { o, v in
      guard let n = Int(v), n >= 0 else { throw BadOption(message: "--v8-pool-size requires a non-negative integer: \(v)") }
      o.v8PoolSize = n
    },
    "stack-size": v8(takesValue: true),
    "gc-interval": v8(takesValue: true),
    "gc-global": v8(),
    "stress-compaction": v8(),
    "predictable-gc-schedule": v8(),
    "no-concurrent-array-buffer-sweeping": v8(),
    "max-old-space-size": v8(env: true, takesValue: true),
    "max-semi-space-size": v8(env: true, takesValue: true),
    "stack-trace-limit": Spec(kind: .value, env: true) { o, v in
      guard let n = Double(v) else { throw BadOption(message: "--stack-trace-limit needs a number") }
      o.stackTraceLimit = n
    },
    "allow-natives-syntax": v8(),
    "use-strict": v8(),
    "jitless": v8(env: true),
    "expose-externalize-string": v8(),
    "no-opt": v8(),
    "always-opt": v8(),
    "max-lazy": v8(),
    "no-lazy": v8(),
    "perf-basic-prof": v8(env: true),
    "perf-basic-prof-only-functions": v8(env: true),
    "perf-prof": v8(env: true),
    "perf-prof-unwinding-info": v8(env: true),
    "interpreted-frames-native-stack": v8(env: true),
    "huge-max-old-generation-size": v8(env: true),
    "disallow-code-generation-from-strings": v8(env: true),
  ]

  private static func interval(_ value: String, _ option: String) throws -> UInt64 {
    guard let n = UInt64(value) else { throw BadOption(message: "\(option) requires an unsigned integer: \(value)") }
    return n
  }

  /// The V8 flags among `specs`: their arguments are handed to V8 as written.
  static let v8Names: Set<String> = [
    "expose-gc", "use-strict", "stack-size", "max-old-space-size", "max-semi-space-size", "allow-natives-syntax", "jitless",
    "expose-externalize-string", "no-opt", "always-opt", "max-lazy", "no-lazy", "gc-interval", "gc-global",
    "no-concurrent-array-buffer-sweeping", "stress-compaction", "predictable-gc-schedule", "perf-basic-prof",
    "perf-basic-prof-only-functions", "perf-prof", "perf-prof-unwinding-info", "interpreted-frames-native-stack",
    "huge-max-old-generation-size", "disallow-code-generation-from-strings",
  ]

  /// Node's options that Node refuses in NODE_OPTIONS and fe does not take as options here.
  static let notInEnvironment: Set<String> = ["print", "pe", "expose-internals", "test", "test-only"]

  /// Node's options whose effect fe does not provide, refused with the reason (never ignored).
  static let unsupported: [String: String] = [
    "frozen-intrinsics": "fe does not freeze the JavaScript builtins",
    "inspect-wait": "fe's inspector has --inspect and --inspect-brk (Node 18 has no --inspect-wait)",
    "experimental-loader": "fe has no ES module loader hooks", "loader": "fe has no ES module loader hooks",
"watch": "fe has no watch mode", "prof": "fe has no V8 profiler output",
    "secure-heap": "fe does not use OpenSSL's secure heap",
    "openssl-config": "fe reads no OpenSSL config file",
    "trace-uncaught": "fe does not keep the stack of where an uncaught exception was thrown",
    "report-on-signal": "fe writes no diagnostic reports", "report-uncaught-exception": "fe writes no diagnostic reports",
  ]

  /// Node's `--completion-bash`: a bash completion function offering the options fe takes.
  public static var bashCompletion: String {
    let options = (specs.keys.map { "--" + $0 } + short.keys).sorted().joined(separator: " ")
    return """
      _node_complete() {
        local cur_word options
        cur_word="${COMP_WORDS[COMP_CWORD]}"
        if [[ "${cur_word}" == -* ]] ; then
          COMPREPLY=( $(compgen -W '\(options)' -- "${cur_word}") )
          return 0
        else
          COMPREPLY=( $(compgen -f "${cur_word}") )
          return 0
        fi
      }
      complete -o filenames -o nospace -o bashdefault -F _node_complete node node_g
      """
  }

  /// Node's process.allowedNodeEnvironmentFlags: the options NODE_OPTIONS may hold, the `--no-`
  /// forms of its boolean ones (V8's have none), and the short aliases of those.
  static var environmentFlags: [String] {
    var out: [String] = []
    for (name, spec) in specs where spec.env {
      out.append("--\(name)")
      if spec.kind == .flag && !v8Names.contains(name) { out.append("--no-\(name)") }
    }
    for (alias, name) in short where specs[name]?.env == true { out.append(alias) }
    return out.sorted()
  }

  /// Single-letter aliases.
  static let short: [String: String] = [
    "-e": "eval", "-p": "print", "-c": "check", "-i": "interactive", "-v": "version", "-h": "help", "-r": "require", "-C": "conditions",
  ]

  // MARK: parsing

  /// Parses a node command line (without argv[0]) over `NODE_OPTIONS` (`environment`): as in
  /// Node, the command line wins where both set an option. `-p code` is `--print --eval code`.
  public static func parse(_ argv: [String], environment: String? = nil) throws -> NodeOptions {
    var o = NodeOptions()
    if let environment, !environment.isEmpty { try o.applyEnvironment(environment) }
    var i = 0
    var sawEval = false
    var sawCheck = false
    while i < argv.count {
      let arg = argv[i]
      if arg == "--" {
        i += 1
        break
      }
      if arg == "-" {
        o.action = .stdin
        i += 1
        break
      }
      guard arg.hasPrefix("-"), arg.count > 1 else { break }
      let start = i
      i += 1
      let (name, splitValue) = split(arg)
      var inline = splitValue
      if name == "print" || name == "pe" {
        // Node's aliases: `-p` sets print; `-p <code>` (code not starting with `-`) and
        // `-pe <code>` are `--print --eval <code>`.
        o.printEval = true
        if case .eval(let code, _) = o.action { o.action = .eval(code, print: true) }
        if inline == nil, i < argv.count, name == "pe" || !argv[i].hasPrefix("-") {
          inline = unescaped(argv[i])
          i += 1
        }
        if let code = inline {
          o.action = .eval(code, print: true)
          sawEval = true
        } else if name == "pe" {
          throw BadOption(message: "\(arg) requires an argument")
        }
        o.execArgv += argv[start..<i]
        continue
      }
      try apply(name: name, spelled: arg, inline: inline, options: &o, fromEnv: false, next: { () -> String? in
        guard i < argv.count else { return nil }
        i += 1
        return argv[i - 1]
      })
      if name == "eval" { sawEval = true }
      if name == "check" { sawCheck = true }
      o.execArgv += argv[start..<i]
    }
    let rest = Array(argv[i...])
    if sawCheck && sawEval { throw BadOption(message: "either --check or --eval can be used, not both") }
    try o.cpuProf.check("cpu-prof")
    try o.heapProf.check("heap-prof")
    try o.checkCombinations()
    switch o.action {
    case .eval, .version, .help, .v8Options, .completionBash:
      o.args = rest
    case .stdin:
      o.args = rest
    case .check:
      // `-c` alone checks stdin.
      guard let file = rest.first else { break }
      o.action = .check(file)
      o.args = Array(rest.dropFirst())
    case _ where o.runTests:
      o.action = .test(rest)
    default:
      if let file = rest.first, !sawEval {
        o.action = .script(file)
        o.args = Array(rest.dropFirst())
      } else {
        o.args = rest
      }
    }
    if o.buildSnapshot {
      guard case .script = o.action else {
        throw BadOption(message: "--build-snapshot must be used with an entry point script.\nUsage: node --build-snapshot /path/to/entry.js")
      }
    }
    return o
  }

  /// Applies `NODE_OPTIONS` (space-separated, with `"…"` quoting as Node reads it) on top of
  /// what the command line set; options Node does not allow there are refused.
  public mutating func applyEnvironment(_ value: String) throws {
    let words = try NodeOptions.splitEnvironment(value)
    var i = 0
    while i < words.count {
      let word = words[i]
      i += 1
      guard word.hasPrefix("-"), word != "-", word != "--" else {
        throw BadOption(message: "\(word) is not allowed in NODE_OPTIONS")
      }
      let (name, inline) = NodeOptions.split(word)
      try NodeOptions.apply(name: name, spelled: word, inline: inline, options: &self, fromEnv: true, next: { () -> String? in
        guard i < words.count else { return nil }
        i += 1
        return words[i - 1]
      })
    }
  }

  /// `--name=value` / `-x` into the canonical name (underscores as dashes, as Node reads them)
  /// and the inline value.
  static func split(_ arg: String) -> (String, String?) {
    if let alias = short[arg] { return (alias, nil) }
    var body = arg.hasPrefix("--") ? String(arg.dropFirst(2)) : String(arg.dropFirst())
    var inline: String? = nil
    if let eq = body.firstIndex(of: "=") {
      inline = String(body[body.index(after: eq)...])
      body = String(body[..<eq])
    }
    return (String(body.map { $0 == "_" ? "-" : $0 }), inline)
  }

  static func apply(
    name: String, spelled: String, inline: String?, options o: inout NodeOptions, fromEnv: Bool, next: () -> String?
  ) throws {
    let display = spelled.split(separator: "=", maxSplits: 1).first.map(String.init) ?? spelled
    if fromEnv && notInEnvironment.contains(name) {
      throw BadOption(message: "\(spelled) is not allowed in NODE_OPTIONS")
    }
    if name == "debug" || name == "debug-brk" {
      // Node's own words for its removed legacy debugger.
      throw BadOption(message: "`node --debug` and `node --debug-brk` are invalid. Please use `node --inspect` and `node --inspect-brk` instead.")
    }
    if let reason = unsupported[name] {
      throw BadOption(message: "\(display) is not supported by fe: \(reason)")
    }
    if let harmony = harmonyFlag(name) {
      if fromEnv { throw BadOption(message: "\(display) is not allowed in NODE_OPTIONS") }
      o.v8Flags.append("--" + harmony)
      return
    }
    var negated = false
    var spec = specs[name]
    if spec == nil, name.hasPrefix("no-"), let positive = specs[String(name.dropFirst(3))] {
      guard positive.negatable else {
        throw BadOption(message: "\(display) is an invalid negation because it is not a boolean option")
      }
      spec = positive
      negated = true
    }
    guard let spec else { throw BadOption(message: "bad option: \(spelled)") }
    if fromEnv && !spec.env {
      // Node names a V8 option as `--name=`, its own as written.
      let shown = v8Names.contains(name) && spec.kind == .value ? display + "=" : spelled
      throw BadOption(message: "\(shown) is not allowed in NODE_OPTIONS")
    }
    switch spec.kind {
    case .optionalValue:
      try spec.apply(&o, inline ?? "")
    case .flag:
      if inline != nil { throw BadOption(message: "bad option: \(spelled)") }
      try spec.apply(&o, negated ? "" : "1")
      if v8Names.contains(name) { o.v8Flags.append("--" + name) }
    case .value:
      let value: String
      if inline == "" {
        // Node: `--opt=` is an option without its argument.
        throw BadOption(message: "\(spelled) requires an argument")
      } else if let inline {
        value = inline
      } else if !v8Names.contains(name), let v = next() {
        value = unescaped(v)
      } else {
        throw BadOption(message: "\(display) requires an argument")
      }
      try spec.apply(&o, value)
      if v8Names.contains(name) { o.v8Flags.append("--\(name)=\(value)") }
    }
  }

  /// An argument given after its option: Node reads a leading `\-` as an escaped `-`
  /// (`node -p "\-42"` prints -42).
  static func unescaped(_ v: String) -> String {
    v.hasPrefix("\\-") ? String(v.dropFirst()) : v
  }

  /// `--harmony`, `--harmony-<feature>` and `--no-harmony-<feature>`: V8's staged features,
  /// which V8 installs in every new context (snapshot or not).
  static func harmonyFlag(_ name: String) -> String? {
    let bare = name.hasPrefix("no-") ? String(name.dropFirst(3)) : name
    guard bare == "harmony" || bare.hasPrefix("harmony-") else { return nil }
    return name
  }

  /// NODE_OPTIONS' words: split on spaces; double quotes group, a backslash escapes in them.
  static func splitEnvironment(_ s: String) throws -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quoted = false
    var chars = s.makeIterator()
    while let c = chars.next() {
      if quoted {
        if c == "\\" {
          if let n = chars.next() { current.append(n) }
        } else if c == "\"" {
          quoted = false
        } else {
          current.append(c)
        }
      } else if c == "\"" {
        quoted = true
        inWord = true
      } else if c == " " {
        if inWord { words.append(current) }
        current = ""
        inWord = false
      } else {
        current.append(c)
        inWord = true
      }
    }
    if quoted { throw BadOption(message: "invalid value for NODE_OPTIONS (unterminated string)") }
    if inWord { words.append(current) }
    return words
  }

  // MARK: what the runtime sees

  /// The options of this process, set once by the CLI before the first runtime boots (node
  /// mode, `fe blobs run`, a tool launch with NODE_OPTIONS); read by `op_node_options`.
  nonisolated(unsafe) public static var current: NodeOptions?

  /// The runtime's view (`core.nodeOptions` in 60-globals.js).
  var jsValue: JSValue {
    func opt(_ s: String?) -> JSValue { s.map(JSValue.string) ?? .null }
    return .object([
      ("execArgv", .array(execArgv.map(JSValue.string))),
      ("argv0", .string(argv0 ?? CommandLine.arguments.first ?? "node")),
      ("allowedEnvironmentFlags", .array(NodeOptions.environmentFlags.map(JSValue.string))),
      ("warnings", .bool(warnings)),
      ("deprecation", .bool(deprecation)),
      ("throwDeprecation", .bool(throwDeprecation)),
      ("traceDeprecation", .bool(traceDeprecation)),
      ("pendingDeprecation", .bool(pendingDeprecation)),
      ("traceWarnings", .bool(traceWarnings)),
      ("unhandledRejections", opt(unhandledRejections)),
      ("zeroFillBuffers", .bool(zeroFillBuffers)),
      ("requires", .array(requires.map(JSValue.string))),
      ("inputType", opt(inputType)),
      ("title", opt(title)),
      ("abortOnUncaughtException", .bool(abortOnUncaughtException)),
      ("forceNodeApiUncaughtExceptionsPolicy", .bool(forceNodeApiUncaughtExceptionsPolicy)),
      ("exposeGC", .bool(exposeGC)),
      ("trackHeapObjects", .bool(trackHeapObjects)),
      ("exposeInternals", .bool(exposeInternals)),
      ("stackTraceLimit", stackTraceLimit.map(JSValue.number) ?? .null),
      ("inspectBrk", .bool(inspectBrk)),
      ("cpuProf", cpuProf.on ? cpuProf.js : .null),
      ("heapProf", heapProf.on ? heapProf.js : .null),
      ("redirectWarnings", opt(redirectWarnings)),
      ("globalWebcrypto", .bool(globalWebcrypto)),
      ("options", .object(jsOptions.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })),
      ("traceEvents", traceEventCategories.map { .object([("categories", .string($0)), ("filePattern", .string(traceEventFilePattern))]) } ?? .null),
    ])
  }

  /// Node's checks across options (its CheckOptions) for the options kept for JS.
  func checkCombinations() throws {
    func on(_ name: String) -> Bool { jsOptions["--" + name] == .bool(true) }
    if on("tls-min-v1.3") && on("tls-max-v1.2") {
      throw BadOption(message: "either --tls-min-v1.3 or --tls-max-v1.2 can be used, not both")
    }
    if on("use-openssl-ca") && on("use-bundled-ca") {
      throw BadOption(message: "either --use-openssl-ca or --use-bundled-ca can be used, not both")
    }
    if case .string(let mode) = jsOptions["--disable-proto"], mode != "delete", mode != "throw" {
      throw BadOption(message: "invalid mode passed to --disable-proto", code: 12)
    }
  }

  /// `[host:]port` or `host` as Node reads --inspect's value; "" keeps what was set.
  mutating func setInspectAddress(_ value: String, option: String) throws {
    guard !value.isEmpty else { return }
    var host: Substring? = nil
    var port: Substring = Substring(value)
    if let colon = value.lastIndex(of: ":") {
      host = value[..<colon]
      port = value[value.index(after: colon)...]
    } else if !value.allSatisfy(\.isNumber) {
      host = Substring(value)
      port = ""
    }
    if let h = host {
      inspectHost = h.hasPrefix("[") && h.hasSuffix("]") ? String(h.dropFirst().dropLast()) : String(h)
    }
    if !port.isEmpty {
      guard let n = Int(port), n == 0 || (1024...65535).contains(n) else {
        throw BadOption(message: "\(option)=\(value): Must be 0 or in range 1024 to 65535.")
      }
      inspectPort = n
    }
  }
}
