import FeBasics
import FeConfig
import FeEngine
import FeRuntime
import FeStore

#if canImport(Glibc)
  import Glibc
#endif

/// Evaluates fe.config.js in a process of its own: fe re-executed as
/// `fe __fe-config-sandbox <config> <cwd> <observe>`, whose result comes back on a pipe.
///
/// A config comes with whatever repository was cloned, so the runtime's own checks (no write,
/// process, network or exit ops; reads of regular files only; memory limits in V8) are not the
/// only wall. The process adds what no in-process check can:
/// - the time limit holds whatever the config does (a blocking read, a busy native call): the
///   launcher kills the process shortly after the runtime's own watchdog should have stopped it;
/// - its memory is capped as a whole (RLIMIT_DATA), and once the config runs no file can grow
///   (RLIMIT_FSIZE 0);
/// - nothing it does reaches the launcher: its stdin is /dev/null, its stdout and stderr are
///   pipes the launcher relays, it holds no other descriptor of the launcher's, and its cwd,
///   environment and signal handlers are its own.
public struct ConfigSandbox {
  public static let command = "__fe-config-sandbox"
  /// The child's end of the result pipe.
  static let resultFD: Int32 = 3
  /// The child process's private memory (RLIMIT_DATA): the backstop behind the runtime's heap
  /// and Buffer limits (`ConfigEvaluator.limits`).
  static let processDataBytes = 1 << 30
  /// How long past the time limit the launcher waits for the child's own verdict before it kills.
  static let grace = 1.5
  /// Starting the process and booting its runtime, before the config's time starts: generous,
  /// since the first run of an fe builds the base snapshot.
  static let bootLimit = 60.0
  /// What the launcher relays of the config's own output, per stream.
  static let maxOutput = 1 << 20
  /// Sent by the child when the config starts to run: its time limit starts there.
  static let started: UInt8 = 0x01

  let context: FeContext
  var timeLimit = ConfigEvaluator().timeLimit

  func evaluate(_ path: String, observing: Bool) throws -> (config: ProjectConfig, observed: ConfigObservations?) {
    let child = try Child(
      executable: context.executable, args: [ConfigSandbox.command, path, context.cwd, observing ? "1" : "0"], env: context.env)
    var out: [UInt8] = []
    var err: [UInt8] = []
    var result: [UInt8] = []
    var deadline = nowMs() + ConfigSandbox.bootLimit * 1000
    var timedOut = false
    var open = [child.stdout, child.stderr, child.result]
    while !open.isEmpty && !timedOut {
      var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      let left = deadline - nowMs()
      if left <= 0 {
        timedOut = true
        break
      }
      let n = poll(&fds, nfds_t(fds.count), Int32(min(left, 1000)))
      if n < 0 && errno != EINTR { break }
      for p in fds where p.revents != 0 {
        var buf = [UInt8](repeating: 0, count: 65536)
        let got = buf.withUnsafeMutableBytes { read(p.fd, $0.baseAddress, $0.count) }
        if got <= 0 {
          if got < 0 && (errno == EINTR || errno == EAGAIN) { continue }
          open.removeAll { $0 == p.fd }
          continue
        }
        let chunk = buf[0..<got]
        switch p.fd {
        case child.stdout: if out.count < ConfigSandbox.maxOutput { out += chunk }
        case child.stderr: if err.count < ConfigSandbox.maxOutput { err += chunk }
        default:
          if result.isEmpty && chunk.first == ConfigSandbox.started {
            // The config's own time starts now.
            deadline = nowMs() + (timeLimit + ConfigSandbox.grace) * 1000
          }
          result += chunk
        }
      }
    }
    let status = child.finish(killing: timedOut, until: deadline)
    relay(out, to: context.stdout)
    relay(err, to: context.stderr)
    if timedOut || status == nil { throw ConfigError.timedOut(path, seconds: timeLimit) }
    let message = result.first == ConfigSandbox.started ? Array(result.dropFirst()) : result
    switch ConfigOutcome.decode(message) {
    case .evaluated(let value, let observed)?:
      return (try ProjectConfig(path: path, value: value), observed)
    case .failed(let error)?:
      throw error
    case nil:
      throw ConfigError.crashed(path, status.map(Child.describe) ?? "no result")
    }
  }

  private func relay(_ bytes: [UInt8], to write: (String) -> Void) {
    guard !bytes.isEmpty else { return }
    var text = String(decoding: bytes, as: UTF8.self)
    if text.hasSuffix("\n") { text.removeLast() }
    write(text)
  }

  // MARK: the child

