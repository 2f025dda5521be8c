#if canImport(Glibc)
  import Glibc
#endif
import FeBasics
import FeStore

/// All I/O a command does goes through here (environment, directories, output), so commands
/// can run in-process in tests with a temp FE_HOME and captured output.
public final class CLIContext: @unchecked Sendable {
  public var env: [String: String]
  public var cwd: String
  public var stdout: (String) -> Void
  public var stderr: (String) -> Void
  /// The path of the running fe binary (process.execPath of tools).
  public var executable: String
  /// Whether a file descriptor is a terminal (colour and progress depend on it).
  public var isTerminal: (Int32) -> Bool = { isatty($0) == 1 }

  nonisolated(unsafe) static var shared = CLIContext.current()

  public init(env: [String: String], cwd: String, executable: String,
              stdout: @escaping (String) -> Void, stderr: @escaping (String) -> Void) {
    self.env = env
    self.cwd = cwd
    self.executable = executable
    self.stdout = stdout
    self.stderr = stderr
  }

  public static func current() -> CLIContext {
    CLIContext(
      env: Environment.current(), cwd: FileSystem.currentDirectory(), executable: executablePath(),
      stdout: { s in writeFD(1, s + "\n") }, stderr: { s in writeFD(2, s + "\n") })
  }

  public var layout: StoreLayout { StoreLayout(home: Environment.feHome(env)) }
  public var isCI: Bool { Environment.isTruthy(env["CI"]) }

  func out(_ s: String) { stdout(s) }
  func err(_ s: String) { stderr(s) }

  static func executablePath() -> String {
    var buf = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buf, buf.count - 1)
    if n > 0 { return String(cString: buf) }
    return CommandLine.arguments.first ?? "fe"
  }

  static func writeFD(_ fd: Int32, _ s: String) {
    var s = s
    s.withUTF8 { buf in
      var done = 0
      while done < buf.count {
        let n = write(fd, buf.baseAddress! + done, buf.count - done)
        if n <= 0 { if errno == EINTR { continue }; return }
        done += n
      }
    }
  }
}
