import FeBasics
import FeStore
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#endif

/// An npm package directory with a "bin": fe bundles that bin with its dependencies into one
/// CommonJS file with esbuild (Debian's `esbuild` package), then builds a blob from the bundle.
/// Dependencies resolve as Node resolves them: node_modules up the tree, then NODE_PATH (so a
/// package from Debian's /usr/share/nodejs finds its neighbours with NODE_PATH=/usr/share/nodejs).
public enum NodePackage {
  /// package.json as far as bins go: "bin" is a path (named after the package) or a map.
  public struct Info: Decodable {
    var name: String?
    var version: String?
    var bin: [String: String]

    enum CodingKeys: String, CodingKey { case name, version, bin }
    public init(from decoder: Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      name = try? c.decodeIfPresent(String.self, forKey: .name)
      version = try? c.decodeIfPresent(String.self, forKey: .version)
      if let path = try? c.decodeIfPresent(String.self, forKey: .bin) {
        // npm names a single bin after the package, without its scope.
        let unscoped = name.map { $0.split(separator: "/").last.map(String.init) ?? $0 } ?? "bin"
        bin = [unscoped: path]
      } else {
        bin = (try? c.decodeIfPresent([String: String].self, forKey: .bin)) ?? [:]
      }
    }
  }

  /// The package at `dir` if its package.json has a "bin"; nil otherwise (a fe source
  /// directory whose "main" is already the bundle).
  public static func info(_ dir: String) throws -> Info? {
    let pkgPath = Path.join(dir, "package.json")
    guard let text = try FileSystem.readString(pkgPath) else { return nil }
    guard let info = try? JSONDecoder().decode(Info.self, from: Data(text.utf8)) else {
      throw FeError(.usage, "\(pkgPath) is not valid JSON", hint: "fix \(pkgPath)")
    }
    return info.bin.isEmpty ? nil : info
  }

  /// Picks the bin: `--bin`, else the one named like the package, else the only one.
  static func chooseBin(_ info: Info, dir: String, requested: String?) throws -> (name: String, path: String) {
    let names = info.bin.keys.sorted()
    if let requested {
      guard let path = info.bin[requested] else {
        throw FeError(.usage, "\(dir) has no bin named \(requested)", hint: "its bins: \(names.joined(separator: ", "))")
      }
      return (requested, path)
    }
    let unscoped = info.name.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
    if let unscoped, let path = info.bin[unscoped] { return (unscoped, path) }
    if names.count == 1, let only = names.first, let path = info.bin[only] { return (only, path) }
    throw FeError(
      .usage, "\(dir) has several bins (\(names.joined(separator: ", "))) and none is named after the package",
      hint: "pick one with --bin <name>")
  }

  /// Bundles the package's bin into one CommonJS file. `name`/`version` override package.json;
  /// the tool is named after the bin.
  public static func bundle(
    dir: String, info: Info, bin: String?, name: String?, version: String?, env: [String: String]
  ) throws -> ToolSource {
    let (binName, binPath) = try chooseBin(info, dir: dir, requested: bin)
    guard let ver = version ?? info.version else {
      throw FeError(.usage, "\(Path.join(dir, "package.json")) has no \"version\"", hint: "pass --version <x.y.z>")
    }
    let entry = Path.normalize(Path.join(dir, binPath))
    guard FileSystem.isFile(entry) else {
      throw FeError(.usage, "the bin \(binName) of \(dir) is \(binPath), which does not exist", hint: "check \"bin\" in its package.json")
    }
    let (source, unresolved) = try Esbuild.bundle(entry: entry, root: dir, env: env)
    return ToolSource(source: source, tool: name ?? binName, version: ver, entry: entry, unresolved: unresolved)
  }
}

