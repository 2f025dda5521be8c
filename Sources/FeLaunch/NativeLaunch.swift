import FeBasics
import FeNpm
import FeStore

#if canImport(Glibc)
  import Glibc
#endif

/// The launch of a tool whose manifest records a native executable (NativeExecutable): fe
/// execs it in place of itself, with the tool's arguments, fe's environment, stdio and current
/// directory, so its signals and exit code are its own, as when a JS launcher spawns it with
/// `stdio: 'inherit'` and exits with its status, minus V8 and the launcher.
enum NativeLaunch {
  /// Whether this launch execs `native` rather than booting the runtime to run the blob's JS:
  /// not with FE_NO_NATIVE_EXEC=1, nor when a variable the JS launcher reads is set (it may
  /// pick another executable with it: ESBUILD_BINARY_PATH).
  static func applies(_ native: NativeExecutable, context: FeContext) -> Bool {
    !context.options.noNativeExec && !native.launcherEnv.contains { !(context.env[$0] ?? "").isEmpty }
  }

  /// Checks the executable and execs it; returns only by throwing. argv[0] is the executable's
  /// path, as a launcher's `execFileSync(binPath, args)` gives it.
  static func exec(_ native: NativeExecutable, tool: String, version: String, args: [String], context: FeContext) throws -> Never {
    let image = Path.join(context.layout.blobDir(tool, version), StoreLayout.imageDir)
    let path = Path.join(image, native.path)
    if let problem = problem(path) {
      throw FeError(
        .integrity,
        "\(tool)@\(version) runs the native executable of \(native.package), but \(path) \(problem)",
        hint: "the blob's package image is damaged: run `\(reinstall(tool, version, image))` to install it again")
    }
    // As libuv starts a child: default dispositions (fe ignores SIGPIPE) and nothing blocked.
    // Every descriptor fe opened itself is close-on-exec; inherited ones pass on, as they would.
    for sig in 1..<Int32(32) where sig != SIGKILL && sig != SIGSTOP { signal(sig, SIG_DFL) }
    var none = sigset_t()
    sigemptyset(&none)
    sigprocmask(SIG_SETMASK, &none, nil)
    let argv = [path] + args
    let envp = environment(context.env)
    let code = withCStrings(argv) { a in withCStrings(envp) { e in execve(path, a, e) } }
    // Only a failed exec gets here (the file checked out above, so a mount or format problem).
    let err = code == 0 ? 0 : errno
    let why = err == ENOEXEC ? "it is not an executable for this machine" : FileSystem.errnoMessage(err)
    throw FeError(
      .integrity, "cannot run \(path), the native executable of \(tool)@\(version) from \(native.package): \(why)",
      hint: err == EACCES
        ? "the store's file system may be mounted noexec: set FE_HOME to a directory on another one, or run the JS launcher with FE_NO_NATIVE_EXEC=1"
        : "run `\(reinstall(tool, version, image))` to install it again, or run the JS launcher with FE_NO_NATIVE_EXEC=1")
  }

  /// `env` as `KEY=value` entries in the order of this process's own environment (as Node's
  /// `process.env` hands it to a child), then any others by name.
  static func environment(_ env: [String: String]) -> [String] {
    var out: [String] = []
    var used = Set<String>()
    var p = environ
    while let entry = p.pointee {
      let s = String(cString: entry)
      if let eq = s.firstIndex(of: "=") {
        let key = String(s[..<eq])
        if let value = env[key], used.insert(key).inserted { out.append("\(key)=\(value)") }
      }
      p += 1
    }
    for key in env.keys.sorted() where !used.contains(key) { out.append("\(key)=\(env[key] ?? "")") }
    return out
  }

  /// Why `path` cannot be exec'd as it is, or nil.
  static func problem(_ path: String) -> String? {
    var st = stat()
    guard lstat(path, &st) == 0 else { return errno == ENOENT || errno == ENOTDIR ? "is missing" : "cannot be read (\(FileSystem.errnoMessage()))" }
    guard st.st_mode & S_IFMT == S_IFREG else { return "is \(StoreFile.kind(st.st_mode)), not a regular file" }
    guard st.st_mode & 0o111 != 0 else { return "is not executable (mode \(String(st.st_mode & 0o7777, radix: 8)))" }
    return nil
  }

  /// The command that puts a damaged npm tool back: remove it, install its package again.
  static func reinstall(_ tool: String, _ version: String, _ image: String) -> String {
    let package = ImageRecord.read(image: image)?.package ?? "\(tool)@\(version)"
    let bin = package.hasPrefix(tool + "@") ? "" : " --bin \(tool)"
    return "fe blobs remove \(tool)@\(version) && fe blobs install npm:\(package)\(bin)"
  }

  private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for p in pointers { free(p) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
  }
}
