import FeBasics
import FeStore

#if canImport(Glibc)
  import Glibc
#endif

/// fe's version, as `fe blobs --version` and the registry client's User-Agent give it.
public enum FeVersion {
  public static let current = "0.1.0"
}

/// All I/O a launch or a command does goes through here (environment, directories, output), so
/// commands can run in-process in tests with a temp FE_HOME and captured output. It is passed
/// to whatever needs it; there is no global one.
public final class FeContext: @unchecked Sendable {
  public let env: [String: String]
  public var cwd: String
  public var stdout: (String) -> Void
  public var stderr: (String) -> Void
  /// The path of the running fe binary (process.execPath of tools).
  public var executable: String
  /// Whether a file descriptor is a terminal (colour and progress depend on it).
  public var isTerminal: (Int32) -> Bool = { isatty($0) == 1 }
  /// fe's own settings from the environment, read once.
  public let options: LaunchOptions

  public init(
    env: [String: String], cwd: String, executable: String,
    stdout: @escaping (String) -> Void, stderr: @escaping (String) -> Void
  ) {
    self.env = env
    self.cwd = cwd
    self.executable = executable
    self.stdout = stdout
    self.stderr = stderr
    self.options = LaunchOptions(env: env)
  }

  /// This process's environment, directory and stdio.
  public static func current() -> FeContext {
    FeContext(
      env: Environment.current(), cwd: FileSystem.currentDirectory(), executable: executablePath(),
      stdout: { s in writeFD(1, s + "\n") }, stderr: { s in writeFD(2, s + "\n") })
  }

  public var layout: StoreLayout { StoreLayout(home: Environment.feHome(env)) }
  public var isCI: Bool { options.isCI }

  public func out(_ s: String) { stdout(s) }
  public func err(_ s: String) { stderr(s) }

  static func executablePath() -> String {
    var buf = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buf, buf.count - 1)
    if n > 0 { return String(cString: buf) }
    return CommandLine.arguments.first ?? "fe"
  }

  public static func writeFD(_ fd: Int32, _ s: String) {
    var s = s
    s.withUTF8 { buf in
      guard let base = buf.baseAddress else { return }
      var done = 0
      while done < buf.count {
        let n = write(fd, base + done, buf.count - done)
        if n <= 0 {
          if errno == EINTR { continue }
          return
        }
        done += n
      }
    }
  }
}

/// fe's own switches in the environment, read once when the context is made (a few dictionary
/// lookups: nothing a launch would notice) and passed along with it.
public struct LaunchOptions: Sendable {
  /// `CI`: frozen installs; no prompts, progress bars or colour.
  public var isCI: Bool
  /// `FE_QUIET`: no "rebuilding …" note when a blob is rebuilt at launch.
  public var quiet: Bool
  /// Not `FE_NO_CONFIG_CACHE`: the evaluated config may come from (and go to) the config cache.
  public var configCache: Bool
  /// `FE_CJS_LAZY`: Node CLIs are compiled lazily, not eagerly, when their blob is built
  /// (bench/results/tsc.md compares the two).
  public var compileLazily: Bool
  /// `FE_OFFLINE`: never contact a registry.
  public var offline: Bool
  /// `FE_NO_NATIVE_EXEC`: a tool whose blob records a native executable runs its JS launcher
  /// under the runtime instead of exec'ing it (NativeLaunch).
  public var noNativeExec: Bool
  /// The `FE_AUTO_INSTALL` value that turns off installing a missing version on launch (any
  /// non-empty value that is not truthy); nil when installing on launch is allowed.
  public var autoInstallOff: String?

  public init(env: [String: String]) {
    isCI = Environment.isTruthy(env["CI"])
    quiet = Environment.isTruthy(env["FE_QUIET"])
    configCache = !Environment.isTruthy(env["FE_NO_CONFIG_CACHE"])
    compileLazily = Environment.isTruthy(env["FE_CJS_LAZY"])
    offline = Environment.isTruthy(env["FE_OFFLINE"])
    noNativeExec = Environment.isTruthy(env["FE_NO_NATIVE_EXEC"])
    let auto = env["FE_AUTO_INSTALL"] ?? ""
    autoInstallOff = !auto.isEmpty && !Environment.isTruthy(auto) ? auto : nil
  }
}