/// Debian's esbuild CLI, run as a child process.
enum Esbuild {
  /// `FE_ESBUILD`, else `esbuild` on PATH.
  static func locate(_ env: [String: String]) -> String? {
    if let explicit = env["FE_ESBUILD"], !explicit.isEmpty { return access(explicit, X_OK) == 0 ? explicit : nil }
    let dirs = (env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
    for dir in dirs where !dir.isEmpty {
      let candidate = Path.join(dir, "esbuild")
      if access(candidate, X_OK) == 0, FileSystem.isFile(candidate) { return candidate }
    }
    return nil
  }

  /// `esbuild <entry> --bundle --platform=node --format=cjs`: Node's builtins stay `require`s,
  /// everything else is inlined; syntax newer than V8 10.2 (Node 18) is lowered. A `require`
  /// esbuild cannot resolve stays a `require` call, as Node resolves it only when it runs (many
  /// CLIs guard optional or other-platform modules: esprima's `require('system')` for PhantomJS);
  /// those names are returned so the caller can warn.
  ///
  /// The same source gives the same bytes wherever it lives and wherever fe runs (fe.lock's
  /// sha256 must hold on every checkout): esbuild runs in `root`, the package's directory, with
  /// the entry relative to it, so the `// src/cli.js` comments it writes before each module are
  /// paths inside the package, not relative to the caller's cwd; and no absolute path goes in
  /// unless the code asks for one (`import.meta`, below).
  static func bundle(entry: String, root: String, env: [String: String]) throws -> (source: [UInt8], unresolved: [String]) {
    guard let esbuild = locate(env) else {
      throw FeError(
        .usage, "bundling \(entry) with its dependencies needs esbuild, which is not installed",
        hint: "install it (sudo apt-get install esbuild), put it on PATH or set FE_ESBUILD; or pass a single-file bundle")
    }
    var template = Array("\(env["TMPDIR"] ?? "/tmp")/fe-bundle-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw FileSystem.ioError("cannot create a temporary directory for esbuild") }
    let work = String(cString: made)
    defer { try? FileSystem.removeTree(work) }
    let out = Path.join(work, "bundle.js")
    let log = Path.join(work, "esbuild.log")
    var unresolved: [String] = []
    while true {
      let args =
        [
          esbuild, relativeEntry(entry, root: root), "--bundle", "--platform=node", "--format=cjs", "--target=node18",
          "--outfile=\(out)", "--log-level=error", "--log-limit=0", "--color=false",
        ] + importMetaDefines + unresolved.map { "--external:\($0)" }
      let status = try spawn(args, env: env, cwd: root, output: log)
      if status == 0, let bundle = try FileSystem.read(out) { return (withImportMeta(bundle, entry: entry), unresolved) }
      let text = (try? FileSystem.readString(log)) ?? ""
      let missing = unresolvedModules(text).filter { !unresolved.contains($0) }
      if !missing.isEmpty {
        unresolved += missing
        continue
      }
      let first = text.split(separator: "\n").map { $0.drop { $0 == " " } }.filter { !$0.isEmpty }.prefix(4)
      throw FeError(
        .usage, "esbuild could not bundle \(entry)\(first.isEmpty ? " (exit \(status))" : ": " + first.joined(separator: " "))",
        hint: "check that the package runs under node")
    }
  }

  /// `entry` as esbuild is given it from `root`: `./bin/cli.js` inside the package, else absolute.
  static func relativeEntry(_ entry: String, root: String) -> String {
    let base = Path.normalize(root)
    let prefix = base.hasSuffix("/") ? base : base + "/"
    let normalized = Path.normalize(entry)
    return normalized.hasPrefix(prefix) ? "./" + normalized.dropFirst(prefix.count) : normalized
  }

  /// An ES-module bin turned CommonJS loses `import.meta` (esbuild leaves `{}`), yet CLIs find
  /// their package.json and data files through `import.meta.url`. It becomes the bin's own file
  /// (its real path, as Node resolves a main module's symlinks) while that exists, as tsc's entry
  /// path does (NodeCLIEntry), else the running bundle. That names the bin's absolute path, so
  /// it goes in only when the bundle uses `import.meta` (the defines leave `__fe_meta_` names).
  static let importMetaDefines = [
    "--define:import.meta.url=__fe_meta_url", "--define:import.meta.filename=__fe_meta_file",
    "--define:import.meta.dirname=__fe_meta_dir",
  ]

  /// `bundle` with the `import.meta` banner in front (after a `#!` line) when it needs one.
  static func withImportMeta(_ bundle: [UInt8], entry: String) -> [UInt8] {
    let marker = Array("__fe_meta_".utf8)
    guard bundle.count >= marker.count,
      (0...(bundle.count - marker.count)).contains(where: { i in
        bundle[i] == marker[0] && bundle[i..<(i + marker.count)].elementsEqual(marker)
      })
    else { return bundle }
    let file = JSONString.quote(FileSystem.realPath(entry) ?? entry)
    let banner =
      "var __fe_meta_file = (() => { try { require(\"fs\").statSync(\(file)); return \(file); } catch { return __filename; } })();"
      + " var __fe_meta_url = require(\"url\").pathToFileURL(__fe_meta_file).href;"
      + " var __fe_meta_dir = require(\"path\").dirname(__fe_meta_file);\n"
    var at = 0
    if bundle.starts(with: Array("#!".utf8)) { at = (bundle.firstIndex(of: 0x0A).map { $0 + 1 }) ?? bundle.count }
    return Array(bundle[..<at]) + Array(banner.utf8) + Array(bundle[at...])
  }

  /// The X of every `Could not resolve "X"` in esbuild's log.
  static func unresolvedModules(_ log: String) -> [String] {
    var names: [String] = []
    var rest = Substring(log)
    let marker = "Could not resolve \""
    while let r = rest.firstRange(of: marker) {
      rest = rest[r.upperBound...]
      guard let end = rest.firstIndex(of: "\"") else { break }
      let name = String(rest[..<end])
      if !name.isEmpty && !names.contains(name) { names.append(name) }
      rest = rest[end...]
    }
    return names
  }

  /// Runs `args` with stdin from /dev/null and stdout+stderr into `output`; returns the exit
  /// status (128+n for a signal).
  private static func spawn(_ args: [String], env: [String: String], cwd: String, output: String) throws -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    guard let addchdir = addchdirSymbol, addchdir(&actions, cwd) == 0 else {
      throw FeError(
        .internalError, "cannot run esbuild in \(cwd)", hint: "this C library lacks posix_spawn_file_actions_addchdir_np (glibc 2.29+)")
    }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv = args.map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, args[0], &actions, nil, argv, envp)
    guard rc == 0 else {
      throw FeError(.internalError, "cannot run \(args[0]): \(FileSystem.errnoMessage(rc))", hint: "check that esbuild runs")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      if errno != EINTR { throw FileSystem.ioError("waiting for esbuild") }
    }
    let low = status & 0x7f
    return low == 0 ? (status >> 8) & 0xff : 128 + low
  }
}

/// Glibc declares posix_spawn_file_actions_addchdir_np only under _GNU_SOURCE, which Swift's
/// Glibc module lacks: looked up by name, as AtomicRename does renameat2.
private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32
nonisolated(unsafe) private let addchdirSymbol: AddChdir? = {
  guard let sym = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np") else { return nil }
  return unsafeBitCast(sym, to: AddChdir.self)
}()

/// The path a Node CLI runs as (`__filename`, `process.argv[1]`, the script name in stack
/// traces): the bundle file it was built from while that file is still there — so files that
/// ship beside it are found as under node (tsc reads its lib.*.d.ts from its own directory) —
/// else the blob's stored source. A blob from a registry or a package directory has no such file.
enum NodeCLIEntry {
  static func path(origin: String?, sourcePath: String) -> String {
    guard let origin, origin.hasPrefix("/"), FileSystem.isFile(origin) else { return sourcePath }
    return origin
  }

  static func path(manifest: Manifest, sourcePath: String) -> String {
    path(origin: manifest.origin, sourcePath: sourcePath)
  }
}