  /// The sandbox process's main: evaluates the config and writes its outcome to fd 3.
  public static func runChild(_ args: [String]) -> Int32 {
    guard args.count == 3, isPipe(resultFD) else {
      writeFD(2, "fe: error: \(command) is fe's own config sandbox and is not run by hand\n")
      return FeError.Kind.usage.exitCode
    }
    let (path, cwd, observing) = (args[0], args[1], args[2] == "1")
    // Nothing of the launcher's beyond stdio and the result pipe, whatever it left open.
    closeDescriptors(from: resultFD + 1)
    var limit = rlimit(rlim_cur: rlim_t(processDataBytes), rlim_max: rlim_t(processDataBytes))
    setrlimit(Int32(RLIMIT_DATA.rawValue), &limit)
    var none = rlimit(rlim_cur: 0, rlim_max: 0)
    setrlimit(Int32(RLIMIT_CORE.rawValue), &none)
    signal(SIGPIPE, SIG_IGN)
    // V8 stopping the process (memory beyond every limit) is still the config's verdict.
    Engine.onFatal = { outOfMemory, _, message in
      let error =
        outOfMemory
        ? ConfigError.outOfMemory(path, what: "the config sandbox's memory limit (\(processDataBytes >> 20) MB)")
        : ConfigError.crashed(path, message)
      send(.failed(error))
      _exit(0)
    }
    guard chdir(cwd) == 0 else {
      send(.failed(FeError(.config, "cannot evaluate \(path) from \(cwd): \(String(cString: strerror(errno)))")))
      return 0
    }
    let context = FeContext.current()
    do {
      let base = try BaseSnapshot.open(context.layout)
      let runtime = Runtime(snapshot: base.payload, owner: base.owner, permissions: .config, limits: ConfigEvaluator.limits)
      // From here on the process writes no file: a write that slipped past the runtime's
      // checks fails with EFBIG instead of growing one.
      signal(SIGXFSZ, SIG_IGN)
      setrlimit(Int32(RLIMIT_FSIZE.rawValue), &none)
      writeFD(resultFD, String(decoding: [started], as: UTF8.self))
      let (config, observed) = try ConfigEvaluator().evaluate(path, runtime: runtime, env: context.env, cwd: cwd, observing: observing)
      send(.evaluated(config.value, observed))
    } catch let error as FeError {
      send(.failed(error))
    } catch {
      send(.failed(FeError(.config, "\(path): \(error)")))
    }
    return 0
  }

  private static func send(_ outcome: ConfigOutcome) {
    let bytes =
      outcome.encode()
      ?? ConfigOutcome.failed(FeError(.config, "the settings are nested too deeply to pass on", hint: "flatten fe.config.js's value"))
      .encode() ?? []
    writeAll(resultFD, bytes)
  }

  private static func writeFD(_ fd: Int32, _ s: String) {
    writeAll(fd, Array(s.utf8))
  }

  private static func isPipe(_ fd: Int32) -> Bool {
    var st = stat()
    return fstat(fd, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO
  }

  private static func closeDescriptors(from first: Int32) {
    var fds: [Int32] = []
    if let dir = opendir("/proc/self/fd") {
      while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if let fd = Int32(name), fd >= first, fd != dirfd(dir) { fds.append(fd) }
      }
      closedir(dir)
    }
    for fd in fds { close(fd) }
  }
}

private func nowMs() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
}

private func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
  var done = 0
  while done < bytes.count {
    let n = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    if n < 0 && errno == EINTR { continue }
    if n <= 0 { return }
    done += n
  }
}

/// The sandbox process as the launcher sees it: three pipes and a pid.
private struct Child {
  let pid: pid_t
  let stdout: Int32, stderr: Int32, result: Int32

  init(executable: String, args: [String], env: [String: String]) throws {
    var pipes: [[Int32]] = []
    for _ in 0..<3 {
      var fds: [Int32] = [-1, -1]
      // pipe2 is behind _GNU_SOURCE; nothing else spawns while a config is evaluated.
      guard pipe(&fds) == 0, fcntl(fds[0], F_SETFD, FD_CLOEXEC) == 0, fcntl(fds[1], F_SETFD, FD_CLOEXEC) == 0 else {
        for p in pipes { p.forEach { close($0) } }
        throw FeError(
          .io, "cannot start fe's config sandbox: \(String(cString: strerror(errno)))",
          hint: "check the process's open-file limit (ulimit -n)")
      }
      pipes.append(fds)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    for (i, p) in pipes.enumerated() { posix_spawn_file_actions_adddup2(&actions, p[1], Int32(i + 1)) }
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    posix_spawnattr_setflags(&attr, Int16(Spawn.resetSignals(&attr)))
    var argv: [UnsafeMutablePointer<CChar>?] = ([executable] + args).map { strdup($0) } + [nil]
    var envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for p in argv { free(p) }
      for p in envp { free(p) }
    }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, executable, &actions, &attr, &argv, &envp)
    for p in pipes { close(p[1]) }
    guard rc == 0 else {
      for p in pipes { close(p[0]) }
      throw FeError(.io, "cannot start fe's config sandbox (\(executable)): \(String(cString: strerror(rc)))", hint: "reinstall fe")
    }
    self.pid = pid
    (stdout, stderr, result) = (pipes[0][0], pipes[1][0], pipes[2][0])
  }

  /// Waits for the process until `deadline` (killing it then, or at once with `killing`) and
  /// closes the pipes. nil when it had to be killed.
  func finish(killing: Bool, until deadline: Double) -> Int32? {
    defer { [stdout, stderr, result].forEach { close($0) } }
    var status: Int32 = 0
    if !killing {
      while nowMs() < deadline {
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid { return status }
        if r < 0 && errno != EINTR { return status }
        usleep(1000)
      }
    }
    kill(pid, SIGKILL)
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return nil
  }

  static func describe(_ status: Int32) -> String {
    let signal = status & 0x7f
    if signal != 0 { return "killed by signal \(signal)\(signal == SIGKILL ? ", perhaps for memory" : "")" }
    return "exit \((status >> 8) & 0xff) without a result"
  }
}
